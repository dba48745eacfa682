/**
 * 4 § och 6 § förordningen (2023:179): Skolverket's grant to the huvudman is half the
 * eligible cost of the staff it funds. RULEBOOK D7: from 2024 the school staff; in 2023 both
 * sides for a kommunal, regional or kommunalförbund huvudman and the school side only for an
 * enskild one (4 § andra stycket, 2023). D13: a team that is not eligible carries no money.
 */
import type { RuleSet } from './params/rule-set.ts';
import type { Member, OrganiserType, TeamStatus } from './types.ts';

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
