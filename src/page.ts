/** What every page's layout needs, and how a form page is rendered. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MAX_MEMBERS, MAX_TEAMS } from '../forms/application.ts';
import type { FieldError } from '../forms/page-form.ts';
import { confirmations, type Question } from '../forms/plausible.ts';
import type { Lang } from '../rules/types.ts';
import { langOf } from './lang.ts';

export function pageData(lang: Lang, path: string, title: string) {
  const here = sameOriginPath(path);
  return {
    lang,
    title,
    otherLanguage: lang === 'sv' ? { lang: 'en', label: 'In English', href: `${here}?lang=en` } : { lang: 'sv', label: 'På svenska', href: here },
  };
}

/**
 * The path of a request as a link that stays on this site, whatever was asked for: without
 * query or fragment, control characters, a scheme ("https:") or more than one leading slash
 * or backslash, so "//evil.example/x" and "/\\evil.example" become "/evil.example/x" and
 * "/evil.example".
 */
export function sameOriginPath(url: string): string {
  const path = url
    .split(/[?#]/, 1)[0]
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/^[a-z][a-z0-9+.-]*:/i, '');
  return `/${path.replace(/^[/\\]+/, '')}`;
}

/**
 * Renders a page with a form: the CSRF token for its POST, the error summary when there are
 * problems (then status 422 and "Fel: " before the title, so a screen reader hears it first).
 * Questions about unusual values (forms/plausible.ts) are shown the same way but worded as
 * questions, under "Kontrollera: ", with hidden fields that confirm them when the page is sent
 * again as it is.
 */
export async function renderForm(
  reply: FastifyReply,
  view: string,
  page: { lang: Lang; path: string; title: string; errors?: FieldError[]; questions?: Question[] } & Record<string, unknown>,
) {
  const questions = page.errors?.length ? [] : (page.questions ?? []);
  const errors = [...(page.errors ?? []), ...questions];
  const prefix = page.errors?.length ? { sv: 'Fel', en: 'Error' } : questions.length ? { sv: 'Kontrollera', en: 'Check' } : undefined;
  const title = prefix ? `${prefix[page.lang]}: ${page.title}` : page.title;
  const render = (to: FastifyReply) =>
    to.status(errors.length ? 422 : 200).view(view, {
      ...page,
      ...pageData(page.lang, page.path, title),
      heading: page.title,
      errors,
      asking: questions.length > 0,
      confirmations: confirmations(questions),
      errorFor: errorLookup(errors),
      csrfToken: to.generateCsrf(),
    });
  // A browser is sent to the page's own address to see the errors, so Back never lands on a POST.
  if (errors.length > 0 && reply.showErrorsAfterRedirect(render)) return reply;
  return render(reply);
}

function errorLookup(errors: FieldError[]) {
  return (field: string) => errors.find((e) => e.field === field)?.message;
}

/** A page that asks before something is removed: a warning button that POSTs, and a way back. */
export function renderConfirm(
  reply: FastifyReply,
  page: { lang: Lang; path: string; backHref: string; text: { title: string; explanation: string; confirm: string; cancel: string } },
) {
  const { lang, path, backHref, text } = page;
  return renderForm(reply, 'confirm.eta', { lang, path, ...text, action: lang === 'en' ? `${path}?lang=en` : path, backHref });
}

const fullTexts = {
  sv: {
    members: [
      'Teamet har redan så många personer som går',
      `Ett team kan ha högst ${MAX_MEMBERS} personer. Ta bort någon innan du lägger till en ny. Inget har ändrats.`,
    ],
    teams: [
      'Ansökan har redan så många team som går',
      `En ansökan kan ha högst ${MAX_TEAMS} team. Ta bort ett team innan du lägger till ett nytt. Inget har ändrats.`,
    ],
  },
  en: {
    members: [
      'The team already has as many people as it can',
      `A team can have at most ${MAX_MEMBERS} people. Remove someone before you add another. Nothing has been changed.`,
    ],
    teams: [
      'The application already has as many teams as it can',
      `An application can have at most ${MAX_TEAMS} teams. Remove a team before you add another. Nothing has been changed.`,
    ],
  },
};

/** Whether adding one more would break the limit on a team's members or an application's teams. */
export const isFull = (what: 'members' | 'teams', count: number): boolean => count >= (what === 'members' ? MAX_MEMBERS : MAX_TEAMS);

/** The page for adding one too many (422): what the limit is and what to do. */
export function renderFull(request: FastifyRequest, reply: FastifyReply, what: 'members' | 'teams') {
  const lang = langOf(request.query);
  const [heading, advice] = fullTexts[lang][what];
  return reply.status(422).view('error.eta', { ...pageData(lang, request.url.split('?')[0], heading), heading, advice });
}
