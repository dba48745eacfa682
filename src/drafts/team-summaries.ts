/**
 * What the kommun's overview keeps of a draft, per team: the huvudman's name and type, the
 * team's name, kommun and bidragsår, the verdict, Skolverket's grant, Socialstyrelsen's matched
 * allocation (9–12 §§, decision D8), the part the kommun may use, the repayment risk and, for a
 * team with a risk, how much more social-services staff would remove it
 * (rules/staffing-suggestion.ts, without the cost per fte-month). Never salaries, org numbers or
 * people. Computed when a draft is saved or shared, never when an overview is read.
 *
 * A settlement draft's teams carry the year after the decision instead (decisions D20–D22):
 * Skolverket's decided grant in place of the maximum, the kommun's received money as the matched
 * allocation, and its usable and to-repay money as the usable part and the risk, with the
 * settlement's figures beside them. Until every team has its decision, it has no summary.
 */
import { parseApplication } from '../../forms/application.ts';
import { isoDate } from '../../forms/input.ts';
import { assess } from '../../rules/assess.ts';
import { staffingSuggestion, type StaffingSuggestion } from '../../rules/staffing-suggestion.ts';
import { todayInSweden } from '../lang.ts';
import { asDraftData, isSettlement, type DraftData, type SettlementData } from './draft-data.ts';
import { settleDraft } from './settlement.ts';
import type { TeamSummary } from './overviews.ts';

/** For a team of one social-services member the cost per fte-month is that person's cost: left out. */
function withoutCostPerFte(suggestion: StaffingSuggestion | undefined): TeamSummary['staffingSuggestion'] {
  if (!suggestion) return null;
  const { monthlyCostPerFte: _hidden, ...shown } = suggestion;
  return shown;
}

/** Every team's summary, in the draft's order; undefined when the application cannot be assessed yet. */
export function summariseTeams(data: unknown, asOf = todayInSweden()): TeamSummary[] | undefined {
  const draft = asDraftData(data);
  if (isSettlement(draft)) return summariseSettlement(draft, asOf);
  const parsed = parseApplication(draft.application, 'sv');
  if (!parsed.ok) return undefined;
  const { application } = parsed;
  const { name, type, orgNumber } = application.organiser;
  return assess(application, { asOf, lang: 'sv' }).teams.map((team, index) => ({
    municipalityCode: team.municipalityCode,
    grantYear: application.grantYear,
    organiser: { name, type },
    orgNumber,
    team: team.name,
    status: team.status,
    skolverketGrant: team.amounts.skolverketGrant,
    // Before bidragsår 2024 there is no matched allocation (the rule set leaves it out).
    matched: team.amounts.matched ?? '0',
    matchedUsable: team.amounts.matchedUsable ?? '0',
    repaymentRisk: team.amounts.repaymentRisk ?? '0',
    staffingSuggestion: withoutCostPerFte(staffingSuggestion(application.teams[index], team)),
  }));
}

function summariseSettlement(data: DraftData & { settlement: SettlementData }, asOf: string): TeamSummary[] | undefined {
  const settled = settleDraft(data, 'sv', asOf);
  // Settled, the carried-out application is valid: its huvudman as parsed.
  const parsed = settled.ok ? parseApplication(data.application, 'sv') : undefined;
  if (!settled.ok || !parsed?.ok) return undefined;
  const { name, type, orgNumber } = parsed.application.organiser;
  return settled.settlement.teams.map((team, index) => {
    // Stored data is never trusted: only a real date is shown to the kommun.
    const decidedOn = isoDate(data.settlement.decisions[data.application.teams[index]?.id ?? '']?.decidedOn);
    const { received, usable, repay } = team.matched;
    return {
      municipalityCode: team.matched.municipalityCode,
      grantYear: settled.settlement.grantYear,
      organiser: { name, type },
      orgNumber,
      team: team.name,
      status: team.status,
      skolverketGrant: team.decided,
      matched: received,
      matchedUsable: usable,
      repaymentRisk: repay,
      staffingSuggestion: null,
      settlement: {
        decided: team.decided,
        ...(decidedOn && { decidedOn }),
        conditions: team.conditions,
        used: team.used,
        unused: team.unused,
        received,
        usable,
        repay,
      },
    };
  });
}
