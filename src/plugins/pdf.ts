/**
 * Building the application summary PDF, a few at a time: `app.summaryPdf(application,
 * assessment)` waits its turn behind at most PDF_CONCURRENCY others and refuses with
 * QueueFullError (503 with Retry-After, see errors.ts) when PDF_QUEUE_LIMIT already wait, so a burst
 * cannot exhaust memory or keep sockets open until they time out.
 */
import fp from 'fastify-plugin';
import type { FastifyReply } from 'fastify';
import type { Application, Assessment } from '../../rules/types.ts';
import { Limiter } from '../limiter.ts';
import { renderSummaryPdf } from '../pdf/summary.ts';

export const PDF_CONCURRENCY = 2;
export const PDF_QUEUE_LIMIT = 16;
declare module 'fastify' {
  interface FastifyInstance {
    summaryPdf(application: Application, assessment: Assessment): Promise<Uint8Array>;
  }
}

/** "Exempla kommun", 2026 → "sammanstallning-exempla-kommun-2026.pdf". */
export function summaryFileName(organiserName: string, grantYear: number): string {
  const slug = organiserName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `sammanstallning-${slug || 'ansokan'}-${grantYear}.pdf`;
}

/** Sends the PDF as a download that is never cached (it holds salaries). */
export function sendPdf(reply: FastifyReply, bytes: Uint8Array, fileName: string) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

export default fp(
  async (app) => {
    const limiter = new Limiter(PDF_CONCURRENCY, PDF_QUEUE_LIMIT);
    app.decorate('summaryPdf', async (application: Application, assessment: Assessment) => {
      const { bytes } = await limiter.run(() => renderSummaryPdf(application, assessment));
      return bytes;
    });
  },
  { name: 'pdf' },
);
