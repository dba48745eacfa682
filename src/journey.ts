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
 * A settlement (the year after the decision, "Redovisa året" on the result page) is a draft of
 * its own with the same pages for teams and people, and three of its own:
 *
 *   beslut                             Skolverket's decision per team (src/routes/settlement)
 *   kontrollera                        as above, with the decisions and the actual costs
 *   redovisning                        the settlement's result
 *
 * /ansokan/{id} itself opens the draft at its first unanswered step (firstUnanswered), and the
 * step indicator counts the steps below (journeySteps). Pages keep the language with ?lang=en;
 * Swedish is the default.
 */
import type { Lang } from '../rules/types.ts';
import type { DraftData } from './drafts/draft-data.ts';

/** The journey's steps, in order, each with the route patterns of its pages. */
export const journeySteps = [
  { step: 'grantYear', routes: ['/ansokan/:id/bidragsar'] },
  { step: 'organiser', routes: ['/ansokan/:id/huvudman'] },
  { step: 'teams', routes: ['/ansokan/:id/team', '/ansokan/:id/team/:team'] },
  { step: 'members', routes: ['/ansokan/:id/team/:team/personer', '/ansokan/:id/team/:team/person/:member', '/ansokan/:id/team/:team/importera'] },
  { step: 'checkAnswers', routes: ['/ansokan/:id/kontrollera'] },
  { step: 'result', routes: ['/ansokan/:id/resultat'] },
] as const;

/** A settlement's steps: Skolverket's decision, then the same teams, people and check, then its own result. */
export const settlementSteps = [
  { step: 'decisions', routes: ['/ansokan/:id/beslut'] },
  journeySteps[2],
  journeySteps[3],
  journeySteps[4],
  { step: 'settlement', routes: ['/ansokan/:id/redovisning'] },
] as const;

export type JourneyStep = (typeof journeySteps)[number]['step'] | (typeof settlementSteps)[number]['step'];

/** Where the route pattern's page is among the steps (1-based), if it is one of the steps' pages; and how many steps there are. */
export function stepOf(
  route: string,
  steps: readonly { step: JourneyStep; routes: readonly string[] }[] = journeySteps,
): { number: number; of: number; step: JourneyStep } | undefined {
  const index = steps.findIndex((s) => s.routes.includes(route));
  return index < 0 ? undefined : { number: index + 1, of: steps.length, step: steps[index].step };
}

/**
 * Where a draft opens: the first question not yet answered (the bidragsår, the huvudman, a
 * first team, the people of the first team without any), otherwise "check your answers", which
 * lists whatever is still missing or wrong.
 */
export function firstUnanswered(data: DraftData, id: string): string {
  const app = data.application;
  // A settlement opens at Skolverket's decision until every team has one.
  if (data.settlement && app.teams.some((t) => data.settlement?.decisions[t.id]?.skolverketGrant === undefined)) return draftPath(id, 'beslut');
  if (app.grantYear === undefined) return draftPath(id, 'bidragsar');
  if (app.organiser === undefined) return draftPath(id, 'huvudman');
  if (app.teams.length === 0) return draftPath(id, 'team');
  const empty = app.teams.findIndex((t) => t.members.length === 0);
  return empty >= 0 ? teamPath(id, empty, 'personer') : draftPath(id, 'kontrollera');
}

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
