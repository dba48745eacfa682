/**
 * The frame every PDF of the product shares: A4 pages with the huvudman's name and the bidragsår
 * in the header, a note and "Sida n av N" in the footer, metadata, and JSON attachments that
 * carry the input so a saved PDF can restore it (attachments.ts reads them back). The same input
 * gives the same bytes: every date in the file is the given date, and the document ID is a hash
 * of the attachments.
 */
import { createHash } from 'node:crypto';
import { AFRelationship, PDFDocument, PDFHexString } from 'pdf-lib';
import { embedTypefaces } from './fonts.ts';
import { colors, Cursor, truncate, type PageDecoration } from './layout.ts';

export interface RenderedPdf {
  bytes: Uint8Array;
  /** The characters of the input the document could not draw, each shown as U+FFFD instead. */
  replaced: string[];
}

export interface Attachment {
  name: string;
  description: string;
  value: unknown;
  /** Source: the input the document was made from; Supplement: what was computed from it. */
  relationship: 'source' | 'supplement';
}

export interface DocumentFrame {
  /** YYYY-MM-DD: the document's date, in its metadata and attachments. */
  date: string;
  title: string;
  subject: string;
  keywords: string[];
  /** The running header: the huvudman's name on the left, e.g. "Bidragsår 2026" on the right. */
  header: { left: string; right: string };
  /** The footer's note beside the page number. */
  footer: string;
  attachments: Attachment[];
}

/** Builds the document: `draw` lays out the content with the cursor, synchronously. */
export async function renderDocument(frame: DocumentFrame, draw: (cursor: Cursor) => void): Promise<RenderedPdf> {
  const day = new Date(`${frame.date}T00:00:00Z`);
  const date = Number.isNaN(day.getTime()) ? new Date(0) : day;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const faces = await embedTypefaces(doc);

  const decoration: PageDecoration = {
    header(page, cursor) {
      const size = 8.5;
      const top = page.getHeight() - 30;
      const right = frame.header.right;
      const rightWidth = faces.regular.width(right, size);
      const left = truncate(faces.regular, faces.regular.prepare(frame.header.left), size, cursor.width - rightWidth - 24);
      cursor.drawLine(left, cursor.left, top, { size, color: colors.muted }, page);
      cursor.drawLine(right, cursor.right - rightWidth, top, { size, color: colors.muted }, page);
      page.drawLine({ start: { x: cursor.left, y: top - 14 }, end: { x: cursor.right, y: top - 14 }, thickness: 0.6, color: colors.rule });
    },
    footer(page, cursor, number, count) {
      const size = 8;
      const top = 40;
      const pageText = `Sida ${number} av ${count}`;
      page.drawLine({ start: { x: cursor.left, y: top + 6 }, end: { x: cursor.right, y: top + 6 }, thickness: 0.6, color: colors.rule });
      cursor.drawLine(faces.regular.prepare(frame.footer), cursor.left, top, { size, color: colors.muted }, page);
      cursor.drawLine(pageText, cursor.right - faces.regular.width(pageText, size), top, { size, color: colors.muted }, page);
    },
  };

  // Everything is drawn synchronously from here to `finish` (see Typefaces.beginDrawing).
  faces.beginDrawing();
  const cursor = new Cursor(doc, faces, decoration);
  draw(cursor);
  cursor.finish();

  doc.setTitle(frame.title, { showInWindowTitleBar: true });
  doc.setSubject(frame.subject);
  doc.setAuthor('sst-bidrag');
  doc.setCreator('sst-bidrag');
  doc.setProducer('sst-bidrag (pdf-lib)');
  doc.setKeywords(frame.keywords);
  doc.setLanguage('sv-SE');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  // The file identifier: a hash of the input, never random, so equal input gives equal bytes.
  const id = createHash('sha256')
    .update(JSON.stringify(frame.attachments.map((a) => a.value)))
    .digest('hex')
    .slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);

  for (const attachment of frame.attachments) {
    await doc.attach(new TextEncoder().encode(`${JSON.stringify(attachment.value, null, 2)}\n`), attachment.name, {
      mimeType: 'application/json',
      description: attachment.description,
      creationDate: date,
      modificationDate: date,
      afRelationship: attachment.relationship === 'source' ? AFRelationship.Source : AFRelationship.Supplement,
    });
  }
  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, replaced: [...faces.replaced] };
}
