import type { Lang } from '../rules/types.ts';

/** The language asked for with ?lang=, Swedish unless English is asked for. */
export function langOf(query: unknown): Lang {
  const lang = typeof query === 'object' && query !== null ? (query as { lang?: unknown }).lang : undefined;
  return lang === 'en' ? 'en' : 'sv';
}

// Swedish dates are written YYYY-MM-DD; one formatter, as making one per call is slow.
const swedishDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

const MINUTE_MS = 60_000;
/** The last answer and its minute: formatting costs more than the rest of a small assessment's overhead. */
let cached = { minute: Number.NaN, date: '' };

/**
 * Today's date in Sweden, YYYY-MM-DD: the evaluation date of an assessment made now. Formatted
 * once a minute: Sweden's day (and its change of offset) always begins on a whole minute.
 */
export function todayInSweden(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / MINUTE_MS);
  if (minute !== cached.minute) cached = { minute, date: swedishDate.format(now) };
  return cached.date;
}

const stockholmTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });
const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short' });

/** A stored moment as the pages show it, in Swedish time: "2025-03-01 14:05". */
export const showTime = (iso: string): string => stockholmTime.format(new Date(iso));
/** A stored moment's day in Sweden: "2025-03-01". */
export const showDate = (iso: string): string => stockholmDate.format(new Date(iso));
