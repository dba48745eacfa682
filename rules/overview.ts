/**
 * The kommun's overview, summed: the rows of the teams shared into it in, the teams counted and
 * the totals out. Not a rule: it gives no finding and changes no verdict. Each row is a team's
 * summary as stored when its application was saved or shared. Kronor are whole kronor as
 * strings, summed exactly.
 *
 *   counted once  = a team that several shared applications hold (the same huvudman by
 *                   organisationsnummer, the same team name, case and surrounding spaces aside)
 *                   is counted once: from a settlement when one holds it (the decided grant
 *                   replaces the maximum applied for), else from the application saved last
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

/** A team's row as shared into the overview, with what tells whether two rows are the same team and which counts. */
export interface SharedTeam extends OverviewTeam {
  /** Which shared application the row is from. */
  source: string;
  /** The huvudman's organisationsnummer; without one (stored before it was), the team is only itself. */
  orgNumber: string | null;
  /** The application's place among the shared ones, saved last first: 1, 2, … (the same for all its rows). */
  savedOrder: number;
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

/**
 * Two rows are the same team under the same huvudman and the same name, case and surrounding
 * spaces aside: only spaces trimmed, and every letter's case (Å, Ä and Ö too), as the store's
 * trim() and lower() did when it counted in SQL.
 */
const sameTeam = (row: SharedTeam) => `${row.orgNumber ?? row.source}\u0000${row.team.replace(/^ +| +$/g, '').toLowerCase()}`;

/** Whether row `a` counts before row `b` of the same team: a settlement first, then the application saved last. */
const countsBefore = (a: SharedTeam, b: SharedTeam) => (a.settlement ? 0 : 1) - (b.settlement ? 0 : 1) || a.savedOrder - b.savedOrder;

/** Each team once, in the rows' order, with how many shared applications hold it. */
function countedOnce(rows: SharedTeam[]): OverviewTeam[] {
  const byTeam = new Map<string, SharedTeam[]>();
  for (const row of rows) {
    const same = byTeam.get(sameTeam(row));
    if (same) same.push(row);
    else byTeam.set(sameTeam(row), [row]);
  }
  /** The row that counts for each team, with the number of rows the team has. */
  const counting = new Map<SharedTeam, number>();
  for (const same of byTeam.values())
    counting.set(
      same.reduce((best, row) => (countsBefore(row, best) < 0 ? row : best)),
      same.length,
    );
  return rows.flatMap((row) => {
    const copies = counting.get(row);
    if (copies === undefined) return [];
    const { source: _source, orgNumber: _orgNumber, savedOrder: _savedOrder, settlement, ...team } = row;
    return [{ ...team, copies, ...(settlement && { settlement }) }];
  });
}

/**
 * The overview summed: its teams, each counted once, by huvudman, then team (Swedish order), their
 * totals, and what the kommun requisitions.
 */
export function sumOverview(rows: SharedTeam[]): { teams: OverviewTeam[]; totals: OverviewTotals; requisition: OverviewRequisition } {
  const teams = countedOnce(rows);
  const decided = teams.filter((row) => row.settlement);
  return {
    teams: teams.sort((a, b) => a.organiser.name.localeCompare(b.organiser.name, 'sv') || a.team.localeCompare(b.team, 'sv')),
    totals: overviewTotals(teams),
    requisition: { amount: sum(decided, (row) => row.settlement?.decided), teams: decided.length },
  };
}
