/**
 * Förordningen (2023:179), 2 §, in its original wording:
 *
 *   > Statsbidrag lämnas i mån av tillgång på medel och för ett kalenderår (bidragsår) i
 *   > sänder.
 *
 * SFS 2023:946 (from bidragsår 2024) reprints the ordinance; its wording of this paragraph is
 * not quoted here because it has not been checked against the reprint.
 *
 * How the product reads it:
 *
 * 2 § förordningen (2023:179): grants are given only as far as funds allow, for one calendar
 * year (bidragsår) at a time. The rule set is chosen by the bidragsår, never by today's date.
 */
import { lowerFirst } from './format.ts';
import type { RuleSet } from './params/rule-set.ts';
import { finding, type Rule, type RuleDefinition } from './rule.ts';
import type { Finding, Lang } from './types.ts';

export const grantYear: RuleDefinition = {
  id: 'grant-year',
  title: { sv: 'Bidragsår och regler', en: 'Grant year and rules' },
  scope: 'application',
  citation: '2 §',
  outcomes: ['info'],
  summary: {
    sv: 'Bidrag lämnas för ett bidragsår i taget och bara i den mån det finns medel. Vilka regler som gäller bestäms av bidragsåret: 2023 gäller förordningens ursprungliga lydelse, från 2024 lydelsen enligt SFS 2023:946.',
    en: "Grants are given one grant year at a time and only as far as funds allow. The grant year decides which rules apply: 2023 follows the ordinance's original wording, 2024 onwards the wording of SFS 2023:946.",
  },
};

export function checkGrantYear(ruleSet: RuleSet, lang: Lang): Finding {
  const { from, to } = ruleSet.year.grantPeriod.value;
  return finding(
    grantYear,
    lang,
    { scope: 'application' },
    'info',
    {
      sv: `Bidragsår ${ruleSet.grantYear} bedöms enligt ${lowerFirst(ruleSet.title.sv)}. Bidragsperioden är ${from}–${to}. Bidrag lämnas bara i den mån det finns medel.`,
      en: `Grant year ${ruleSet.grantYear} is assessed under the ${lowerFirst(ruleSet.title.en)}. The grant period is ${from} to ${to}. Grants are given only as far as funds allow.`,
    },
    { details: { ruleSet: ruleSet.id, grantPeriod: { from, to } } },
  );
}

export const grantYearRule: Rule = {
  definition: grantYear,
  checkApplication: (c) => checkGrantYear(c.ruleSet, c.lang),
};
