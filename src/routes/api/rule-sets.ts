/**
 * GET /api/v1/rule-sets and GET /api/v1/rule-sets/{year}: the wordings of the ordinance the
 * tool applies, and for one bidragsår its parameters, rules (citation and plain-language
 * text), the rules of the settlement after the year where there are any, and sources.
 */
import type { FastifyPluginAsync } from 'fastify';
import { ruleDefinition } from '../../../rules/catalogue.ts';
import { ruleSetDefinitions, ruleSetFor, knownGrantYears } from '../../../rules/rule-sets.ts';
import { langOf } from '../../lang.ts';
import { errorSchemas } from '../../api/assessment-schema.ts';
import { ruleSetSchemas } from '../../api/schemas.ts';
import { langQuery, type RouteSchema } from '../../api/route-schema.ts';
import * as z from 'zod';

const list: RouteSchema = {
  summary: 'List the rule sets',
  querystring: langQuery,
  response: { 200: { description: 'The rule sets', json: ruleSetSchemas.list } },
};
const one: RouteSchema = {
  summary: 'The rule set for a grant year: parameters, rules with citations, sources',
  params: z.object({ year: z.string().describe('The grant year, e.g. 2026') }),
  querystring: langQuery,
  response: { 200: { description: 'The rule set', json: ruleSetSchemas.one }, 404: { description: 'No rule set for that year', json: errorSchemas.noRuleSet } },
};

const ruleSets: FastifyPluginAsync = async (app) => {
  app.get('/api/v1/rule-sets', { schema: list }, async (request) => {
    const lang = langOf(request.query);
    return {
      ruleSets: ruleSetDefinitions.map((d) => ({
        id: d.id,
        title: d.title[lang],
        wording: d.wording,
        grantYears: Object.keys(d.years).map(Number),
      })),
    };
  });

  app.get<{ Params: { year: string } }>('/api/v1/rule-sets/:year', { schema: one }, async (request, reply) => {
    const lang = langOf(request.query);
    const describe = (ruleId: string) => {
      const rule = ruleDefinition(ruleId);
      return { id: ruleId, scope: rule.scope, citation: rule.citation, outcomes: rule.outcomes, text: rule.summary[lang], guidance: rule.guidance ?? false };
    };
    const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : undefined;
    const ruleSet = year === undefined ? undefined : ruleSetFor(year);
    if (!ruleSet) {
      return reply.status(404).send({ error: 'no_rule_set', knownYears: knownGrantYears() });
    }
    const { id, title, wording, grantYear, year: yearParameters, rules, settlementRules = [], ...parameters } = ruleSet;
    const allParameters = { ...parameters, ...yearParameters };
    const withValue = Object.entries(allParameters).filter(([, p]) => p !== undefined);
    return {
      id,
      title: title[lang],
      wording,
      grantYear,
      parameters: Object.fromEntries(withValue),
      rules: rules.map(describe),
      settlementRules: settlementRules.map(describe),
      sources: [...new Map(withValue.map(([, p]) => [p!.source.url, p!.source])).values()],
    };
  });
};

export default ruleSets;
