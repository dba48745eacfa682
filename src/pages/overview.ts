/**
 * What the kommun's overview shows (src/routes/overview.ts): the table of teams with its totals
 * and their parts (the page, and the coordinator's preview before sharing), the notices about
 * teams counted once, the requisition, the year after the decision, and the same as CSV.
 */
import { organiserTypeLabels } from '../../forms/organiser.ts';
import { showDecimal } from '../../forms/input.ts';
import { formatKronor } from '../../rules/format.ts';
import { OVERVIEW_AMOUNTS, type OverviewTeam, type OverviewTotals, overviewTotals } from '../../rules/overview.ts';
import type { Lang } from '../../rules/types.ts';
import { writeCsv } from '../../forms/csv.ts';
import type { Overview } from '../overview.ts';
import { resultWords, settledAndPending } from '../result-words.ts';
import { capitalised, overviewSettlementWords, settlementWords } from '../settlement-words.ts';
import { windowText } from '../windows.ts';
import { words } from '../words/index.ts';
import { staffingSuggestionText } from '../words/labels.ts';

/**
 * The teams that several shared drafts hold, each counted once: "Team Norr (Exempla kommun)", or
 * nothing to say. `settlement`: those counted from a settlement (beside their application, as
 * expected), else those counted from the application saved last (an old copy to withdraw).
 */
export function countedOnceNotice(teams: OverviewTeam[], settlement: boolean, say: (teams: string[]) => string): string | undefined {
  const repeated = teams
    .filter((team) => (team.copies ?? 1) > 1 && Boolean(team.settlement) === settlement)
    .map((team) => `${team.team} (${team.organiser.name})`);
  return repeated.length ? say(repeated) : undefined;
}

const overviewText = { sv: words.sv.overview, en: words.en.overview };

/** What the kommun sees, as a table: the overview page and the coordinator's preview before sharing. */
export function overviewTable(teams: OverviewTeam[], lang: Lang, caption: string) {
  const t = overviewText[lang];
  const kr = (v: string) => formatKronor(v, lang);
  const totals = overviewTotals(teams);
  return {
    caption,
    text: t,
    rows: teams.map((r) => ({
      organiser: r.organiser.name,
      type: organiserTypeLabels[lang][r.organiser.type],
      team: r.team,
      status: words[lang].labels.teamStatus[r.status],
      grant: r.settlement ? `${kr(r.skolverketGrant)} (${overviewSettlementWords[lang].decidedMark})` : kr(r.skolverketGrant),
      matched: kr(r.matched),
      usable: kr(r.matchedUsable),
      risk: kr(r.repaymentRisk),
      suggestion: r.staffingSuggestion ? staffingSuggestionText(r.staffingSuggestion, lang) : '',
    })),
    totals: { grant: kr(totals.skolverketGrant), matched: kr(totals.matched), usable: kr(totals.matchedUsable), risk: kr(totals.repaymentRisk) },
    parts: splitOf(totals, lang).map(({ label, amounts }) => ({ label, amounts: amounts.map(kr) })),
  };
}

/**
 * The totals' parts, each as its label and the four amounts in the table's order: decided (from
 * settlements, when there are any), then settled and pending (D18).
 */
function splitOf(totals: OverviewTotals, lang: Lang): Array<{ label: string; amounts: string[] }> {
  const { settled, pending } = settledAndPending(totals.byTeamStatus, [...OVERVIEW_AMOUNTS]);
  const decided = OVERVIEW_AMOUNTS.map((a) => totals.decided[a]);
  return [
    ...(decided.some((v) => v !== '0') ? [{ label: overviewSettlementWords[lang].decidedPart, amounts: decided }] : []),
    { label: resultWords[lang].settled, amounts: settled },
    { label: resultWords[lang].pending, amounts: pending },
  ];
}

/** What to requisition, when, and what the kommun needs for it. */
export function requisitionView(overview: Overview, lang: Lang) {
  const w = overviewSettlementWords[lang];
  const { amount, teams, window } = overview.requisition;
  return {
    heading: w.requisitionHeading,
    text: teams > 0 ? w.requisitionAmount(formatKronor(amount, lang), teams) : w.requisitionNone,
    window: window ? { label: w.requisitionWindow, text: windowText(window, lang), url: window.source.url } : undefined,
    unknown: window ? undefined : w.requisitionUnknown(overview.grantYear),
    prerequisitesHeading: w.prerequisitesHeading,
    prerequisites: w.prerequisites,
  };
}

/** The teams from settlements, with what was used and what the kommun may use and repay; none without. */
export function afterYearTable(overview: Overview, lang: Lang) {
  const w = overviewSettlementWords[lang];
  const teams = overview.teams.filter((r) => r.settlement);
  if (teams.length === 0) return undefined;
  const kr = (v: string) => formatKronor(v, lang);
  return {
    heading: w.afterYearHeading,
    lead: w.afterYearLead,
    caption: w.afterYearCaption(overview.municipality, overview.grantYear),
    text: { ...w.columns, organiser: overviewText[lang].organiser, team: overviewText[lang].team },
    rows: teams.flatMap(({ organiser, team, settlement: s }) =>
      s
        ? [
            {
              organiser: organiser.name,
              team,
              decidedOn: s.decidedOn ?? w.notGiven,
              conditions: capitalised(settlementWords[lang].conditionsValue[s.conditions]),
              decided: kr(s.decided),
              unused: kr(s.unused),
              received: kr(s.received),
              usable: kr(s.usable),
              repay: kr(s.repay),
            },
          ]
        : [],
    ),
  };
}

export function overviewCsv(overview: Overview, lang: Lang): string {
  const t = overviewText[lang];
  const w = overviewSettlementWords[lang];
  const header = [
    t.organiser,
    t.type,
    t.team,
    t.status,
    t.grant,
    t.matched,
    t.usable,
    t.risk,
    t.csvSuggestionFte,
    t.csvSuggestionCost,
    w.csv.basis,
    w.csv.decided,
    w.csv.decidedOn,
    w.csv.unused,
  ];
  const rows = overview.teams.map((r) => [
    r.organiser.name,
    organiserTypeLabels[lang][r.organiser.type],
    r.team,
    words[lang].labels.teamStatus[r.status],
    r.skolverketGrant,
    r.matched,
    r.matchedUsable,
    r.repaymentRisk,
    r.staffingSuggestion ? showDecimal(r.staffingSuggestion.fte, lang) : '',
    r.staffingSuggestion?.extraCost ?? '',
    w.basis[r.settlement ? 'settlement' : 'application'],
    r.settlement?.decided ?? '',
    r.settlement?.decidedOn ?? '',
    r.settlement?.unused ?? '',
  ]);
  const { totals } = overview;
  const total = [
    t.total,
    '',
    '',
    '',
    totals.skolverketGrant,
    totals.matched,
    totals.matchedUsable,
    totals.repaymentRisk,
    '',
    totals.extraCost,
    '',
    overview.requisition.amount,
    '',
    '',
  ];
  const parts = splitOf(totals, lang).map(({ label, amounts }) => [label, '', '', '', ...amounts, '', '', '', '', '', '']);
  return writeCsv([header, ...rows, total, ...parts]);
}
