/**
 * The application summary PDF: `app.summaryPdf(application, lang)` validates, assesses and
 * builds it in the worker pool, and the redovisning summary PDF: `app.settlementPdf(input, lang)`
 * validates, settles and builds it there (see worker-pool.ts: it waits its turn, and a full queue is
 * refused with 503 and Retry-After), answering the same 400/422 as the assessments API for an
 * invalid application. `sendPdf` sends it as a download.
 */
import fp from 'fastify-plugin';
import type { FastifyReply } from 'fastify';
import type { Lang } from '../../rules/types.ts';
import { todayInSweden } from '../lang.ts';
import type { SummaryPdfResult } from '../worker/tasks.ts';

declare module 'fastify' {
  interface FastifyInstance {
    summaryPdf(application: unknown, lang: Lang): Promise<SummaryPdfResult>;
    settlementPdf(input: unknown, lang: Lang): Promise<SummaryPdfResult>;
  }
}

/** "Exempla kommun", 2026 → "sammanstallning-exempla-kommun-2026.pdf" (or "redovisning-…"). */
export function summaryFileName(organiserName: string, grantYear: number, prefix: 'sammanstallning' | 'redovisning' = 'sammanstallning'): string {
  const slug = organiserName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${prefix}-${slug || 'ansokan'}-${grantYear}.pdf`;
}

/** Sends the PDF as a download (never cached, as no response is: security-headers.ts). */
export function sendPdf(reply: FastifyReply, { bytes, organiserName, grantYear }: Extract<SummaryPdfResult, { ok: true }>, prefix?: 'redovisning') {
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${summaryFileName(organiserName, grantYear, prefix)}"`)
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

export default fp(
  async (app) => {
    app.decorate('summaryPdf', (application: unknown, lang: Lang) => app.work({ kind: 'summaryPdf', application, lang, asOf: todayInSweden() }));
    app.decorate('settlementPdf', (input: unknown, lang: Lang) => app.work({ kind: 'settlementPdf', input, lang, asOf: todayInSweden() }));
  },
  { name: 'pdf', dependencies: ['worker-pool'] },
);
