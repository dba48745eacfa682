/**
 * Writes the summary PDF of the typical application to docs/sammanstallning-exempel.pdf and,
 * when poppler's pdftoppm is installed, its first page to docs/sammanstallning-sida-1.png
 * (about 100 dpi) for a look at the layout.
 *
 *   ./node_modules/.bin/tsx test/pdf/render-sample.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseApplication } from '../../forms/application.ts';
import { assess } from '../../rules/assess.ts';
import { renderSummaryPdf } from '../../src/pdf/summary.ts';
import { typicalApplication } from '../bench/fixtures.ts';

const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
const parsed = parseApplication(typicalApplication());
if (!parsed.ok) throw new Error(`The typical application is invalid: ${JSON.stringify(parsed.body)}`);
const assessment = assess(parsed.application, { asOf: '2026-01-20' });
const { bytes } = await renderSummaryPdf(parsed.application, assessment);

mkdirSync(docs, { recursive: true });
const pdfPath = `${docs}sammanstallning-exempel.pdf`;
writeFileSync(pdfPath, bytes);
console.log(`${pdfPath} (${bytes.length} bytes)`);

const pngBase = `${docs}sammanstallning-sida-1`;
try {
  execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', pdfPath, pngBase]);
  console.log(`${pngBase}.png`);
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') console.log('pdftoppm is not installed (Debian: poppler-utils); no PNG written.');
  else throw error;
}
