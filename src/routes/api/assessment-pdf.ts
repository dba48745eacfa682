/** POST /api/v1/assessments/pdf: the same body as /api/v1/assessments, the summary as a PDF. */
import type { FastifyPluginAsync } from 'fastify';
import { parseApplication } from '../../../forms/application.ts';
import { assess } from '../../../rules/assess.ts';
import { langOf, todayInSweden } from '../../lang.ts';
import { sendPdf, summaryFileName } from '../../plugins/pdf.ts';

const assessmentPdf: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/assessments/pdf', async (request, reply) => {
    const parsed = parseApplication(request.body, langOf(request.query));
    if (!parsed.ok) return reply.status(parsed.status).send(parsed.body);
    const { application } = parsed;
    const bytes = await app.summaryPdf(application, assess(application, { asOf: todayInSweden(), lang: 'sv' }));
    return sendPdf(reply, bytes, summaryFileName(application.organiser.name, application.grantYear));
  });
};

export default assessmentPdf;
