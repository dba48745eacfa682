/** POST /api/v1/assessments/pdf: the same body as /api/v1/assessments, the summary as a PDF. */
import type { FastifyPluginAsync } from 'fastify';
import { langOf } from '../../lang.ts';
import { sendPdf } from '../../plugins/pdf.ts';

const assessmentPdf: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/assessments/pdf', async (request, reply) => {
    const pdf = await app.summaryPdf(request.body, langOf(request.query));
    return pdf.ok ? sendPdf(reply, pdf) : reply.status(pdf.status).send(pdf.body);
  });
};

export default assessmentPdf;
