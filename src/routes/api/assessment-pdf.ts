/** POST /api/v1/assessments/pdf: the same body as /api/v1/assessments, the summary as a PDF. */
import type { FastifyPluginAsync } from 'fastify';
import { langOf } from '../../lang.ts';
import { sendPdf } from '../../plugins/pdf.ts';
import { applicationRoute, refusedApplication } from '../../api/assessment-schema.ts';
import { errorBody } from '../../api/schemas.ts';
import type { RouteSchema } from '../../api/route-schema.ts';

const schema: RouteSchema = {
  summary: 'The application summary as a PDF (in Swedish), with the application and the assessment attached as JSON',
  ...applicationRoute,
  response: {
    200: { description: 'The summary', media: 'application/pdf' },
    ...refusedApplication,
    503: { description: 'Too many summaries are being built; try again after Retry-After seconds', json: errorBody },
  },
};

const assessmentPdf: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/assessments/pdf', { schema }, async (request, reply) => {
    const pdf = await app.summaryPdf(request.body, langOf(request.query));
    return pdf.ok ? sendPdf(reply, pdf) : reply.status(pdf.status).send(pdf.body);
  });
};

export default assessmentPdf;
