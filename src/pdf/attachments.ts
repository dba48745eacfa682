/**
 * Reads the JSON attachments (ansokan.json, bedomning.json) back from a summary PDF, so an
 * imported PDF can restore a draft. Walks the catalog's Names/EmbeddedFiles name tree with
 * pdf-lib's low-level objects. Never throws: junk, an encrypted or damaged file, or a PDF
 * without both attachments gives undefined.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

const NAMES = { application: 'ansokan.json', assessment: 'bedomning.json' };
/** Name-tree depth and attachment size the reader accepts (the tree is user-supplied). */
const MAX_DEPTH = 16;
const MAX_BYTES = 32 * 1024 * 1024;

export async function readAttachments(pdfBytes: Uint8Array): Promise<{ application: unknown; assessment: unknown } | undefined> {
  try {
    const doc = await PDFDocument.load(pdfBytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
    const files = embeddedFiles(doc);
    const application = files.get(NAMES.application);
    const assessment = files.get(NAMES.assessment);
    if (!application || !assessment) return undefined;
    return { application: parseJson(application), assessment: parseJson(assessment) };
  } catch {
    return undefined;
  }
}

/** Every embedded file by name: the file specifications in the EmbeddedFiles name tree. */
function embeddedFiles(doc: PDFDocument): Map<string, PDFRawStream> {
  const files = new Map<string, PDFRawStream>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const root = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const seen = new Set<PDFDict>();
  const visit = (node: PDFDict, depth: number) => {
    if (depth > MAX_DEPTH || seen.has(node)) return;
    seen.add(node);
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
      const key = pairs.lookup(i);
      const spec = pairs.lookup(i + 1);
      if (!(key instanceof PDFString || key instanceof PDFHexString) || !(spec instanceof PDFDict)) continue;
      const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
      if (stream instanceof PDFRawStream && !files.has(key.decodeText())) files.set(key.decodeText(), stream);
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) visit(kid, depth + 1);
    }
  };
  if (root) visit(root, 0);
  return files;
}

/** The stream's bytes, inflated when FlateDecode is its (only) filter. */
function contents(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray().map((f) => resolveName(stream, f)) : filter ? [resolveName(stream, filter)] : [];
  const raw = stream.getContents();
  if (filters.length === 0) return raw;
  if (filters.length === 1 && filters[0] === '/FlateDecode') return inflateSync(raw, { maxOutputLength: MAX_BYTES });
  throw new Error(`Unsupported filter ${filters.join(' ')}`);
}

function resolveName(stream: PDFRawStream, value: PDFObject): string {
  const resolved = value instanceof PDFRef ? stream.dict.context.lookup(value) : value;
  return resolved instanceof PDFName ? resolved.asString() : String(resolved);
}

function parseJson(stream: PDFRawStream): unknown {
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(contents(stream)));
}
