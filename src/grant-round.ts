/**
 * The bidragsår being prepared on a given day, the default year wherever one is offered (the
 * quick estimate, a new overview, the examples in date hints).
 *
 * Applications for year Y are made early in Y (Skolverket's window was 15 January–16 February
 * for 2026), so from 1 July of year Y the round being prepared is Y+1, and before that Y:
 * in December 2026 it is 2027, in March 2027 still 2027. The date is Swedish time.
 */
const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit' });

export function roundBeingPrepared(today: Date): number {
  const parts = Object.fromEntries(stockholmDate.formatToParts(today).map((p) => [p.type, p.value]));
  const year = Number(parts.year);
  return Number(parts.month) >= 7 ? year + 1 : year;
}

/** The year a date hint's examples lie in: the application's bidragsår, or else the round being prepared. */
export const exampleYear = (grantYear: number | undefined, today: Date): number => grantYear ?? roundBeingPrepared(today);
