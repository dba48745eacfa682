/**
 * POST /api/v1/assessments: an application in, its assessment out. Invalid input is a 400
 * listing every problem; a bidragsår without rules is a 422; nothing else is an error.
 */
import type { FastifyPluginAsync } from 'fastify';
import { parseApplication } from '../../../forms/application.ts';
import { assess } from '../../../rules/assess.ts';
import { langOf, todayInSweden } from '../../lang.ts';

const assessments: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/assessments', async (request, reply) => {
    const lang = langOf(request.query);
    const parsed = parseApplication(request.body, lang);
    if (!parsed.ok) return reply.status(parsed.status).send(parsed.body);
    return assess(parsed.application, { asOf: todayInSweden(), lang });
  });
};

export default assessments;
