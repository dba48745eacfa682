import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DraftMember } from './draft-application.ts';
import { PLAUSIBLE, memberQuestions, peakFte, salaryQuestion } from './plausible.ts';
import { readAmount, readDate, readFte, readNumber, readRate, type Reading } from './input.ts';

const value = (reading: Reading) => (reading.ok ? reading.value : reading.problem);

test('tal skrivs som man skriver dem: mellanslag och decimalkomma', () => {
  assert.equal(value(readNumber('1 000')), '1000');
  assert.equal(value(readNumber('42\u00a0000')), '42000');
  assert.equal(value(readNumber('12,5')), '12.5');
  assert.equal(value(readNumber('0,5')), '0.5');
  assert.equal(value(readNumber('1,00')), '1');
  assert.equal(value(readNumber('007')), '7');
});

test('det som inte är ett tal ger inget värde', () => {
  for (const text of ['', ' ', 'abc', '-1', '1e3', '1,2,3', '50 %', '%', '1.2.3']) assert.equal(value(readNumber(text)), 'unreadable', text);
  for (const text of ['', 'abc', '-42 000', '42 000 euro', '4,2,0', 'kr', '1e3']) assert.equal(value(readAmount(text)), 'unreadable', text);
  for (const text of ['', 'abc', '-5 %', '101', '101 %', '%']) assert.equal(value(readRate(text)), 'unreadable', text);
  for (const text of ['', 'abc', '-0,5', '101', '150 %']) assert.equal(value(readFte(text)), 'unreadable', text);
});

test('kronor som en svensk skriver dem: mellanrum, kr, :-, punkt mellan tusental, k och tkr', () => {
  const cases: Record<string, string> = {
    '42 000': '42000',
    '42000 kr': '42000',
    '42 000:-': '42000',
    '42000:-': '42000',
    '42 000,-': '42000',
    '38 500 kr': '38500',
    '42\u00a0000': '42000',
    '42\u2009000': '42000',
    '42\u202f000 kr': '42000',
    '42 000 kronor': '42000',
    '42000 SEK': '42000',
    '42.000': '42000',
    '1.234.567': '1234567',
    '42.000,50': '42000.5',
    '42 000,50': '42000.5',
    '42,000.50': '42000.5',
    '1,234,567': '1234567',
    '42.5': '42.5',
    '0.5': '0.5',
    '42.00': '42',
    '0.500': '0.5',
    '42,5': '42.5',
    '42k': '42000',
    '42 k': '42000',
    '42,5k': '42500',
    '42 tkr': '42000',
    '42tkr': '42000',
    '42 tusen kr': '42000',
  };
  for (const [text, expected] of Object.entries(cases)) assert.equal(value(readAmount(text)), expected, text);
});

test('kronor som kan läsas på två sätt ger en fråga: 42,000 och 42.000k', () => {
  for (const text of ['42,000', '42,000 kr', '1,500', '42.000k']) assert.equal(value(readAmount(text)), 'ambiguous', text);
});

test('personalomkostnadspålägg: 31,42 och 31.42 är procent, 0,3142 en andel, 1 en fråga', () => {
  const cases: Record<string, string> = {
    '31,42 %': '0.3142',
    '31,42%': '0.3142',
    '31,42': '0.3142',
    '31.42': '0.3142',
    '31,42 procent': '0.3142',
    '0,3142': '0.3142',
    '0.3142': '0.3142',
    '50 %': '0.5',
    '100%': '1',
    '100': '1',
    '5 %': '0.05',
    '1 %': '0.01',
    '1,5': '0.015',
    '0': '0',
    '0 %': '0',
  };
  for (const [text, expected] of Object.entries(cases)) assert.equal(value(readRate(text)), expected, text);
  assert.equal(value(readRate('1')), 'ambiguous');
  assert.equal(value(readRate('1,0')), 'ambiguous');
});

