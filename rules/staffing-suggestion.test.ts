/**
 * The staffing suggestion ([D8](../docs/decisions.md#d8), 9–12 §§) on hand-computed teams. Every member costs
 * monthly salary × 1.25 (employer cost rate 0.25), full time, the whole of 2026 unless said.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseApplication } from '../forms/application.ts';
import { buildApplication } from '../test/application-builder.ts';
import { assess } from './assess.ts';
import { staffingSuggestion } from './staffing-suggestion.ts';

function suggestionFor(members: Array<Record<string, unknown>>, team: Record<string, unknown> = {}) {
  const parsed = parseApplication(buildApplication({ teams: [{ ...team, members: members.map((m) => ({ employerCostRate: '0.25', ...m })) }] }));
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.body));
  const result = assess(parsed.application, { asOf: '2026-01-10' }).teams[0];
  return { result, suggestion: staffingSuggestion(parsed.application.teams[0], result) };
}

test("a risk: twice the risk as social-services fte at the team's own cost, rounded up", () => {
  // School 40 000 × 1.25 × 12 = 600 000, grant 300 000 = matched. Social 30 000 × 1.25 × 12 =
  // 450 000, usable 225 000, risk 75 000. Extra cost 150 000; 450 000 / (1 × 12) = 37 500 per
  // fte-month; 150 000 / (37 500 × 12) = 0.3333… → 0.34.
  const { result, suggestion } = suggestionFor([{ side: 'school' }, { side: 'social_services', monthlySalary: '30000' }]);
  assert.equal(result.amounts.repaymentRisk, '75000');
  assert.deepEqual(suggestion, { extraCost: '150000', fte: '0.34', months: '12.00', monthlyCostPerFte: '37500', basis: 'social_services' });
});

test('an exact quotient is not rounded up further', () => {
  // Social 32 000 × 1.25 × 12 = 480 000, usable 240 000, risk 60 000; 120 000 / (40 000 × 12) = 0.25.
  const { suggestion } = suggestionFor([{ side: 'school' }, { side: 'social_services', monthlySalary: '32000' }]);
  assert.deepEqual(suggestion, { extraCost: '120000', fte: '0.25', months: '12.00', monthlyCostPerFte: '40000', basis: 'social_services' });
});

test('a part-year period counts part months as fractions', () => {
  // 2026-01-01 – 2026-06-15: 5 + 15/30 = 5.5 months. School 50 000 × 5.5 = 275 000, grant 137 500.
  // Social 37 500 × 5.5 = 206 250, usable 103 125, risk 34 375; 68 750 / (37 500 × 5.5) = 0.333… → 0.34.
  const { suggestion } = suggestionFor([{ side: 'school' }, { side: 'social_services', monthlySalary: '30000' }], {
    period: { from: '2026-01-01', to: '2026-06-15' },
  });
  assert.deepEqual(suggestion, { extraCost: '68750', fte: '0.34', months: '5.50', monthlyCostPerFte: '37500', basis: 'social_services' });
});

test('the boundary: no risk, no suggestion', () => {
  // Social 40 000 × 1.25 × 12 = 600 000, usable 300 000 = matched: risk 0.
  const { result, suggestion } = suggestionFor([{ side: 'school' }, { side: 'social_services' }]);
  assert.equal(result.amounts.repaymentRisk, '0');
  assert.equal(suggestion, undefined);
});

test("a team without social-services cost uses the school side's average", () => {
  // The social member's cost is all paid by other grants: usable 0, risk 300 000, extra 600 000;
  // school 600 000 / 12 = 50 000 per fte-month; 600 000 / (50 000 × 12) = 1.00.
  const { suggestion } = suggestionFor([{ side: 'school' }, { side: 'social_services', otherFundingShare: '1' }]);
  assert.deepEqual(suggestion, { extraCost: '600000', fte: '1.00', months: '12.00', monthlyCostPerFte: '50000', basis: 'school' });
});
