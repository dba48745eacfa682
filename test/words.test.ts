/** The catalogue: English has every word Swedish has, and counts and lists go through Intl. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCountOf, formatKronor, formatList } from '../rules/format.ts';
import { words } from '../src/words/index.ts';

/** Every path to a leaf ("estimate.assumed.0"), with the leaf's kind: a string, a function of n arguments, or a list of n. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [`${path}: string`];
  if (typeof value === 'function') return [`${path}: function/${value.length}`];
  if (Array.isArray(value)) return [`${path}: list/${value.length}`, ...value.flatMap((v, i) => shape(v, `${path}.${i}`))];
  return Object.entries(value as object).flatMap(([key, v]) => shape(v, path ? `${path}.${key}` : key));
}

test('engelska har samma ord som svenska: samma nycklar, listor lika långa, funktioner med lika många argument', () => {
  assert.deepEqual(shape(words.en), shape(words.sv));
});

test('ingen text är tom', () => {
  for (const lang of ['sv', 'en'] as const) {
    const empty = JSON.stringify(words[lang]).match(/"[^"]+":""/);
    assert.equal(empty, null, `${lang}: ${empty?.[0]}`);
  }
});

test('antal med rätt form: 1 person, 3 personer, 1 team, 2 team; 1 person, 3 people', () => {
  assert.equal(formatCountOf(1, words.sv.count.people, 'sv'), '1 person');
  assert.equal(formatCountOf(3, words.sv.count.people, 'sv'), '3 personer');
  assert.equal(formatCountOf(0, words.sv.count.people, 'sv'), '0 personer');
  assert.equal(formatCountOf(1, words.sv.count.teams, 'sv'), '1 team');
  assert.equal(formatCountOf(2, words.sv.count.teams, 'sv'), '2 team');
  assert.equal(formatCountOf(1, words.en.count.people, 'en'), '1 person');
  assert.equal(formatCountOf(3, words.en.count.people, 'en'), '3 people');
  assert.equal(formatCountOf(1200, words.sv.count.changes, 'sv'), '1\u00a0200 ändringar');
});

test('kronor och listor genom Intl, som förut', () => {
  assert.equal(formatKronor('331178', 'sv'), '331\u00a0178\u00a0kr');
  assert.equal(formatKronor('331178', 'en'), 'SEK\u00a0331,178');
  assert.equal(formatKronor('-1000', 'sv'), '\u22121\u00a0000\u00a0kr');
  assert.equal(formatKronor('123456789012345678901', 'sv'), '123\u00a0456\u00a0789\u00a0012\u00a0345\u00a0678\u00a0901\u00a0kr');
  assert.equal(formatList(['p1', 'p2', 'p3'], 'sv'), 'p1, p2 och p3');
  assert.equal(formatList(['p1', 'p2'], 'en'), 'p1 and p2');
  assert.equal(formatList(['p1'], 'sv'), 'p1');
});
