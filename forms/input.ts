/**
 * Reading what people type into the web forms, the Swedish way: "1 000", "12,5", "0,5",
 * "50 %" and dates as 2026-03-01 or 1/3 2026. Each reader gives a normalised string or
 * undefined; the page's schema turns undefined into a message that says what to write.
 */

import { Decimal } from 'decimal.js';
import { daysInMonth } from '../rules/dates.ts';

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * A non-negative decimal as a plain string with a dot ("1 000" → "1000", "12,5" → "12.5").
 * With `percent`, "50 %" and "50%" are read as the fraction 0.5; a bare number is taken as
 * written (so "0,5" and "50 %" both mean a half).
 */
export function readDecimal(text: string, { percent = false } = {}): string | undefined {
  let compact = text.replace(SPACES, '').replace(',', '.');
  const isPercent = percent && compact.endsWith('%');
  if (isPercent) compact = compact.slice(0, -1);
  if (!/^\d+(\.\d+)?$/.test(compact)) return undefined;
  const value = new Decimal(compact);
  return (isPercent ? value.dividedBy(100) : value).toFixed();
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SWEDISH = /^(\d{1,2})\/(\d{1,2})[\s/-]+(\d{4})$/;

/** A real calendar date as YYYY-MM-DD, from "2026-03-01" or "1/3 2026" (day/month year). */
export function readDate(text: string): string | undefined {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const iso = ISO.exec(trimmed);
  const swedish = SWEDISH.exec(trimmed);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]].map(Number)
    : swedish
      ? [swedish[3], swedish[2], swedish[1]].map(Number)
      : [];
  if (year === undefined || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
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
