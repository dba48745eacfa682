/**
 * The kommun's overview, summed: the rows of the teams shared into it in, the totals out. Not a
 * rule: it gives no finding and changes no verdict. Each row is a team's summary as stored when
 * its draft was saved or shared, counted once (the store picks the row of a team several shared
 * drafts hold). Kronor are whole kronor as strings, summed exactly.
 *
 *   totals        = the sums of the rows' four amounts and of the staffing suggestions' extra cost
 *   byTeamStatus  = the sums of the rows from applications, by team status ([D18](../docs/decisions.md#d18)):
 *                   a team that does not meet the conditions carries nothing
 *   decided       = the sums of the rows from settlements, which carry Skolverket's decision
 *   requisition   = the sum of the decided grants and how many teams they are: what the kommun
 *                   requisitions from Socialstyrelsen ([D22](../docs/decisions.md#d22))
 *
 * So the parts (byTeamStatus and decided) add up to the totals.
 */
import { sumKronor } from './money.ts';
import type { StaffingSuggestion } from './staffing-suggestion.ts';
import type { Conditions, OrganiserType, TeamStatus, TeamStatusWithMoney } from './types.ts';

/**
 * A team's year after the decision, from a settlement draft ([D20](../docs/decisions.md#d20)–D22):
 * Skolverket's decided grant and the date of the decision where given, what the carried-out costs
 * used of it and what was not used, the conditions during the year, and the kommun's received,
 * usable and to-repay money. Whole kronor; every figure but the decision is the product's estimate.
 */
export interface OverviewSettlement {
  decided: string;
  decidedOn?: string;
  conditions: Conditions;
  used: string;
  unused: string;
  received: string;
  usable: string;
  repay: string;
}

/**
 * What the overview shows of one team: no salaries, no org number, no people. For a team from a
 * settlement draft, the grant is Skolverket's decided grant, the matched money the kommun
 * received, and the usable part and the risk the settlement's usable and to-repay money.
 */
export interface OverviewTeam {
  organiser: { name: string; type: OrganiserType };
  team: string;
  status: TeamStatus;
  skolverketGrant: string;
  matched: string;
  matchedUsable: string;
  repaymentRisk: string;
  /** Without the cost per fte-month: for a team of one social-services member that is the person's cost. */
  staffingSuggestion: Omit<StaffingSuggestion, 'monthlyCostPerFte'> | null;
  /**
   * In an overview: how many shared drafts hold this team (the same huvudman and team name);
   * above 1, the team is counted once, from the draft saved last.
   */
  copies?: number;
  /** Present when the team's figures come from a settlement draft. */
  settlement?: OverviewSettlement;
}

/** The four amounts of a row, in the order the overview shows them. */
export const OVERVIEW_AMOUNTS = ['skolverketGrant', 'matched', 'matchedUsable', 'repaymentRisk'] as const;
export type OverviewAmounts = Pick<OverviewTeam, (typeof OVERVIEW_AMOUNTS)[number]>;

/** The sums of the rows, and the parts they split into: from applications by team status (D18), and decided (settlements). */
export interface OverviewTotals extends OverviewAmounts {
  extraCost: string;
  byTeamStatus: Record<TeamStatusWithMoney, OverviewAmounts>;
  decided: OverviewAmounts;
}

/** What the kommun requisitions from Socialstyrelsen (D22): the decided grants of its teams, and how many teams. */
export interface OverviewRequisition {
  amount: string;
  teams: number;
}

const WITH_MONEY: TeamStatusWithMoney[] = ['eligible', 'eligible_aggregate_only', 'needs_review'];

const sum = (teams: OverviewTeam[], pick: (row: OverviewTeam) => string | undefined) => sumKronor(teams.map((row) => pick(row) ?? '0'));
const amountsOf = (teams: OverviewTeam[]): OverviewAmounts =>
  Object.fromEntries(OVERVIEW_AMOUNTS.map((amount) => [amount, sum(teams, (row) => row[amount])])) as OverviewAmounts;

/** The totals of the rows and their parts, which add up to them. */
export function overviewTotals(teams: OverviewTeam[]): OverviewTotals {
  const applied = teams.filter((row) => !row.settlement);
  return {
    ...amountsOf(teams),
    extraCost: sum(teams, (row) => row.staffingSuggestion?.extraCost),
    byTeamStatus: Object.fromEntries(WITH_MONEY.map((status) => [status, amountsOf(applied.filter((row) => row.status === status))])) as Record<
      TeamStatusWithMoney,
      OverviewAmounts
    >,
    decided: amountsOf(teams.filter((row) => row.settlement)),
  };
}

/** The overview summed: its rows by huvudman, then team (Swedish order), their totals, and what the kommun requisitions. */
export function sumOverview(teams: OverviewTeam[]): { teams: OverviewTeam[]; totals: OverviewTotals; requisition: OverviewRequisition } {
  const decided = teams.filter((row) => row.settlement);
  return {
    teams: [...teams].sort((a, b) => a.organiser.name.localeCompare(b.organiser.name, 'sv') || a.team.localeCompare(b.team, 'sv')),
    totals: overviewTotals(teams),
    requisition: { amount: sum(decided, (row) => row.settlement?.decided), teams: decided.length },
  };
}
