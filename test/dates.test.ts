import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, dateOf, dayNumber, daysInMonth } from '../rules/dates.ts';

test('dagnummer och datum stämmer med kalendern för varje dag 1900–2199', () => {
  for (let day = dayNumber('1900-01-01'); day <= dayNumber('2199-12-31'); day++) {
    const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (dateOf(day) !== iso || dayNumber(iso) !== day) assert.fail(`${day}: ${iso} gave ${dateOf(day)} and ${dayNumber(iso)}`);
  }
});

test('månadens längd följer skottåren: 2024 och 2000 är skottår, 2026 och 2100 inte', () => {
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(2000, 2), 29);
  assert.equal(daysInMonth(2026, 2), 28);
  assert.equal(daysInMonth(2100, 2), 28);
  assert.equal(daysInMonth(2026, 4), 30);
  assert.equal(daysInMonth(2026, 12), 31);
});

test('sex månader från den 31 augusti är den 28 februari, månadens sista dag', () => {
  assert.equal(addMonths('2025-08-31', 6), '2026-02-28');
  assert.equal(addMonths('2027-08-31', 6), '2028-02-29');
  assert.equal(addMonths('2025-08-01', 6), '2026-02-01');
  assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
});
