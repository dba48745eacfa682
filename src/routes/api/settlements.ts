/**
 * POST /api/v1/settlements: the year after the decision (the year after the decision, D19–D23). The application
 * as carried out, Skolverket's decision per team and optionally the application as applied
 * for in; the settlement out. Invalid input is a 400 listing every problem under
 * `application.`, `decision.` or `applied.`; a bidragsår without settlement rules is a 422.
 */
import type { FastifyPluginAsync } from 'fastify';
import * as z from 'zod';
import { documentedApplication } from '../../../forms/application.ts';
import { parseSettlement } from '../../../forms/settlement.ts';
import { settle } from '../../../rules/settlement.ts';
import { errorSchemas, refusedApplication, settlementSchema } from '../../api/assessment-schema.ts';
import { langOf, todayInSweden } from '../../lang.ts';
import { langQuery, type RouteSchema } from '../../api/route-schema.ts';

const decidedGrant = z
  .union([z.string().regex(/^[0-9]+(\.0+)?$/), z.number().int().min(0)])
  .describe("Skolverket's decided grant for the team, whole kronor; 0 for a team not granted");

const settlementRequest = z
  .object({
    application: documentedApplication.describe('The application as carried out during the grant year; members may add actualCost'),
    decision: z.object({
      teams: z.array(z.object({ skolverketGrant: decidedGrant })).describe('One entry per team of application.teams, in the same order'),
    }),
    applied: documentedApplication.optional().describe('The application as applied for, for the changes to report (D23)'),
  })
  .meta({ id: 'SettlementRequest' });

const schema: RouteSchema = {
  summary:
    "The year after the decision: Skolverket's decided grant per team against the application as carried out; justified, used and unused grant, the conditions during the year, the kommun's received, usable and to-repay money and the changes to report. Every amount is the tool's estimate. Grant years 2024 onwards",
  querystring: langQuery,
  body: settlementRequest,
  response: {
    200: { description: 'The settlement', json: settlementSchema.meta({ id: 'Settlement' }) },
    ...refusedApplication,
    422: { description: 'No settlement for the grant year (before 2024, or a year without rules)', json: errorSchemas.noSettlementRules },
  },
};

const settlements: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/settlements', { schema }, async (request, reply) => {
    const lang = langOf(request.query);
    const parsed = parseSettlement(request.body, lang);
    if (!parsed.ok) return reply.status(parsed.status).send(parsed.body);
    return settle(parsed.input, { asOf: todayInSweden(), lang });
  });
};

export default settlements;
