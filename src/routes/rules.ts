/** GET /regler: every rule with its paragraph in plain language, from the rule files. */
import type { FastifyPluginAsync } from 'fastify';
import { ruleCatalogue } from '../../rules/catalogue.ts';
import { decisions } from '../../rules/decisions.ts';
import { decisionsOf } from '../docs/rule-docs.ts';
import type { RuleDefinition } from '../../rules/rule.ts';
import type { Lang } from '../../rules/types.ts';
import { langOf } from '../lang.ts';
import { pageData } from '../page.ts';

const text = {
  sv: {
    title: 'Reglerna',
    heading: 'Reglerna som verktyget tillämpar',
    lead: 'Förordningen (2023:179) om statsbidrag för personalkostnader för skolsociala team, i den ursprungliga lydelsen för bidragsår 2023 och i lydelsen enligt SFS 2023:946 från bidragsår 2024.',
    conditions: 'Villkor',
    calculations: 'Status och belopp',
    settlement: 'Redovisning efter året (från bidragsår 2024)',
    guidanceNote: 'Bygger delvis på myndighetens vägledning, inte bara förordningens ordalydelse.',
    decisionsHeading: 'Tolkningar',
    decisionsLead: 'Där förordningen eller myndigheternas vägledning lämnar ett val säger besluten här hur verktyget läser dem.',
    restsOn: 'Vilar på tolkningarna',
  },
  en: {
    title: 'The rules',
    heading: 'The rules the tool applies',
    lead: 'Ordinance 2023:179 on state grants for personnel costs of school-social teams, in its original wording for grant year 2023 and as amended by SFS 2023:946 from grant year 2024.',
    conditions: 'Conditions',
    calculations: 'Status and amounts',
    settlement: 'The report after the year (from grant year 2024)',
    guidanceNote: 'Rests partly on the agency\'s guidance, not only on the ordinance\'s wording.',
    decisionsHeading: 'Readings',
    decisionsLead: 'Where the ordinance or the agencies\' guidance leaves a choice, these decisions say how the tool reads it (in Swedish).',
    restsOn: 'Rests on the readings',
  },
};

/** The decisions each rule rests on, read once from the rule files. */
const decisionsByRule = new Map(
  [...ruleCatalogue.findings, ...ruleCatalogue.calculations, ...ruleCatalogue.settlement].map((rule) => [rule.id, decisionsOf(rule.id)]),
);

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
