/**
 * 4 § och 6 § förordningen (2023:179): Skolverket's grant to the huvudman is half the
 * eligible cost of the staff it funds. RULEBOOK D7: from 2024 the school staff; in 2023 both
 * sides for a kommunal, regional or kommunalförbund huvudman and the school side only for an
 * enskild one (4 § andra stycket, 2023). D13: a team that is not eligible carries no money.
 */
import type { RuleDefinition } from './rule.ts';
import type { RuleSet } from './params/rule-set.ts';
import type { Member, OrganiserType, TeamStatus } from './types.ts';

export const skolverketGrantProvision: RuleDefinition = {
  id: 'skolverket-grant',
  title: { sv: 'Skolverkets bidrag per team', en: 'Skolverket\'s grant per team' },
  scope: 'team',
  citation: '4 § och 6 §',
  outcomes: [],
  summary: {
    sv: 'Skolverkets bidrag för ett team är summan av bidragen för de personer Skolverket finansierar. Från 2024 är det skolpersonalen. År 2023 var det båda sidor för kommunala huvudmän, men bara den egna skolpersonalen för en enskild huvudman. Ett team som inte uppfyller villkoren får inget bidrag; kostnaderna visas ändå.',
    en: 'Skolverket\'s grant for a team is the sum of the grants for the people Skolverket funds. From 2024 that is the school staff. In 2023 it was both sides for public organisers, but only its own school staff for an independent organiser. A team that does not meet the conditions gets no grant; its costs are still shown.',
  },
};

/** True when Skolverket's grant covers this side's staff for this huvudman (D7). */
export function skolverketFundsSide(side: Member['side'], organiser: OrganiserType, ruleSet: RuleSet): boolean {
  if (side === 'school') return true;
  const funds = ruleSet.skolverketFundsSocialServices.value;
  return funds === 'all' || (funds === 'not_independent' && organiser !== 'independent');
}

/** Only eligible teams carry money (D13); needs-review and aggregate-only teams do. */
export function teamCarriesMoney(status: TeamStatus): boolean {
  return status !== 'not_eligible';
}
