/**
 * Förordningen (2023:179), 6 §:
 *
 * SUMMARY, not the ordinance's words: the whole of 6 §, in the original wording and in
 * SFS 2023:946's, is missing. Searched on 2026-12-02, the stored copies of the ordinance
 * (lagen.nu/2023:179, riksdagen.se, rkrattsbaser.gov.se) could be read only in their opening,
 * in the original wording, which stops inside 5 § andra stycket. The summary follows the
 * product's rule book, which has it from a secondary source:
 *
 *   The grant is half the cost of a full-time post (or an assignment equal to full time),
 *   reduced proportionally for part time. No fixed amount per post.
 *
 * How the product reads it:
 *
 * 6 § förordningen (2023:179), lydelse SFS 2023:946 (agency guidance): the grant is half the
 * cost of a full-time post, reduced in proportion for part time.
 * [D5](../docs/decisions.md#d5): monthly salary × (1 + employer cost rate) × fte × (active days in the month /
 * days in the month), summed over months, × (1 − other funding share); zero for a member who
 * does not qualify, is short of six months, is redistributed, or works in contract education.
 * [D6](../docs/decisions.md#d6): cost and grant (cost × share) are each rounded to whole kronor, half away from
 * zero, from the exact value.
 * [D19](../docs/decisions.md#d19): in a settlement a member's actual cost from the ledger, when given, replaces
 * the computed cost; the other-funding share and the zero rules of D5 still apply.
 * [D17](../docs/decisions.md#d17): an employment with employer cost rate 0 is reported as a warning (the
 * personalomkostnadspålägg is probably missing, so cost and grant are too low). It changes no
 * amount.
 */
import { formatKronor } from './format.ts';
import { finding, type Rule, type RuleDefinition } from './rule.ts';
import { civilFromDays, daysInMonth } from './dates.ts';
import { Money, wholeKronor } from './money.ts';
import type { DayRange } from './staffing.ts';
import type { Finding, Lang, Member } from './types.ts';

export const memberCostProvision: RuleDefinition = {
  id: 'member-cost',
  title: { sv: 'Kostnad och bidrag per person', en: 'Cost and grant per person' },
  scope: 'member',
  citation: '6 §',
  outcomes: ['pass', 'warn'],
  guidance: true,
  summary: {
    sv: 'Bidraget är hälften av personalkostnaden. Kostnaden räknas månad för månad: månadslön × (1 + personalomkostnadspålägg) × tjänstgöringsgrad × andelen av månadens dagar personen är med i teamet under perioden, minus den del som andra statsbidrag betalar. Kostnad och bidrag avrundas var för sig till hela kronor, och summorna är summor av de avrundade raderna. Personer som saknar godkänd utbildning, är anställda kortare än sex månader, har omfördelats eller arbetar med uppdragsutbildning ger ingen kostnad. En anställning utan personalomkostnadspålägg (0 %) får en varning, eftersom kostnaden och bidraget då troligen blir för låga.',
    en: "The grant is half the personnel cost. The cost is counted month by month: monthly salary × (1 + employer cost rate) × fte × the share of the month's days the person is in the team during the period, less the part other state grants pay. Cost and grant are each rounded to whole kronor, and totals are sums of the rounded lines. People without qualifying education, engaged for less than six months, redistributed, or working in contract education give no cost. An employment without an employer cost rate (0 %) gets a warning, as the cost and the grant are then probably too low.",
  },
};

export interface MemberCost {
  eligibleCost: string;
  grant: string;
}

const ZERO: MemberCost = { eligibleCost: '0', grant: '0' };
const ONE = new Money(1);

/**
 * The months the member is active in, as one exact fraction: full months count 1, a part
 * month its active days over the month's days. Kept as numerator/denominator so the only
 * division happens once, at the end.
 */
