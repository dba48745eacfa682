/**
 * The heavy work, run in the worker pool (src/plugins/worker-pool.ts) so that it never holds up
 * the request thread: building the summary PDF (validating and assessing the application
 * first, which for 20 teams of 20 people is itself ~100 ms) and the redovisning summary PDF
 * (validating and settling first), reading a summary PDF's
 * attachments, and reading a staff list as a table. Each task takes and returns plain data
 * (structured clone); the limits on the client's files are checked inside each reader.
 */
import { parseApplication } from '../../forms/application.ts';
import { parseSettlement, withDecisionDates } from '../../forms/settlement.ts';
import { readTable, type TableResult } from '../../forms/member-import.ts';
import { assess } from '../../rules/assess.ts';
import { settle } from '../../rules/settlement.ts';
import type { Lang } from '../../rules/types.ts';
import { readAttachments, type AttachmentsRead } from '../pdf/attachments.ts';
import { renderSettlementPdf } from '../pdf/settlement-pdf.ts';
import { renderSummaryPdf } from '../pdf/summary.ts';

export type Task =
  | { kind: 'summaryPdf'; application: unknown; lang: Lang; asOf: string }
  | { kind: 'settlementPdf'; input: unknown; lang: Lang; asOf: string }
  | { kind: 'readAttachments'; bytes: Uint8Array }
  | { kind: 'readTable'; input: Uint8Array | string };

/** The summary of a valid application, or the same 400/422 answer the assessments API gives. */
export type SummaryPdfResult = { ok: true; bytes: Uint8Array; organiserName: string; grantYear: number } | { ok: false; status: number; body: unknown };

/** What each kind of task answers. */
export type TaskResult = { summaryPdf: SummaryPdfResult; settlementPdf: SummaryPdfResult; readAttachments: AttachmentsRead; readTable: TableResult };

async function summaryPdf({ application: input, lang, asOf }: { application: unknown; lang: Lang; asOf: string }): Promise<SummaryPdfResult> {
  const parsed = parseApplication(input, lang);
  if (!parsed.ok) return parsed;
  const { application } = parsed;
  const { bytes } = await renderSummaryPdf(application, assess(application, { asOf, lang: 'sv' }));
  return { ok: true, bytes, organiserName: application.organiser.name, grantYear: application.grantYear };
}

/** The redovisning summary of a valid settlement request, or the same 400/422 answer the settlements API gives. */
async function settlementPdf({ input, lang, asOf }: { input: unknown; lang: Lang; asOf: string }): Promise<SummaryPdfResult> {
  const parsed = parseSettlement(input, lang);
  if (!parsed.ok) return parsed;
  const { application } = parsed.input;
  const { bytes } = await renderSettlementPdf(withDecisionDates(parsed.input, input), settle(parsed.input, { asOf, lang: 'sv' }), asOf);
  return { ok: true, bytes, organiserName: application.organiser.name, grantYear: application.grantYear };
}

export default async function run(task: Task) {
  switch (task.kind) {
    case 'summaryPdf':
      return summaryPdf(task);
    case 'settlementPdf':
      return settlementPdf(task);
    case 'readAttachments':
      return readAttachments(task.bytes);
    case 'readTable':
      return readTable(task.input);
  }
}
