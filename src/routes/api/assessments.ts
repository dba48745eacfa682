/**
 * POST /api/v1/assessments: an application in, its assessment out. Invalid input is a 400
 * listing every problem; a bidragsår without rules is a 422; nothing else is an error.
 */
import type { FastifyPluginAsync } from 'fastify';
import { parseApplication } from '../../../forms/application.ts';
import { assess } from '../../../rules/assess.ts';
import { langOf, todayInSweden } from '../../lang.ts';
import { applicationRoute, assessmentSchema, refusedApplication } from '../../api/assessment-schema.ts';
import type { RouteSchema } from '../../api/route-schema.ts';

const schema: RouteSchema = {
  summary: 'Assess an application',
  ...applicationRoute,
  response: { 200: { description: 'The assessment', json: assessmentSchema }, ...refusedApplication },
};

const assessments: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/assessments', { schema }, async (request, reply) => {
    const lang = langOf(request.query);
    const parsed = parseApplication(request.body, lang);
    if (!parsed.ok) return reply.status(parsed.status).send(parsed.body);
    return assess(parsed.application, { asOf: todayInSweden(), lang });
  });
};

export default assessments;
