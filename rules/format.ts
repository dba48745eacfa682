import type { Lang } from './types.ts';

/**
 * Numbers as people read them in messages: Swedish "0,50" and "331 178 kr" (with no-break
 * spaces), English "0.50" and "SEK 331,178". The JSON fields keep plain machine strings.
 */

const NBSP = '\u00a0';

export function formatFte(hundredths: number, lang: Lang): string {
  const text = (hundredths / 100).toFixed(2);
  return lang === 'sv' ? text.replace('.', ',') : text;
}

export function formatKronor(wholeKronor: string, lang: Lang): string {
  const negative = wholeKronor.startsWith('-');
  const digits = negative ? wholeKronor.slice(1) : wholeKronor;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'sv' ? NBSP : ',');
  const signed = negative ? `\u2212${grouped}` : grouped;
  return lang === 'sv' ? `${signed}${NBSP}kr` : `SEK${NBSP}${signed}`;
}

/** "m1, m2 och m3" / "m1, m2 and m3". */
export function formatList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'sv' ? ' och ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
