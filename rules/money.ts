import { Decimal } from 'decimal.js';

/**
 * Exact decimal arithmetic for money ([D6](../docs/decisions.md#d6)). Sixty significant digits hold every
 * product of the inputs exactly; the one division (by the days in a month) is done last, so
 * rounding to whole kronor is decided on the exact value.
 */
export const Money = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
export type Money = InstanceType<typeof Money>;

/** Whole kronor, half away from zero (D6), as a plain string. */
export function wholeKronor(value: Money): string {
  return value.toFixed(0, Decimal.ROUND_HALF_UP);
}

/** The sum of whole-krona strings, as a string: totals are sums of the rounded lines (D6). */
export function sumKronor(lines: Iterable<string>): string {
  let total = 0n;
  for (const line of lines) total += BigInt(line);
  return total.toString();
}