test('tjänstgöringsgrad: 50 är 50 %, 1 är heltid, 0,5 som skrivet, 1,5 en fråga', () => {
  const cases: Record<string, string> = {
    '50': '0.5',
    '50 %': '0.5',
    '100': '1',
    '2': '0.02',
    '37,5': '0.375',
    '1': '1',
    '1,00': '1',
    '0,5': '0.5',
    '0.75': '0.75',
    '0,5 %': '0.005',
  };
  for (const [text, expected] of Object.entries(cases)) assert.equal(value(readFte(text)), expected, text);
  for (const text of ['1,5', '2,5', '9,9']) assert.equal(value(readFte(text)), 'ambiguous', text);
});

test('månadslön utanför 15 000–150 000 kr ger en fråga; gränserna själva gör det inte', () => {
  assert.equal(PLAUSIBLE.minSalary, 15_000);
  assert.match(
    salaryQuestion('monthlySalary', '14999', 'sv')?.message ?? '',
    /Stämmer det att månadslönen vid heltid är 14\u00a0999\u00a0kr\? Det är ovanligt lite/,
  );
  assert.equal(salaryQuestion('monthlySalary', '15000', 'sv'), undefined);
  assert.equal(salaryQuestion('monthlySalary', '150000', 'sv'), undefined);
  assert.match(salaryQuestion('monthlySalary', '150001', 'sv')?.message ?? '', /150\u00a0001\u00a0kr\? Det är ovanligt mycket/);
  assert.match(salaryQuestion('monthlySalary', '4200', 'en')?.message ?? '', /Is the monthly salary at full time really SEK\u00a04,200\?/);
});

const member: Omit<DraftMember, 'id'> = {
  side: 'school',
  role: '',
  engagement: 'employment',
  fte: '1.00',
  start: '2025-08-15',
  end: null,
  education: 'psychosocial_degree',
  educationNote: '',
  origin: 'new',
  monthlySalary: '42000',
  employerCostRate: '0.3142',
  otherFundingShare: '0',
};
const asked = (changes: Partial<typeof member>, others: DraftMember[] = [], confirmed = {}) =>
  memberQuestions({ ...member, ...changes }, others, confirmed, 'sv').ask.map((q) => `${q.field}=${q.value}`);

test('personalomkostnadspålägg över 60 % ger en fråga; 60 % gör det inte', () => {
  assert.deepEqual(asked({ employerCostRate: '0.6' }), []);
  assert.deepEqual(asked({ employerCostRate: '0.6001' }), ['employerCostRate=0.6001']);
});

test('en bekräftad uppgift frågas inte igen, men ett nytt värde gör det', () => {
  assert.deepEqual(asked({ monthlySalary: '4200' }, [], { monthlySalary: '4200' }), []);
  assert.deepEqual(asked({ monthlySalary: '4300' }, [], { monthlySalary: '4200' }), ['monthlySalary=4300']);
});

test('mer än 10 heltider på en sida samma dag ger en fråga; 10 gör det inte, och olika tider räknas var för sig', () => {
  const ten = Array.from({ length: 9 }, (_, i) => ({ ...member, id: `p${i + 1}` }));
  assert.deepEqual(asked({}, ten), []);
  assert.deepEqual(asked({}, [...ten, { ...member, id: 'q', fte: '0.01' }]), ['fte=10.01']);
  // The other side does not count, nor does someone who left before the member started.
  assert.deepEqual(asked({ fte: '0.5' }, [...ten.map((m) => ({ ...m, side: 'social_services' })), { ...member, id: 'x', end: '2025-08-14' }]), []);
  assert.equal(peakFte({ fte: '1', start: '2025-01-01', end: '2025-06-30' }, [{ fte: '1', start: '2025-07-01', end: null }]).toFixed(), '1');
});

test('datum skrivs som 2026-03-01 eller 1/3 2026', () => {
  assert.equal(readDate('2026-03-01'), '2026-03-01');
  assert.equal(readDate(' 2026-3-1 '), '2026-03-01');
  assert.equal(readDate('1/3 2026'), '2026-03-01');
  assert.equal(readDate('31/12 2026'), '2026-12-31');
  assert.equal(readDate('29/2 2028'), '2028-02-29');
});

test('datum som inte finns ger inget värde', () => {
  for (const text of ['', '2026-02-29', '30/2 2026', '2026-13-01', '1/3', 'i morgon', '2026/03/01']) assert.equal(readDate(text), undefined, text);
});
