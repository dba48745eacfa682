/**
 * The agencies' windows for a bidragsår as data (rules/params): Skolverket's application window,
 * Socialstyrelsen's rekvisition window for the kommun and Skolverket's redovisning window after
 * the year, each known or the product's estimate ("preliminär"), with its source and the day the
 * source was last checked. The next-steps block, the kommun's overview and the redovisning PDF
 * show them alike.
 */
import type { Window } from '../rules/params/rule-set.ts';
import { ruleSetFor } from '../rules/rule-sets.ts';
import type { DateRange, Lang } from '../rules/types.ts';

const dayAndMonth = {
  sv: new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }),
};
const fullDate = {
  sv: new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
};

/** "15 januari–16 februari 2026": the year once, at the end, when both dates are in it. */
export function dateSpan(range: DateRange, lang: Lang): string {
  const from = new Date(`${range.from}T00:00:00Z`);
  const to = new Date(`${range.to}T00:00:00Z`);
  const start = range.from.slice(0, 4) === range.to.slice(0, 4) ? dayAndMonth[lang].format(from) : fullDate[lang].format(from);
  return `${start}–${fullDate[lang].format(to)}`;
}

/** A window as people read it, "(preliminärt)" after an estimate. */
export function windowSpan(window: { value: DateRange; preliminary?: boolean }, lang: Lang): string {
  const span = dateSpan(window.value, lang);
  return window.preliminary ? `${span} (${windowWords[lang].preliminary})` : span;
}

export type WindowKind = 'application' | 'requisition' | 'reporting';

/** A window as the JSON API gives it. */
export interface WindowData {
  from: string;
  to: string;
  preliminary: boolean;
  source: { title: string; url: string };
  /** YYYY-MM-DD: when the source was last checked. */
  checked: string;
}

const field = { application: 'applicationWindow', requisition: 'requisitionWindow', reporting: 'reportingWindow' } as const;

export function windowOf(grantYear: number, kind: WindowKind): WindowData | null {
  const window: Window | undefined = ruleSetFor(grantYear)?.year[field[kind]];
  if (!window) return null;
  return { ...window.value, preliminary: window.preliminary === true, source: { title: window.source.title, url: window.source.url }, checked: window.checked };
}

export const windowWords = {
  sv: {
    names: {
      application: (year: number) => `Ansökan hos Skolverket för bidragsår ${year}`,
      requisition: (year: number) => `Kommunens rekvisition hos Socialstyrelsen för bidragsår ${year}`,
      reporting: (year: number) => `Redovisning till Skolverket för bidragsår ${year}`,
    } satisfies Record<WindowKind, (year: number) => string>,
    preliminary: 'preliminärt',
    datesHeading: 'Datum för året',
    checked: (date: string) => `kontrollerat ${date}`,
  },
  en: {
    names: {
      application: (year: number) => `Application to Skolverket for grant year ${year}`,
      requisition: (year: number) => `The municipality's requisition from Socialstyrelsen for grant year ${year}`,
      reporting: (year: number) => `Report to Skolverket for grant year ${year}`,
    } satisfies Record<WindowKind, (year: number) => string>,
    preliminary: 'preliminary',
    datesHeading: 'Dates for the year',
    checked: (date: string) => `checked ${date}`,
  },
};

/** A window in words, e.g. "15 april–1 juni 2026. Socialstyrelsen: …, kontrollerat 2026-12-02.", "(preliminärt)" where estimated. */
export function windowText(window: WindowData, lang: Lang): string {
  const span = windowSpan({ value: window, preliminary: window.preliminary }, lang);
  return `${span}. ${window.source.title}, ${windowWords[lang].checked(window.checked)}.`;
}

/** The year's windows that are known or estimated, each with its name and in words. */
export function windowsOf(grantYear: number, lang: Lang): Array<{ kind: WindowKind; name: string; text: string; url: string }> {
  return (['application', 'requisition', 'reporting'] as const).flatMap((kind) => {
    const window = windowOf(grantYear, kind);
    return window ? [{ kind, name: windowWords[lang].names[kind](grantYear), text: windowText(window, lang), url: window.source.url }] : [];
  });
}
