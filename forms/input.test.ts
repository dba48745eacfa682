import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDate, readDecimal } from './input.ts';

test('tal skrivs som man skriver dem: mellanslag, decimalkomma och procent', () => {
  assert.equal(readDecimal('1 000'), '1000');
  assert.equal(readDecimal('42\u00a0000'), '42000');
  assert.equal(readDecimal('12,5'), '12.5');
  assert.equal(readDecimal('0,5'), '0.5');
  assert.equal(readDecimal('1,00'), '1');
  assert.equal(readDecimal('007'), '7');
  assert.equal(readDecimal('50 %', { percent: true }), '0.5');
  assert.equal(readDecimal('31,42 %', { percent: true }), '0.3142');
  assert.equal(readDecimal('100%', { percent: true }), '1');
  assert.equal(readDecimal('5 %', { percent: true }), '0.05');
  assert.equal(readDecimal('0,5', { percent: true }), '0.5');
});

test('det som inte är ett tal ger inget värde', () => {
  for (const text of ['', ' ', 'abc', '-1', '1e3', '1,2,3', '50 %', '%', '1.2.3']) assert.equal(readDecimal(text), undefined, text);
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
