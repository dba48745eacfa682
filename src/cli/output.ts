/**
 * What the command line writes, in the language asked for: its messages (the word catalogue's
 * `cli`), JSON pretty-printed, a batch's one JSON line per application, the settlement as text,
 * and the summary PDF to a file.
 */
import { writeFile } from 'node:fs/promises';
import type { Application, Assessment, Lang, Settlement } from '../../rules/types.ts';
import { renderSummaryPdf } from '../pdf/summary.ts';
import { settlementText } from '../settlement-words.ts';
import { type Words, words } from '../words/index.ts';

export interface Output {
  write(chunk: string): unknown;
}

export type CliWords = Words['cli'];

export const cliWords: Record<Lang, CliWords> = { sv: words.sv.cli, en: words.en.cli };

/** Pretty-printed with two spaces, as the API's examples are. */
export function writeJson(output: Output, value: unknown) {
  output.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** One application of a batch: `{"application": key, "assessment": …}` or `{"application": key, "error": …}`, on one line. */
export function writeBatchLine(output: Output, key: number | string, outcome: { assessment: Assessment } | { error: unknown }) {
  output.write(`${JSON.stringify({ application: key, ...('error' in outcome ? { error: outcome.error } : { assessment: outcome.assessment }) })}\n`);
}

/** The settlement as the API's JSON, or as text per team, kommun and change. */
export function writeSettlement(output: Output, settlement: Settlement, as: { json: boolean; lang: Lang }) {
  if (as.json) writeJson(output, settlement);
  else output.write(settlementText(settlement, as.lang));
}

/** The application summary PDF (as POST /api/v1/assessments/pdf gives it), to `file`. */
export async function writeSummaryPdf(file: string, application: Application, assessment: Assessment) {
  const { bytes } = await renderSummaryPdf(application, assessment);
  await writeFile(file, bytes);
}
