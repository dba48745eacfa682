/**
 * What the result page and the quick estimate say alike: outcome labels, the amounts' names,
 * and a finding as the findings partial shows it.
 */
import { ruleDefinition } from '../rules/catalogue.ts';
import type { Finding, Lang } from '../rules/types.ts';

export const resultWords = {
  sv: {
    outcome: { pass: 'Uppfyllt', fail: 'Inte uppfyllt', warn: 'Uppfyllt, observera', review: 'Behöver bedömas', info: 'Information' } as Record<string, string>,
    fix: 'Så kan det rättas',
    amountsNote: 'Beloppen är de högsta som kan lämnas. De är inte ett beslut.',
    grant: 'Skolverkets bidrag',
    matched: 'Socialstyrelsens belopp till kommunen',
    usable: 'Del kommunen får använda',
    risk: 'Risk att betala tillbaka',
  },
  en: {
    outcome: { pass: 'Met', fail: 'Not met', warn: 'Met, note', review: 'Needs review', info: 'Information' } as Record<string, string>,
    fix: 'How to put it right',
    amountsNote: 'The amounts are the most that can be granted. They are not a decision.',
    grant: "Skolverket's grant",
    matched: "Socialstyrelsen's amount to the municipality",
    usable: 'Part the municipality may use',
    risk: 'Risk of repayment',
  },
};

export function findingView(f: Finding, lang: Lang) {
  return { outcome: f.outcome, label: resultWords[lang].outcome[f.outcome], title: ruleDefinition(f.rule).title[lang], citation: f.citation, message: f.message, fix: f.fix };
}
