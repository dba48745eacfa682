/** What every page's layout needs, and how a form page is rendered. */
import type { FastifyReply } from 'fastify';
import type { FieldError } from '../forms/page-form.ts';
import type { Lang } from '../rules/types.ts';

export function pageData(lang: Lang, path: string, title: string) {
  const here = sameOriginPath(path);
  return {
    lang,
    title,
    otherLanguage:
      lang === 'sv'
        ? { lang: 'en', label: 'In English', href: `${here}?lang=en` }
        : { lang: 'sv', label: 'På svenska', href: here },
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
 */
export async function renderForm(
  reply: FastifyReply,
  view: string,
  page: { lang: Lang; path: string; title: string; errors?: FieldError[] } & Record<string, unknown>,
) {
  const errors = page.errors ?? [];
  const title = errors.length ? `${page.lang === 'sv' ? 'Fel' : 'Error'}: ${page.title}` : page.title;
  const csrfToken = reply.generateCsrf();
  return reply
    .status(errors.length ? 422 : 200)
    .view(view, { ...page, ...pageData(page.lang, page.path, title), errors, errorFor: errorLookup(errors), csrfToken });
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
