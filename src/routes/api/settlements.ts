/**
 * POST /api/v1/settlements: the year after the decision (RULEBOOK §6, D19–D23). The application
 * as carried out, Skolverket's decision per team and optionally the application as applied
 * for in; the settlement out. Invalid input is a 400 listing every problem under
 * `application.`, `decision.` or `applied.`; a bidragsår without settlement rules is a 422.
 */
import type { FastifyPluginAsync } from 'fastify';
import { parseSettlement } from '../../../forms/settlement.ts';
import { settle } from '../../../rules/settlement.ts';
import { langOf, todayInSweden } from '../../lang.ts';

const settlements: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/settlements', async (request, reply) => {
    const lang = langOf(request.query);
    const parsed = parseSettlement(request.body, lang);
    if (!parsed.ok) return reply.status(parsed.status).send(parsed.body);
    return settle(parsed.input, { asOf: todayInSweden(), lang });
  });
};

export default settlements;
