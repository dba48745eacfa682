/**
 * The bidragsår being prepared on a given day, the default year wherever one is offered (the
 * quick estimate, a new overview, the examples in date hints).
 *
 * Applications for year Y are made early in Y (Skolverket's window was 15 January–16 February
 * for 2026), so from 1 July of year Y the round being prepared is Y+1, and before that Y:
 * in December 2026 it is 2027, in March 2027 still 2027. `today` is a Swedish date, YYYY-MM-DD
 * (todayInSweden()).
 */
export function roundBeingPrepared(today: string): number {
  const [year, month] = today.split('-').map(Number);
  return month >= 7 ? year + 1 : year;
}

/** The year a date hint's examples lie in: the application's bidragsår, or else the round being prepared. */
export const exampleYear = (grantYear: number | undefined, today: string): number => grantYear ?? roundBeingPrepared(today);
