/**
 * Fte and kronor are written by hand (rules/format.ts); here every form is compared, byte for
 * byte, with what Intl.NumberFormat writes for the same number, as the messages did before:
 * small and large, negative, −0, the edges of grouping and of the hand-written range, and
 * what falls back to Intl (fractions of a hundredth, strings that are not plain digits).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatFte, formatKronor } from './format.ts';
import type { Lang } from './types.ts';

const langs: Lang[] = ['sv', 'en'];
const locales = { sv: 'sv-SE', en: 'en-GB' } as const;
const NBSP = '\u00a0';

/** The formatters as they were: Intl for every number. */
const intlOf = (options: Intl.NumberFormatOptions) => ({
  sv: new Intl.NumberFormat(locales.sv, options),
  en: new Intl.NumberFormat(locales.en, options),
});
const fteFormat = intlOf({ minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
const wholeFormat = intlOf({ maximumFractionDigits: 0 });
const intlFte = (hundredths: number, lang: Lang) => fteFormat[lang].format(hundredths / 100);
function intlKronor(wholeKronor: string, lang: Lang): string {
  const negative = wholeKronor.startsWith('-');
  const digits = negative ? wholeKronor.slice(1) : wholeKronor;
  const grouped = wholeFormat[lang].format(digits as unknown as number);
  const signed = negative ? `\u2212${grouped}` : grouped;
  return lang === 'sv' ? `${signed}${NBSP}kr` : `SEK${NBSP}${signed}`;
}

function sameAsIntlFte(values: Iterable<number>) {
  for (const value of values) for (const lang of langs) assert.equal(formatFte(value, lang), intlFte(value, lang), `${value} (${lang})`);
}
function sameAsIntlKronor(values: Iterable<string>) {
  for (const value of values) for (const lang of langs) assert.equal(formatKronor(value, lang), intlKronor(value, lang), `${value} (${lang})`);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const powersOfTen = range(0, 21).map((n) => 10 ** n);

test('fte: the same text as Intl for every whole hundredth from −20,00 to 200,00', () => {
  sameAsIntlFte(range(-2000, 20_000));
});

test('fte: the same as Intl around each power of ten, at the end of the hand-written range and beyond it', () => {
  const edges = [1e15, 1e15 + 1, 2 ** 46, 2 ** 53 - 1, 2 ** 53, 1e20, 1e21, 1e22];
  sameAsIntlFte([...powersOfTen, ...edges].flatMap((n) => [n - 1, n, n + 1, -n + 1, -n, -n - 1]));
});

test('fte: −0, fractions of a hundredth, and what is not a finite number, as Intl writes them', () => {
  sameAsIntlFte([-0, 0.5, -0.5, 0.4999, 1.005, 12.345, -99.995, Number.MIN_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
});

test('fte: the same as Intl for random whole hundredths of any size and random doubles', () => {
  fc.assert(
    fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double()), (value) => {
      sameAsIntlFte([value]);
    }),
    { numRuns: 5000 },
  );
});

test('kronor: the same as Intl for every whole krona up to 100 000, and negative', () => {
  sameAsIntlKronor(range(0, 100_000).flatMap((n) => [String(n), `-${n}`]));
});

test('kronor: the same as Intl around each power of ten and far beyond a float, grouped by threes', () => {
  const large = ['9007199254740993', '123456789012345678901', '99999999999999999999999999999999999999', '1'.padEnd(60, '0')];
  const values = [...powersOfTen.flatMap((n) => [n - 1, n, n + 1].map((k) => BigInt(k).toString())), ...large];
  sameAsIntlKronor(values.flatMap((v) => [v, `-${v}`]));
});

test('kronor: strings that are not plain digits go through Intl as before', () => {
  sameAsIntlKronor(['-0', '007', '-007', '1.5', '2.5', '-1.5', '1e3', '', '-', ' 12 ', 'abc', '+5', '0x1f', '1_000']);
});

test('kronor: the same as Intl for random digit strings of any length', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^-?(?:0|[1-9][0-9]{0,40})$/), (value) => {
      sameAsIntlKronor([value]);
    }),
    { numRuns: 5000 },
  );
});
