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
 *   reduced proportionally for part time.
 *
 * Förordningen (2023:179), 4 § andra stycket, ursprunglig lydelse (bidragsår 2023), from
 * lagen.nu/2023:179 and rkrattsbaser.gov.se (checked 2026-12-02):
 *
 *   > En enskild huvudman kan endast få bidrag för sin personal i ett skolsocialt team.
 *
 * How the product reads it:
 *
 * 4 § och 6 § förordningen (2023:179): Skolverket's grant to the huvudman is half the
 * eligible cost of the staff it funds. [D7](../docs/decisions.md#d7): from 2024 the school staff; in 2023 both
 * sides for a kommunal, regional or kommunalförbund huvudman and the school side only for an
 * enskild one (4 § andra stycket, 2023). D13: a team that is not eligible carries no money.
 * D18: totals are also given split by the status of the teams they come from, so that money
 * depending on an open review is never read as settled; the parts add up to the totals.
 */
import { sumKronor } from './money.ts';
import type { RuleDefinition } from './rule.ts';
import type { RuleSet } from './params/rule-set.ts';
import type { Member, OrganiserType, TeamStatus, TeamStatusWithMoney } from './types.ts';

export const skolverketGrantProvision: RuleDefinition = {
  id: 'skolverket-grant',
  title: { sv: 'Skolverkets bidrag per team', en: "Skolverket's grant per team" },
  scope: 'team',
  citation: '4 § och 6 §',
  outcomes: [],
  summary: {
    sv: 'Skolverkets bidrag för ett team är summan av bidragen för de personer Skolverket finansierar. Från 2024 är det skolpersonalen. År 2023 var det båda sidor för kommunala huvudmän, men bara den egna skolpersonalen för en enskild huvudman. Ett team som inte uppfyller villkoren får inget bidrag; kostnaderna visas ändå. Summorna redovisas också uppdelade efter teamens status (bidragsberättigat, bidragsberättigat tillsammans med andra team, behöver bedömas), så att belopp som beror på en bedömning inte ser avgjorda ut.',
    en: "Skolverket's grant for a team is the sum of the grants for the people Skolverket funds. From 2024 that is the school staff. In 2023 it was both sides for public organisers, but only its own school staff for an independent organiser. A team that does not meet the conditions gets no grant; its costs are still shown. The totals are also given split by the teams' status (eligible, eligible together with other teams, needs review), so that amounts that depend on a review do not look settled.",
  },
};

/** True when Skolverket's grant covers this side's staff for this huvudman (D7). */
export function skolverketFundsSide(side: Member['side'], organiser: OrganiserType, ruleSet: RuleSet): boolean {
  if (side === 'school') return true;
  const funds = ruleSet.skolverketFundsSocialServices.value;
  return funds === 'all' || (funds === 'not_independent' && organiser !== 'independent');
}

/** Only eligible teams carry money (D13); needs-review and aggregate-only teams do. */
export function teamCarriesMoney(status: TeamStatus): status is TeamStatusWithMoney {
  return status !== 'not_eligible';
}

/** The statuses whose teams carry money (D13), in the order D18 reports them. */
export const statusesWithMoney: TeamStatusWithMoney[] = ['eligible', 'eligible_aggregate_only', 'needs_review'];

/**
 * D18: each named amount summed over the teams of each status that carries money. A team
 * that is not eligible carries 0 (D13), so the parts add up to the sums over all teams.
 */
export function splitByTeamStatus<K extends string>(
  teams: Array<{ status: TeamStatus; amounts: Record<K, string> }>,
  keys: readonly K[],
): Record<TeamStatusWithMoney, Record<K, string>> {
  // Filled key by key rather than with Object.fromEntries: a third less time, and every assessment does this twice.
  const part = (status: TeamStatusWithMoney) => {
    const ofStatus = teams.filter((t) => t.status === status);
    const sums = {} as Record<K, string>;
    for (const key of keys) sums[key] = sumKronor(ofStatus.map((t) => t.amounts[key]));
    return sums;
  };
  return { eligible: part('eligible'), eligible_aggregate_only: part('eligible_aggregate_only'), needs_review: part('needs_review') };
}
