/** A PDF's text as a person's PDF reader gives it (pdfjs-dist), for tests that read a PDF back. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page as pdfjs extracts it, items joined by spaces. */
export async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent({ disableNormalization: true });
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
