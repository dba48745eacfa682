/** The kommun's overview summed from its rows (rules/overview.ts), on hand-written rows. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type OverviewSettlement, type OverviewTeam, overviewTotals, type SharedTeam, sumOverview } from './overview.ts';

const zero = { skolverketGrant: '0', matched: '0', matchedUsable: '0', repaymentRisk: '0' };

let applications = 0;
/** A row from an application of its own (saved before every earlier one) unless said. */
function row(organiser: string, team: string, fields: Partial<SharedTeam> = {}): SharedTeam {
  applications++;
  return {
    organiser: { name: organiser, type: 'municipal' },
    team,
    status: 'eligible',
    ...zero,
    staffingSuggestion: null,
    source: `a${applications}`,
    orgNumber: `org-${organiser}`,
    savedOrder: applications,
    ...fields,
  };
}

/** The row as the overview shows it: without what tells the rows apart. */
const shown = ({ source: _source, orgNumber: _orgNumber, savedOrder: _savedOrder, ...team }: SharedTeam, copies = 1): OverviewTeam => ({ ...team, copies });

const settlement = (decided: string): OverviewSettlement => ({
  decided,
  conditions: 'met',
  used: decided,
  unused: '0',
  received: '0',
  usable: '0',
  repay: '0',
});

test('no rows: every sum is 0 and nothing is requisitioned', () => {
  const { teams, totals, requisition } = sumOverview([]);
  assert.deepEqual(teams, []);
  assert.deepEqual(totals, {
    ...zero,
    extraCost: '0',
    byTeamStatus: { eligible: zero, eligible_aggregate_only: zero, needs_review: zero },
    decided: zero,
  });
  assert.deepEqual(requisition, { amount: '0', teams: 0 });
});

test('the totals are the sums of the rows, exactly, and the extra cost sums the suggestions that are there', () => {
  const totals = overviewTotals([
    row('A', 'Norr', {
      skolverketGrant: '9007199254740993',
      matched: '100',
      matchedUsable: '60',
      repaymentRisk: '40',
      staffingSuggestion: { extraCost: '80', fte: '0.10', months: '12.00', basis: 'social_services' },
    }),
    row('A', 'Söder', { skolverketGrant: '7', matched: '1', matchedUsable: '1', repaymentRisk: '0' }),
  ]);
  assert.deepEqual(
    { skolverketGrant: totals.skolverketGrant, matched: totals.matched, matchedUsable: totals.matchedUsable, repaymentRisk: totals.repaymentRisk },
    { skolverketGrant: '9007199254741000', matched: '101', matchedUsable: '61', repaymentRisk: '40' },
  );
  assert.equal(totals.extraCost, '80');
});

test('D18: the rows from applications split by team status, and a team that does not meet the conditions is in no part', () => {
  const totals = overviewTotals([
    row('A', 'Ett', { status: 'eligible', skolverketGrant: '100' }),
    row('A', 'Två', { status: 'eligible_aggregate_only', skolverketGrant: '20' }),
    row('B', 'Tre', { status: 'needs_review', skolverketGrant: '3', matched: '5' }),
    row('B', 'Fyra', { status: 'not_eligible' }),
  ]);
  assert.equal(totals.byTeamStatus.eligible.skolverketGrant, '100');
  assert.equal(totals.byTeamStatus.eligible_aggregate_only.skolverketGrant, '20');
  assert.deepEqual(totals.byTeamStatus.needs_review, { ...zero, skolverketGrant: '3', matched: '5' });
  assert.equal(totals.skolverketGrant, '123');
  assert.deepEqual(totals.decided, zero);
});

test('D22: the rows from settlements are the decided part, in no status part, and their decided grants are requisitioned', () => {
  const { totals, requisition } = sumOverview([
    row('A', 'Ansökt', { skolverketGrant: '500' }),
    row('A', 'Beslutat', { skolverketGrant: '300', matched: '150', matchedUsable: '100', repaymentRisk: '50', settlement: settlement('300') }),
    row('B', 'Beslutat', { status: 'needs_review', skolverketGrant: '200', settlement: settlement('200') }),
  ]);
  assert.deepEqual(totals.decided, { skolverketGrant: '500', matched: '150', matchedUsable: '100', repaymentRisk: '50' });
  assert.deepEqual(totals.byTeamStatus.eligible, { ...zero, skolverketGrant: '500' });
  assert.deepEqual(totals.byTeamStatus.needs_review, zero);
  assert.equal(totals.skolverketGrant, '1000');
  assert.deepEqual(requisition, { amount: '500', teams: 2 });
});

