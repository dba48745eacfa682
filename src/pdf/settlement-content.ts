/**
 * What the redovisning summary PDF says, in its order (the words are in settlement-words.ts, the
 * layout in layout.ts): the huvudman and the year; per team Skolverket's decision, the grant the
 * carried-out costs justify, what was used and what was not (D20), the conditions during the
 * year with every period below a minimum (D21) and the kommun's received, usable and to-repay
 * money (D22); all teams and all kommuner with their reconciliations; the changes to report
 * (D23); the year's rekvisition and redovisning windows; the evidence to have ready; signature lines. Every amount is an
 * estimate and says so.
 */
import { ruleSetFor } from '../../rules/rule-sets.ts';
import type { Member } from '../../rules/types.ts';
import { personLabel } from '../result-words.ts';
import type { Settlement } from '../../rules/types.ts';
import type { SettlementPdfInput } from '../../forms/settlement.ts';
import { capitalised, settlementPdfWords as w, settlementWords } from '../settlement-words.ts';
import { windowsOf } from '../windows.ts';
import { fte, kr, list, municipality, range } from './format.ts';
import { colors, type Block, type Cell } from './layout.ts';

const muted = { color: colors.muted, size: 9.5 };
const bold = (text: string): Cell => ({ text, bold: true });
/** An amount with the word that it is an estimate. */
const estimate = (value: string) => `${kr(value)} ${w.estimate}`;

/** The document's blocks, in reading order. */
export function settlementContent(request: SettlementPdfInput, settlement: Settlement, estimatedOn: string): Block[] {
  const { application } = request;
  const ruleSet = ruleSetFor(application.grantYear);
  const period = settlement.assessment.ruleSet.period;
  return [
    { kind: 'heading', text: w.titleBreak, level: 1 },
    {
      kind: 'fields',
      rows: [
        [w.grantYear, String(application.grantYear)],
        [w.ruleSet, ruleSet?.wording ?? settlement.assessment.ruleSet.title],
        [w.period, range(period.from, period.to)],
        [w.estimatedOn, estimatedOn],
        [w.organiser, application.organiser.name],
        [w.orgNumber, application.organiser.orgNumber],
      ],
    },
    { kind: 'paragraph', text: w.lead, style: muted },
    ...settlement.teams.flatMap((_, index) => teamBlocks(request, settlement, index)),
    ...totalsBlocks(settlement),
    ...municipalityBlocks(settlement),
    ...changesBlocks(request, settlement),
    ...datesBlocks(application.grantYear),
    { kind: 'heading', text: w.evidenceTitle, level: 2, keep: 90 },
    { kind: 'paragraph', text: w.evidenceLead },
    { kind: 'list', items: [...w.evidence], marker: 'box' },
    { kind: 'paragraph', text: w.costCentre, style: { bold: true, size: 9.5 } },
    {
      kind: 'signatures',
      heading: w.signaturesTitle,
      parties: [
        { title: w.forOrganiser, who: application.organiser.name },
        { title: w.forSocialServices, who: list([...new Set(application.teams.map((t) => municipality(t.municipalityCode)))]) },
      ],
    },
  ];
}

function teamBlocks(request: SettlementPdfInput, settlement: Settlement, index: number): Block[] {
  const team = settlement.teams[index];
  const given = request.application.teams[index];
  const decidedOn = request.decision.teams[index]?.decidedOn;
  const blocks: Block[] = [
    { kind: 'heading', text: w.team(index + 1, given?.name ?? team.name), level: 2, keep: 160 },
    {
      kind: 'fields',
      rows: [
        [w.municipality, municipality(team.matched.municipalityCode)],
        [w.decidedOn, decidedOn ?? w.decidedOnUnknown],
        [w.conditionsLabel, w.conditions[team.conditions]],
        [w.decided, kr(team.decided)],
        [w.justified, estimate(team.justified)],
        [w.used, estimate(team.used)],
        [w.unused, estimate(team.unused)],
      ],
    },
    { kind: 'paragraph', text: w.reconcileTeam(kr(team.used), kr(team.unused), kr(team.decided)) },
  ];
  if (team.conditions === 'not_met') blocks.push({ kind: 'paragraph', text: w.atRisk(kr(team.decided)), style: { bold: true, color: colors.bad } });
  if (team.belowMinimum.length > 0) {
    blocks.push({
      kind: 'table',
      title: w.belowTitle,
      size: 9,
      columns: [
        { header: w.belowColumns.side, width: 36 },
        { header: w.belowColumns.from, width: 17 },
        { header: w.belowColumns.to, width: 17 },
        { header: w.belowColumns.lowest, width: 15, align: 'right' },
        { header: w.belowColumns.minimum, width: 15, align: 'right' },
      ],
      rows: team.belowMinimum.map((b) => [capitalised(settlementWords.sv.side[b.side]), b.from, b.to, fte(b.lowest), fte(b.minimum)]),
    });
  }
  blocks.push(
    { kind: 'heading', text: w.matchedTitle, level: 3, keep: 70 },
    {
      kind: 'fields',
      rows: [
        [w.received, kr(team.matched.received)],
        [w.usable, estimate(team.matched.usable)],
        [w.repay, estimate(team.matched.repay)],
      ],
    },
    { kind: 'paragraph', text: w.reconcileMatched(kr(team.matched.usable), kr(team.matched.repay), kr(team.matched.received)) },
  );
  return blocks;
}

