/**
 * Reads the JSON attachments back from a summary PDF, so an imported PDF can restore a draft:
 * the application summary's ansokan.json and bedomning.json, or the redovisning summary's
 * redovisning.json (the settlement's input; its estimate beside it is not read). Walks the catalog's Names/EmbeddedFiles name tree with
 * pdf-lib's low-level objects. Never throws: junk, an encrypted or damaged file, or a PDF
 * without the attachments of either summary is `notSummary`.
 *
 * The file is the client's, so the limits are checked before the work: an attachment is
 * inflated only up to MAX_BYTES (a summary of 20 teams of 50 people carries about 1.3 MB),
 * and its JSON is scanned for nesting deeper than MAX_NESTING before JSON.parse sees it (an
 * application nests about 6 deep). A 32 KB file that inflates to 32 MB of `[[[[…` stops at
 * the first 2 MB.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { MAX_ATTACHMENT_BYTES, MAX_NESTING } from './attachment-limits.ts';

/** The application summary's attachments: the application and its assessment. */
export const SUMMARY_NAMES = { application: 'ansokan.json', assessment: 'bedomning.json' } as const;
/** The redovisning summary's attachments: the settlement's input and the estimate made from it. */
export const SETTLEMENT_NAMES = { input: 'redovisning.json', estimate: 'redovisning-uppskattning.json' } as const;
/** Name-tree depth the reader accepts (the tree is user-supplied). */
const MAX_DEPTH = 16;

export type AttachmentsRead =
  | { ok: true; application: unknown; assessment: unknown; settlement?: never }
  | { ok: true; settlement: unknown; application?: never; assessment?: never }
  | { ok: false; problem: 'notSummary' | 'tooLarge' | 'tooDeep' };

/** Refusals that name a limit, as opposed to a file that is not a summary at all. */
class LimitError extends Error {
  constructor(readonly problem: 'tooLarge' | 'tooDeep') {
    super(problem);
  }
}

export async function readAttachments(pdfBytes: Uint8Array): Promise<AttachmentsRead> {
  try {
    const doc = await PDFDocument.load(pdfBytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
    const files = embeddedFiles(doc);
    const settlement = files.get(SETTLEMENT_NAMES.input);
    if (settlement) return { ok: true, settlement: parseJson(settlement) };
    const application = files.get(SUMMARY_NAMES.application);
    const assessment = files.get(SUMMARY_NAMES.assessment);
    if (!application || !assessment) return { ok: false, problem: 'notSummary' };
    return { ok: true, application: parseJson(application), assessment: parseJson(assessment) };
  } catch (error) {
    return { ok: false, problem: error instanceof LimitError ? error.problem : 'notSummary' };
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

/** The stream's bytes, inflated when FlateDecode is its (only) filter; never more than MAX_ATTACHMENT_BYTES. */
function contents(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray().map((f) => resolveName(stream, f)) : filter ? [resolveName(stream, filter)] : [];
  const raw = stream.getContents();
  if (filters.length === 0) {
    if (raw.length > MAX_ATTACHMENT_BYTES) throw new LimitError('tooLarge');
    return raw;
  }
  if (filters.length === 1 && filters[0] === '/FlateDecode') {
    try {
      return inflateSync(raw, { maxOutputLength: MAX_ATTACHMENT_BYTES });
    } catch (error) {
      throw (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? new LimitError('tooLarge') : error;
    }
  }
  throw new Error(`Unsupported filter ${filters.join(' ')}`);
}

function resolveName(stream: PDFRawStream, value: PDFObject): string {
  const resolved = value instanceof PDFRef ? stream.dict.context.lookup(value) : value;
  return resolved instanceof PDFName ? resolved.asString() : String(resolved);
}

function parseJson(stream: PDFRawStream): unknown {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(contents(stream));
  if (nesting(text) > MAX_NESTING) throw new LimitError('tooDeep');
  return JSON.parse(text);
}

/** How deep the arrays and objects of a JSON text nest, counted in one pass outside strings. */
function nesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      deepest = Math.max(deepest, ++depth);
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}
