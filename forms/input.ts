/**
 * Reading what people type into the web forms, the Swedish way: "1 000", "12,5", "0,5",
 * "42 000 kr", "42.000", "31,42", "50 %" and dates as 2026-03-01 or 1/3 2026. Each number reader
 * gives a normalised string (a dot, no grouping), or says that the text is no number or could
 * mean two very different ones; the page's schema turns that into a message or a question.
 */

import { Decimal } from 'decimal.js';
import { daysInMonth } from '../rules/dates.ts';

const SPACES = /[\s\u00a0\u2009\u202f]/g;

/**
 * What a number box holds, read as written: a plain decimal string with a dot, or why not.
 * `ambiguous` means it can be read in two ways that differ a lot (the page asks which).
 */
export type Reading = { ok: true; value: string } | { ok: false; problem: 'unreadable' | 'ambiguous' };

const unreadable: Reading = { ok: false, problem: 'unreadable' };
const ambiguous: Reading = { ok: false, problem: 'ambiguous' };
const read = (value: Decimal): Reading => ({ ok: true, value: value.toFixed() });

/** Digits with one decimal comma or point ("12,5", "0.5", "7"). */
const PLAIN = /^\d+([.,]\d+)?$/;

function plain(compact: string): Decimal | undefined {
  return PLAIN.test(compact) ? new Decimal(compact.replace(',', '.')) : undefined;
}

/** A non-negative decimal as written, with a decimal comma or point ("1 000" → "1000", "12,5" → "12.5"). */
export function readNumber(text: string): Reading {
  const value = plain(text.replace(SPACES, ''));
  return value ? read(value) : unreadable;
}

/** "kr", "kronor", "SEK", ":-" or ",-" after an amount; "k", "tkr" or "tusen" for thousands. */
const CURRENCY = /(kr\.?|kronor|sek|[:,][-–])$/i;
const THOUSAND_KRONOR = /(tkr\.?|tusen(kr\.?|kronor)?)$/i;
/** Dots that group exactly three digits: "42.000", "1.234.567" (never "0.500"). */
const DOT_GROUPS = /^[1-9]\d{0,2}(\.\d{3})+$/;
const COMMA_GROUPS = /^[1-9]\d{0,2}(,\d{3})+$/;

/**
 * Kronor as a Swede writes them: "42 000", "42000 kr", "42 000:-", "42.000" and "1.234.567"
 * (dots grouping exactly three digits are thousands), "42 000,50", "42.000,50", "42k" and
 * "42 tkr" (thousands). "42.5" and "42.00" are decimals. "42,000" is ambiguous: a decimal comma
 * in Swedish, a thousands separator in English; the page asks.
 */
export function readAmount(text: string): Reading {
  let compact = text.replace(SPACES, '');
  let thousands = THOUSAND_KRONOR.test(compact);
  compact = compact.replace(THOUSAND_KRONOR, '').replace(CURRENCY, '');
  if (!thousands && /\dk$/i.test(compact)) [thousands, compact] = [true, compact.slice(0, -1)];
  const scale = (value: Decimal) => read(thousands ? value.times(1000) : value);
  if (DOT_GROUPS.test(compact)) return thousands ? ambiguous : read(new Decimal(compact.replace(/\./g, '')));
  if (COMMA_GROUPS.test(compact) && !thousands) return /^\d+,\d{3}$/.test(compact) ? ambiguous : read(new Decimal(compact.replace(/,/g, '')));
  // Both marks: the last one is the decimal mark, the other groups thousands ("42.000,50", "42,000.50").
  const mixed = /^([1-9]\d{0,2}(?:([.,])\d{3})+)([.,])(\d+)$/.exec(compact);
  if (mixed && mixed[2] !== mixed[3]) return scale(new Decimal(`${mixed[1].replace(/[.,]/g, '')}.${mixed[4]}`));
  const value = plain(compact);
  return value ? scale(value) : unreadable;
}

/** "31,42 %", "31,42 procent": the number before the sign, and whether the sign was there. */
function splitPercent(text: string): { compact: string; isPercent: boolean } {
  const compact = text.replace(SPACES, '');
  const match = /^(.*?)(%|procent)$/i.exec(compact);
  return match ? { compact: match[1], isPercent: true } : { compact, isPercent: false };
}

/**
 * A share such as the personalomkostnadspålägg, as a fraction: "31,42 %", "31,42" and "31.42"
 * all mean 31,42 % (a bare number above 1 is a percentage, up to 100); "0,3142" is the fraction
 * as written; "0" is none. A bare "1" could mean 1 % or 100 %, so it is ambiguous.
 */
export function readRate(text: string): Reading {
  const { compact, isPercent } = splitPercent(text);
  const value = plain(compact);
  if (!value) return unreadable;
  if (isPercent) return value.gt(100) ? unreadable : read(value.dividedBy(100));
  if (value.eq(1)) return ambiguous;
  if (value.lt(1)) return read(value);
  return value.gt(100) ? unreadable : read(value.dividedBy(100));
}

/**
 * A member's tjänstgöringsgrad: "0,5", "1" and "50 %" as written, a bare whole number from 2 to
 * 100 as a percentage ("50" is 50 %), and a bare number with decimals from 10 to 100 too
 * ("37,5"). Between 1 and 10 with decimals ("1,5") could be a percentage or more than one full
 * time, so it is ambiguous.
 */
export function readFte(text: string): Reading {
  const { compact, isPercent } = splitPercent(text);
  const value = plain(compact);
  if (!value) return unreadable;
  if (isPercent || value.lte(1)) return isPercent && value.gt(100) ? unreadable : read(isPercent ? value.dividedBy(100) : value);
  if (value.gt(100)) return unreadable;
  if (!value.isInteger() && value.lt(10)) return ambiguous;
  return read(value.dividedBy(100));
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SWEDISH = /^(\d{1,2})\/(\d{1,2})[\s/-]+(\d{4})$/;

/** A real calendar date as YYYY-MM-DD, from "2026-03-01" or "1/3 2026" (day/month year). */
export function readDate(text: string): string | undefined {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const iso = ISO.exec(trimmed);
  const swedish = SWEDISH.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : swedish ? [swedish[3], swedish[2], swedish[1]].map(Number) : [];
  if (year === undefined || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A value that must already be a real date as YYYY-MM-DD (stored or sent data, never trusted); undefined otherwise. */
export function isoDate(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? readDate(value) : undefined;
}

/** A stored decimal as a person writes it: "0,5" in Swedish, "0.5" in English. */
export function showDecimal(value: string, lang: 'sv' | 'en'): string {
  return lang === 'sv' ? value.replace('.', ',') : value;
}

/** A stored fraction as a percentage: "0.3142" → "31,42 %"; empty for zero. */
export function showPercent(fraction: string, lang: 'sv' | 'en'): string {
  const value = new Decimal(fraction);
  return value.isZero() ? '' : `${showDecimal(value.times(100).toFixed(), lang)} %`;
}
