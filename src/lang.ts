import type { Lang } from '../rules/types.ts';

/** The language asked for with ?lang=, Swedish unless English is asked for. */
export function langOf(query: unknown): Lang {
  const lang = typeof query === 'object' && query !== null ? (query as { lang?: unknown }).lang : undefined;
  return lang === 'en' ? 'en' : 'sv';
}

// Swedish dates are written YYYY-MM-DD; one formatter, as making one per call is slow.
const swedishDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

/** Today's date in Sweden, YYYY-MM-DD: the evaluation date of an assessment made now. */
export function todayInSweden(now: Date = new Date()): string {
  return swedishDate.format(now);
}