export function activeMonths(days: DayRange): { numerator: number; denominator: number } {
  let numerator = 0;
  let denominator = 1;
  let { year, month, day } = civilFromDays(days.first);
  let cursor = days.first;
  while (cursor <= days.last) {
    const length = daysInMonth(year, month);
    const monthLast = cursor - day + length;
    const active = Math.min(monthLast, days.last) - cursor + 1;
    if (active === length) {
      numerator += denominator;
    } else {
      // a/b + c/d = (a·d + c·b) / (b·d), reduced by the common factor to stay small.
      const common = gcd(denominator, length);
      numerator = numerator * (length / common) + active * (denominator / common);
      denominator = (denominator / common) * length;
    }
    cursor = monthLast + 1;
    day = 1;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
  return { numerator, denominator };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * The member's eligible cost and grant over the days they are active in the team's period.
 * `actualCost` (a settlement's ledger figure, D19) replaces the computed cost when given.
 */
export function memberCost(
  member: Pick<Member, 'monthlySalary' | 'employerCostRate' | 'fte' | 'otherFundingShare'>,
  activeDays: DayRange | undefined,
  eligible: boolean,
  grantShare: string,
  actualCost?: string,
): MemberCost {
  if (!eligible || !activeDays) return ZERO;
  // Factors that are exactly 0 or 1 (the usual rate for an assignment, no other funding, whole
  // months) are skipped: the result is the same, with fewer decimal operations. The one
  // division comes last, so rounding is decided on the exact value (D6).
  let exactCost: Money;
  let denominator = 1;
  if (actualCost === undefined) {
    const months = activeMonths(activeDays);
    exactCost = new Money(member.monthlySalary).times(member.fte).times(months.numerator);
    if (member.employerCostRate !== '0') exactCost = exactCost.times(ONE.plus(member.employerCostRate));
    denominator = months.denominator;
  } else {
    exactCost = new Money(actualCost);
  }
  if (member.otherFundingShare !== '0') exactCost = exactCost.times(ONE.minus(member.otherFundingShare));
  if (denominator !== 1) exactCost = exactCost.dividedBy(denominator);
  return { eligibleCost: wholeKronor(exactCost), grant: wholeKronor(exactCost.times(grantShare)) };
}

/**
 * The member's cost and grant as a finding: D17 warns about an employment without employer
 * costs, unless the cost is the actual one from the ledger (D19), which includes them.
 */
export function checkMemberCost(
  member: Pick<Member, 'id' | 'engagement' | 'employerCostRate'>,
  cost: MemberCost,
  team: number,
  lang: Lang,
  actual = false,
): Finding {
  const where = { scope: 'member' as const, team, member: member.id };
  const id = member.id;
  const details = actual ? { ...cost, actualCost: true } : { ...cost };
  const basis = actual ? { sv: ' (den faktiska kostnaden enligt redovisningen)', en: ' (the actual cost from the ledger)' } : { sv: '', en: '' };
  const amounts = {
    sv: `${id}:s bidragsgrundande kostnad är ${formatKronor(cost.eligibleCost, 'sv')}${basis.sv} och bidraget ${formatKronor(cost.grant, 'sv')}.`,
    en: `${id}'s eligible cost is ${formatKronor(cost.eligibleCost, 'en')}${basis.en} and the grant ${formatKronor(cost.grant, 'en')}.`,
  };
  if (actual || member.engagement !== 'employment' || member.employerCostRate !== '0') {
    return finding(memberCostProvision, lang, where, 'pass', amounts, { details });
  }
  return finding(
    memberCostProvision,
    lang,
    where,
    'warn',
    {
      sv: `${id} är anställd men personalomkostnadspålägget är 0 %, så kostnaden och bidraget blir troligen för låga. ${amounts.sv}`,
      en: `${id} is employed but the employer cost rate is 0 %, so the cost and the grant are probably too low. ${amounts.en}`,
    },
    {
      fix: {
        sv: `Ange personalomkostnadspålägget (arbetsgivaravgifter och andra personalomkostnader) för ${id}.`,
        en: `State the employer cost rate (social security contributions and other personnel costs) for ${id}.`,
      },
      details,
    },
  );
}

/** The cost itself is memberCost above, which the engine computes for every member. */
export const memberCostRule: Rule = {
  definition: memberCostProvision,
  checkMember: (c) => checkMemberCost(c.member.member, c.cost, c.facts.index, c.lang, c.actualCost),
};
