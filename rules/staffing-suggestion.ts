/**
 * 9–12 §§ förordningen (2023:179), lydelse SFS 2023:946 (agency guidance), [D8](../docs/decisions.md#d8): the
 * kommun may use at most half its own social-services staff cost of Socialstyrelsen's matched
 * allocation, and repays the rest (the repayment risk). To make the whole allocation usable the
 * social-services cost must grow by twice the risk. This turns that cost into staff: extra
 * social-services fte over the team's whole period, at the team's own average monthly cost per
 * fte. A suggestion for finance staff, not a rule: it gives no finding and changes no verdict.
 *
 *   extraCost         = 2 × repaymentRisk
 *   monthlyCostPerFte = socialServicesCost / Σ (fte × active months) over the social-services
 *                       members with a cost; without any, the school side's the same way
 *   months            = the team's period in months (part months as fractions, as in D5)
 *   fte               = extraCost / (monthlyCostPerFte × months), rounded UP to two decimals
 *                       so that it removes the risk
 */
import { dayNumber, overlap } from './dates.ts';
import { activeMonths } from './member-cost.ts';
import { Money, wholeKronor } from './money.ts';
import type { Side, Team, TeamResult } from './types.ts';

export interface StaffingSuggestion {
  /** Extra social-services cost needed, whole kronor. */
  extraCost: string;
  /** Extra social-services fte over the whole period, two decimals, rounded up. */
  fte: string;
  /** The team's period in months, two decimals. */
  months: string;
  /** The average cost of one full-time post for a month, whole kronor. */
  monthlyCostPerFte: string;
  /** Whose average it is: the social services', or the school's when the team has no social-services cost. */
  basis: Side;
}

const monthsOf = (range: { first: number; last: number }) => {
  const { numerator, denominator } = activeMonths(range);
  return new Money(numerator).div(denominator);
};

/**
 * The suggestion for one team (its input and its result); undefined when there is no
 * repayment risk, or no member with a cost to take an average from.
 */
export function staffingSuggestion(team: Team, result: TeamResult): StaffingSuggestion | undefined {
  const risk = BigInt(result.amounts.repaymentRisk ?? '0');
  if (risk <= 0n) return undefined;
  const period = { first: dayNumber(result.period.from), last: dayNumber(result.period.to) };
  const months = monthsOf(period);
  if (months.isZero()) return undefined;

  /** Σ cost and Σ fte × active months of one side's members that have a cost. */
  const side = (which: Side) => {
    let cost = new Money(0);
    let fteMonths = new Money(0);
    for (const member of result.members) {
      if (member.side !== which || member.eligibleCost === '0') continue;
      const input = team.members.find((m) => m.id === member.id);
      const active = input && overlap({ first: dayNumber(input.start), last: input.end === null ? Infinity : dayNumber(input.end) }, period);
      if (!input || !active) continue;
      cost = cost.plus(member.eligibleCost);
      fteMonths = fteMonths.plus(new Money(input.fte).times(monthsOf(active)));
    }
    return { cost, fteMonths };
  };
  let basis: Side = 'social_services';
  let { cost, fteMonths } = side('social_services');
  if (cost.isZero() || fteMonths.isZero()) {
    basis = 'school';
    ({ cost, fteMonths } = side('school'));
    if (cost.isZero() || fteMonths.isZero()) return undefined;
  }

  const extraCost = new Money((risk * 2n).toString());
  const perFteMonth = cost.div(fteMonths);
  const fte = extraCost.div(perFteMonth.times(months)).toDecimalPlaces(2, Money.ROUND_UP);
  return {
    extraCost: extraCost.toFixed(0),
    fte: fte.toFixed(2),
    months: months.toDecimalPlaces(2).toFixed(2),
    monthlyCostPerFte: wholeKronor(perFteMonth),
    basis,
  };
}
