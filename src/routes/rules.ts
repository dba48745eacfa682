/** GET /regler: every rule with its paragraph in plain language, from the rule files. */
import type { FastifyPluginAsync } from 'fastify';
import { allRuleDefinitions, ruleCatalogue } from '../../rules/catalogue.ts';
import { decisions } from '../../rules/decisions.ts';
import { decisionsOf } from '../docs/rule-docs.ts';
import type { RuleDefinition } from '../../rules/rule.ts';
import type { Lang } from '../../rules/types.ts';
import { langOf } from '../lang.ts';
import { pageData } from '../page.ts';
import { words } from '../words/index.ts';

const text = { sv: words.sv.rules, en: words.en.rules };

/** The decisions each rule rests on, read once from the rule files. */
const decisionsByRule = new Map(allRuleDefinitions.map((rule) => [rule.id, decisionsOf(rule.id)]));

function describe(rule: RuleDefinition, lang: Lang) {
  return {
    id: rule.id,
    citation: rule.citation,
    title: rule.title[lang],
    summary: rule.summary[lang],
    guidance: rule.guidance ?? false,
    decisions: decisionsByRule.get(rule.id) ?? [],
  };
}

const rules: FastifyPluginAsync = async (app) => {
  app.get('/regler', async (request, reply) => {
    const lang = langOf(request.query);
    const t = text[lang];
    return reply.view('rules.eta', {
      ...pageData(lang, '/regler', t.title),
      heading: t.heading,
      lead: t.lead,
      guidanceNote: t.guidanceNote,
      restsOn: t.restsOn,
      decisionsHeading: t.decisionsHeading,
      decisionsLead: t.decisionsLead,
      decisions,
      groups: [
        { heading: t.conditions, rules: ruleCatalogue.findings.map((r) => describe(r, lang)) },
        { heading: t.calculations, rules: ruleCatalogue.calculations.map((r) => describe(r, lang)) },
        { heading: t.settlement, rules: ruleCatalogue.settlement.map((r) => describe(r, lang)) },
      ],
    });
  });
};

export default rules;
