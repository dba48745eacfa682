/** Numbers, dates and places in the PDFs, the Swedish way. */
import { Decimal } from 'decimal.js';
import { municipalityName } from '../../forms/municipalities.ts';
import { formatKronor } from '../../rules/format.ts';

const NBSP = '\u00a0';

/** "1.50" → "1,50". */
export const fte = (value: string) => value.replace('.', ',');

/** Kronor with no-break spaces: "331 178 kr"; öre after a decimal comma when there are any. */
export function kr(value: string | undefined): string {
  const [whole, fraction] = (value ?? '0').split('.');
  const formatted = formatKronor(whole, 'sv');
  return fraction && /[1-9]/.test(fraction) ? formatted.replace(`${NBSP}kr`, `,${fraction.padEnd(2, '0')}${NBSP}kr`) : formatted;
}

/** "0.3142" → "31,42 %". */
export const percent = (share: string) => `${new Decimal(share).times(100).toFixed().replace('.', ',')}${NBSP}%`;

export const range = (from: string, to: string | null) => `${from}–${to ?? 'tills vidare'}`;

export const municipality = (code: string) => `${municipalityName(code) ?? 'Okänd kommun'} (${code})`;

export const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`);
