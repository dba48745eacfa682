/**
 * Förordningen (2023:179), 3 § andra meningen, in its original wording:
 *
 *   > Bidrag får inte heller lämnas för utbildning som bedrivs enligt förordningen (1992:395)
 *   > om uppdragsutbildning inom skolväsendet.
 *
 * SFS 2023:946 (from bidragsår 2024) reprints the ordinance; its wording of this paragraph is
 * not quoted here because it has not been checked against the reprint.
 *
 * How the product reads it:
 *
 * 3 § förordningen (2023:179): no grant for uppdragsutbildning under förordningen (1992:395).
 * [D5](../docs/decisions.md#d5): such a team's members have no eligible cost; the team is not eligible.
 */
import { finding, type Rule, type RuleDefinition } from './rule.ts';
import type { Finding, Lang, Team } from './types.ts';

export const contractEducation: RuleDefinition = {
  id: 'contract-education',
  title: { sv: 'Uppdragsutbildning', en: 'Contract education' },
  scope: 'team',
  citation: '3 §',
  outcomes: ['pass', 'fail'],
  summary: {
    sv: 'Bidrag lämnas inte för uppdragsutbildning, det vill säga utbildning som någon köper för andras räkning enligt förordningen (1992:395).',
    en: 'No grant is given for contract education (uppdragsutbildning), education bought on behalf of others under ordinance 1992:395.',
  },
};

export function checkContractEducation(team: Team, index: number, lang: Lang): Finding {
  const where = { scope: 'team' as const, team: index };
  if (!team.contractEducation) {
    return finding(contractEducation, lang, where, 'pass', {
      sv: 'Teamets arbete gäller inte uppdragsutbildning.',
      en: "The team's work does not concern contract education.",
    });
  }
  return finding(
    contractEducation,
    lang,
    where,
    'fail',
    {
      sv: 'Teamets arbete gäller uppdragsutbildning. För sådan utbildning lämnas inget bidrag.',
      en: "The team's work concerns contract education. No grant is given for it.",
    },
    {
      fix: {
        sv: 'Bidrag kan bara sökas för ett team vars arbete inte gäller uppdragsutbildning.',
        en: 'A grant can be applied for only for a team whose work does not concern contract education.',
      },
      fixData: { kind: 'exclude_contract_education' },
    },
  );
}

/** Effect: a team in contract education is not eligible and its members give no cost (D5). */
export const contractEducationRule: Rule = {
  definition: contractEducation,
  admitsTeam: (team) => !team.contractEducation,
  bearsCost: (_member, team) => !team.contractEducation,
  checkTeam: (c) => checkContractEducation(c.facts.team, c.facts.index, c.lang),
};
