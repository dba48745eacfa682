import type { Lang } from './types.ts';

/**
 * Numbers as people read them in messages, as Intl writes them (sv-SE, en-GB): Swedish "0,50"
 * and "331 178 kr" (with no-break spaces), English "0.50" and "SEK 331,178"; lists and plurals by
 * the language's own rules. The JSON fields keep plain machine strings.
 *
 * Fte and kronor, in every finding's message in both languages, are written here by hand with
 * Intl's own marks: Intl.NumberFormat's format took a tenth of the API's time per request.
 * rules/format.test.ts checks the output is Intl's, byte for byte; whatever the hand-written
 * forms do not cover (a fraction of a hundredth, a number too large to be exact as a float, a
 * string that is not plain digits) still goes through Intl.
 */

const NBSP = '\u00a0';
const locales = { sv: 'sv-SE', en: 'en-GB' } as const;

const perLang = <T>(make: (locale: string) => T): Record<Lang, T> => ({ sv: make(locales.sv), en: make(locales.en) });

const fteFormat = perLang((l) => new Intl.NumberFormat(l, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }));
const wholeFormat = perLang((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 0 }));
const listFormat = perLang((l) => new Intl.ListFormat(l, { type: 'conjunction' }));
const pluralRules = perLang((l) => new Intl.PluralRules(l));

/** The marks Intl writes: decimal comma or point, the thousands separator, the minus sign. */
const marks: Record<Lang, { decimal: string; group: string; minus: string }> = {
  sv: { decimal: ',', group: NBSP, minus: '\u2212' },
  en: { decimal: '.', group: ',', minus: '-' },
};

/**
 * Whole hundredths up to this size are exact through hundredths / 100: the float is off by less
 * than half a hundredth (below 2^46 its spacing is at most 2^-7), so Intl's rounding to two
 * decimals gives back the same digits as the integer.
 */
const EXACT_HUNDREDTHS = 1e15;

/** Fte from hundredths, two decimals, no grouping: "1,50" / "1.50" (Intl's minus, also for −0). */
export function formatFte(hundredths: number, lang: Lang): string {
  if (!Number.isInteger(hundredths) || Math.abs(hundredths) > EXACT_HUNDREDTHS) return fteFormat[lang].format(hundredths / 100);
  const { decimal, minus } = marks[lang];
  const sign = hundredths < 0 || Object.is(hundredths, -0) ? minus : '';
  const digits = String(Math.abs(hundredths)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}${decimal}${digits.slice(-2)}`;
}

/** Plain digits without leading zeros: what the hand-written grouping covers. */
const WHOLE_DIGITS = /^(?:0|[1-9][0-9]*)$/;

/** "1234567" → "1 234 567" with the language's separator. */
function groupedDigits(digits: string, lang: Lang): string {
  const { group } = marks[lang];
  const head = digits.length % 3 || 3;
  let text = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) text += group + digits.slice(i, i + 3);
  return text;
}

/** A whole number of kronor (a string of digits, perhaps signed), exactly, however large. */
export function formatKronor(wholeKronor: string, lang: Lang): string {
  const negative = wholeKronor.startsWith('-');
  const digits = negative ? wholeKronor.slice(1) : wholeKronor;
  // Anything else Intl reads as a numeric string, exactly, with no rounding through a float
  // (Intl.NumberFormat v3; the es2022 typings know only numbers). The minus sign is U+2212 in both languages.
  const grouped = WHOLE_DIGITS.test(digits) ? groupedDigits(digits, lang) : wholeFormat[lang].format(digits as unknown as number);
  const signed = negative ? `\u2212${grouped}` : grouped;
  return lang === 'sv' ? `${signed}${NBSP}kr` : `SEK${NBSP}${signed}`;
}

/** A whole number: "1 234" / "1,234". */
export function formatCount(n: number, lang: Lang): string {
  return wholeFormat[lang].format(n);
}

/** The singular and plural of a word: { one: 'person', other: 'personer' }. */
export interface PluralForms {
  one: string;
  other: string;
}

/** "1 person", "3 personer": the number through Intl, the form as Intl.PluralRules picks it. */
export function formatCountOf(n: number, forms: PluralForms, lang: Lang): string {
  return `${formatCount(n, lang)} ${pluralRules[lang].select(n) === 'one' ? forms.one : forms.other}`;
}

/** "m1, m2 och m3" / "m1, m2 and m3". */
export function formatList(items: string[], lang: Lang): string {
  return listFormat[lang].format(items);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
