import type { Lang } from './types.ts';

/**
 * Numbers as people read them in messages, through Intl (sv-SE, en-GB): Swedish "0,50" and
 * "331 178 kr" (with no-break spaces), English "0.50" and "SEK 331,178"; lists and plurals by
 * the language's own rules. The JSON fields keep plain machine strings.
 */

const NBSP = '\u00a0';
const locales = { sv: 'sv-SE', en: 'en-GB' } as const;

const perLang = <T>(make: (locale: string) => T): Record<Lang, T> => ({ sv: make(locales.sv), en: make(locales.en) });

const fteFormat = perLang((l) => new Intl.NumberFormat(l, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }));
const wholeFormat = perLang((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 0 }));
const listFormat = perLang((l) => new Intl.ListFormat(l, { type: 'conjunction' }));
const pluralRules = perLang((l) => new Intl.PluralRules(l));

export function formatFte(hundredths: number, lang: Lang): string {
  return fteFormat[lang].format(hundredths / 100);
}

/** A whole number of kronor (a string of digits, perhaps signed), exactly, however large. */
export function formatKronor(wholeKronor: string, lang: Lang): string {
  const negative = wholeKronor.startsWith('-');
  const digits = negative ? wholeKronor.slice(1) : wholeKronor;
  // Intl reads a numeric string exactly, with no rounding through a float (Intl.NumberFormat v3;
  // the es2022 typings know only numbers). The minus sign is U+2212 in both languages.
  const grouped = wholeFormat[lang].format(digits as unknown as number);
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
