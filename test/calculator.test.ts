/**
 * A public calculator for this grant works as monthly cost × fte × months × 0.5. The engine
 * agrees on its examples, expressed as one-team applications for 2026 whose members' start,
 * end and fte say the same thing (school staff are what Skolverket funds from 2024).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseApplication } from '../forms/application.ts';
import { assess } from '../rules/assess.ts';
import { buildApplication, type ApplicationSketch } from './application-builder.ts';

function grantFor(sketch: ApplicationSketch): string {
  const parsed = parseApplication(buildApplication(sketch), 'sv');
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.body));
  return assess(parsed.application, { asOf: '2026-01-01' }).amounts.skolverketGrant;
}

const socialServices = { side: 'social_services' };
const school = (fte: string, monthlySalary = '55000') => ({ side: 'school', fte, monthlySalary });

test('55 000 kr i månaden, 100 %, 12 månader ger 330 000 kr', () => {
  assert.equal(grantFor({ teams: [{ members: [school('1.00'), socialServices] }] }), '330000');
});

test('samma tjänst i 6 månader ger 165 000 kr', () => {
  const period = { from: '2026-01-01', to: '2026-06-30' };
  assert.equal(grantFor({ teams: [{ period, members: [school('1.00'), socialServices] }] }), '165000');
});

test('250 % ger 825 000 kr', () => {
  assert.equal(grantFor({ teams: [{ members: [school('1.00'), school('1.00'), school('0.50'), socialServices] }] }), '825000');
});

test('150 % för 50 000 kr i månaden i 3 månader ger 112 500 kr', () => {
  const period = { from: '2026-01-01', to: '2026-03-31' };
  assert.equal(grantFor({ teams: [{ period, members: [school('1.00', '50000'), school('0.50', '50000'), socialServices] }] }), '112500');
});

test('50 % från socialtjänsten ger inget bidrag', () => {
  assert.equal(grantFor({ teams: [{ members: [school('1.00'), { side: 'social_services', fte: '0.50' }] }] }), '0');
});

test('95 % skolpersonal ger inget bidrag', () => {
  assert.equal(grantFor({ teams: [{ members: [school('0.95'), socialServices] }] }), '0');
});
