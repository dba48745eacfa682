/**
 * The guided check, page by page. Every page of a draft lives under /ansokan/{id}/; the
 * question pages come in this order, and each POST that succeeds goes on to the next:
 *
 *   /                                  start page: "Starta" creates a draft
 *   bidragsar                          which bidragsår
 *   huvudman                           the huvudman: name, organisationsnummer, type
 *   team                               the teams so far; add, change or remove one
 *     team/{t}                         one team's facts (t = its number, or "ny")
 *     team/{t}/personer                the team's members; add, change or remove one
 *       team/{t}/person/{m}            one member (m = the member's id, or "ny")
 *   kontrollera                        check your answers, with "Ändra" links
 *   resultat                           the verdict, the findings, the amounts
 *
 * Pages keep the language with ?lang=en; Swedish is the default.
 */
import type { Lang } from '../rules/types.ts';

export function draftPath(id: string, step = ''): string {
  return step ? `/ansokan/${id}/${step}` : `/ansokan/${id}`;
}

export function teamPath(id: string, team: number | 'ny', rest = ''): string {
  return draftPath(id, `team/${team === 'ny' ? 'ny' : team + 1}${rest ? `/${rest}` : ''}`);
}

export function memberPath(id: string, team: number, member: string, rest = ''): string {
  return teamPath(id, team, `person/${member}${rest ? `/${rest}` : ''}`);
}

/** The same path in the page's language. */
export function inLang(path: string, lang: Lang): string {
  return lang === 'en' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path;
}

/** The form's action: the page itself, keeping ?fran= so the POST knows where to go next. */
export function formAction(path: string, query: unknown, lang: Lang): string {
  const from = typeof query === 'object' && query !== null ? (query as { fran?: unknown }).fran : undefined;
  return inLang(from === 'kontrollera' ? fromCheckAnswers(path) : path, lang);
}

/** Where a page goes after a successful POST: back to "check your answers" when the user came from there. */
export function returnTo(query: unknown, id: string, next: string): string {
  const from = typeof query === 'object' && query !== null ? (query as { fran?: unknown }).fran : undefined;
  return from === 'kontrollera' ? draftPath(id, 'kontrollera') : next;
}

/** A path that remembers the user came from "check your answers". */
export function fromCheckAnswers(path: string): string {
  return `${path}?fran=kontrollera`;
}