function totalsBlocks(settlement: Settlement): Block[] {
  const { teams, totals } = settlement;
  return [
    { kind: 'heading', text: w.totalsTitle, level: 2, keep: 110 },
    {
      kind: 'table',
      size: 9,
      columns: [
        { header: w.teamColumn, width: 34 },
        { header: w.decided, width: 16, align: 'right' },
        { header: w.justified, width: 16, align: 'right' },
        { header: w.used, width: 16, align: 'right' },
        { header: w.unusedShort, width: 18, align: 'right' },
      ],
      rows: [
        ...teams.map((t, i) => [w.team(i + 1, t.name), kr(t.decided), kr(t.justified), kr(t.used), kr(t.unused)]),
        [bold(w.sum), bold(kr(totals.decided)), bold(kr(totals.justified)), bold(kr(totals.used)), bold(kr(totals.unused))],
      ],
    },
    {
      kind: 'paragraph',
      text: w.reconcileTotals(
        teams.map((t) => kr(t.decided)),
        kr(totals.decided),
      ),
    },
  ];
}

function municipalityBlocks(settlement: Settlement): Block[] {
  if (settlement.municipalities.length === 0) return [];
  return [
    { kind: 'heading', text: w.municipalitiesTitle, level: 2, keep: 110 },
    { kind: 'paragraph', text: w.municipalitiesLead, style: muted },
    {
      kind: 'table',
      size: 9,
      columns: [
        { header: w.municipalityColumn, width: 31 },
        { header: w.received, width: 23, align: 'right' },
        { header: w.usable, width: 23, align: 'right' },
        { header: w.repay, width: 23, align: 'right' },
      ],
      rows: settlement.municipalities.map((m) => [municipality(m.municipalityCode), kr(m.received), kr(m.usable), kr(m.repay)]),
    },
    ...settlement.municipalities.map(
      (m): Block => ({ kind: 'paragraph', text: w.reconcileMunicipality(municipality(m.municipalityCode), kr(m.usable), kr(m.repay), kr(m.received)) }),
    ),
  ];
}

/** The year's rekvisition and redovisning windows, "preliminär" where estimated, with their sources. */
function datesBlocks(grantYear: number): Block[] {
  const dates = windowsOf(grantYear, 'sv').filter((d) => d.kind !== 'application');
  if (dates.length === 0) return [];
  return [
    { kind: 'heading', text: w.datesTitle, level: 2, keep: 60 },
    { kind: 'list', items: dates.map((d) => `${d.name}: ${d.text} ${d.url}`) },
  ];
}

function changesBlocks(request: SettlementPdfInput, settlement: Settlement): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', text: w.changesTitle, level: 2, keep: 90 },
    { kind: 'paragraph', text: w.changesLead, style: muted },
  ];
  if (!settlement.changesCompared || !request.applied) return [...blocks, { kind: 'paragraph', text: settlementWords.sv.notCompared }];
  if (settlement.changes.length === 0) return [...blocks, { kind: 'paragraph', text: settlementWords.sv.noChanges }];
  const people = new Map<string, Member>();
  for (const application of [request.applied, request.application]) for (const team of application.teams) for (const m of team.members) people.set(m.id, m);
  const c = w.changeColumns;
  blocks.push({
    kind: 'table',
    size: 8.5,
    columns: [
      { header: c.member, width: 20 },
      { header: c.kind, width: 16 },
      { header: c.from, width: 14 },
      { header: c.agency, width: 16 },
      { header: c.message, width: 34 },
    ],
    rows: settlement.changes.map((change) => [
      personLabel(people.get(change.member) ?? { id: change.member }),
      capitalised(settlementWords.sv.changeKind[change.kind]),
      change.from,
      list(change.agencies.map((a) => w.agency[a])),
      change.message,
    ]),
  });
  return blocks;
}
