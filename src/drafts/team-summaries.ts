/**
 * What the kommun's overview keeps of a draft, per team: the huvudman's name and type, the
 * team's name, kommun and bidragsår, the verdict, Skolverket's grant, Socialstyrelsen's matched
 * allocation (9–12 §§, RULEBOOK D8), the part the kommun may use, the repayment risk and, for a
 * team with a risk, how much more social-services staff would remove it
 * (rules/staffing-suggestion.ts, without the cost per fte-month). Never salaries, org numbers or
 * people. Computed when a draft is saved or shared, never when an overview is read.
 */
import { parseApplication } from '../../forms/application.ts';
import { assess } from '../../rules/assess.ts';
import { staffingSuggestion, type StaffingSuggestion } from '../../rules/staffing-suggestion.ts';
import { todayInSweden } from '../lang.ts';
import { asDraftData } from './draft-data.ts';
import type { TeamSummary } from './overviews.ts';

/** For a team of one social-services member the cost per fte-month is that person's cost: left out. */
function withoutCostPerFte(suggestion: StaffingSuggestion | undefined): TeamSummary['staffingSuggestion'] {
  if (!suggestion) return null;
  const { monthlyCostPerFte: _hidden, ...shown } = suggestion;
  return shown;
}

/** Every team's summary, in the draft's order; undefined when the application cannot be assessed yet. */
export function summariseTeams(data: unknown, asOf = todayInSweden()): TeamSummary[] | undefined {
  const parsed = parseApplication(asDraftData(data).application, 'sv');
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
