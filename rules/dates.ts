/**
 * Calendar arithmetic on `YYYY-MM-DD` dates, as whole days since 1970-01-01 (UTC), so that
 * staffing can be tested day by day without time zones or daylight saving in the way.
 */

const MS_PER_DAY = 86_400_000;

export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

export function dateOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day of the month `months` later, clamped to the month's last day
 * (RULEBOOK D3: 2025-08-31 + 6 months = 2026-02-28).
 */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const monthIndex = Number(date.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12 + 12) % 12 + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(targetYear, targetMonth));
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

/** The overlap of two inclusive ranges of day numbers, or undefined if they do not meet. */
export function overlap(
  a: { first: number; last: number },
  b: { first: number; last: number },
): { first: number; last: number } | undefined {
  const first = Math.max(a.first, b.first);
  const last = Math.min(a.last, b.last);
  return first <= last ? { first, last } : undefined;
}