test('the parts add up to the totals', () => {
  const rows = [
    row('A', 'Ett', { skolverketGrant: '11', matched: '7', matchedUsable: '5', repaymentRisk: '2' }),
    row('A', 'Två', { status: 'eligible_aggregate_only', skolverketGrant: '13', matched: '3', matchedUsable: '3', repaymentRisk: '0' }),
    row('B', 'Tre', { status: 'needs_review', skolverketGrant: '17', matched: '19', matchedUsable: '9', repaymentRisk: '10' }),
    row('C', 'Fyra', { skolverketGrant: '23', matched: '29', matchedUsable: '20', repaymentRisk: '9', settlement: settlement('23') }),
  ];
  const totals = overviewTotals(rows);
  for (const amount of ['skolverketGrant', 'matched', 'matchedUsable', 'repaymentRisk'] as const) {
    const parts = [totals.byTeamStatus.eligible, totals.byTeamStatus.eligible_aggregate_only, totals.byTeamStatus.needs_review, totals.decided];
    assert.equal(String(parts.reduce((sum, part) => sum + Number(part[amount]), 0)), totals[amount], amount);
  }
});

test('the rows are listed by huvudman, then team, in Swedish order, whatever order they came in', () => {
  const { teams } = sumOverview([row('Östra skolan', 'A'), row('Zeta AB', 'B'), row('Alfa', 'Ö'), row('Alfa', 'Z'), row('Ängby', 'A')]);
  assert.deepEqual(
    teams.map((t) => `${t.organiser.name}/${t.team}`),
    ['Alfa/Z', 'Alfa/Ö', 'Zeta AB/B', 'Ängby/A', 'Östra skolan/A'],
  );
});

test('a team that several applications hold counts once, from the one saved last; the copies are counted', () => {
  const older = row('Exempla kommun', 'Team Norr', { orgNumber: '212000-0142', savedOrder: 2, skolverketGrant: '300000' });
  const newer = row('Exempla kommun', ' team norr ', { orgNumber: '212000-0142', savedOrder: 1, skolverketGrant: '150000' });
  const other = row('Friskolan', 'Team Norr', { orgNumber: '556036-0793', savedOrder: 3, skolverketGrant: '240000' });
  const { teams, totals } = sumOverview([older, other, newer]);
  assert.deepEqual(teams, [shown(newer, 2), shown(other)]);
  assert.equal(totals.skolverketGrant, '390000');
});

test('a team from a settlement counts before its applications, even ones saved later', () => {
  const decided = row('A', 'Norr', { orgNumber: '1', savedOrder: 2, skolverketGrant: '280000', settlement: settlement('280000') });
  const applied = row('A', 'NORR', { orgNumber: '1', savedOrder: 1, skolverketGrant: '300000' });
  const { teams, totals, requisition } = sumOverview([applied, decided]);
  assert.deepEqual(teams, [shown(decided, 2)]);
  assert.equal(totals.skolverketGrant, '280000');
  assert.deepEqual(requisition, { amount: '280000', teams: 1 });
});

test('without an organisationsnummer a team is the same only within its own application', () => {
  const first = row('A', 'Norr', { orgNumber: null, source: 'x', savedOrder: 1, skolverketGrant: '1' });
  const again = row('A', 'norr', { orgNumber: null, source: 'x', savedOrder: 1, skolverketGrant: '2' });
  const elsewhere = row('A', 'Norr', { orgNumber: null, source: 'y', savedOrder: 2, skolverketGrant: '4' });
  const { teams } = sumOverview([first, again, elsewhere]);
  assert.deepEqual(teams, [shown(first, 2), shown(elsewhere)]);
});
