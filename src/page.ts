/** What every page's layout needs, and how a form page is rendered. */
import type { FastifyReply } from 'fastify';
import type { FieldError } from '../forms/page-form.ts';
import { confirmations, type Question } from '../forms/plausible.ts';
import type { Lang } from '../rules/types.ts';

export function pageData(lang: Lang, path: string, title: string) {
  return {
    lang,
    title,
    otherLanguage:
      lang === 'sv'
        ? { lang: 'en', label: 'In English', href: `${path}?lang=en` }
        : { lang: 'sv', label: 'På svenska', href: path },
  };
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
  const csrfToken = reply.generateCsrf();
  return reply.status(errors.length ? 422 : 200).view(view, {
    ...page,
    ...pageData(page.lang, page.path, title),
    heading: page.title,
    errors,
    asking: questions.length > 0,
    confirmations: confirmations(questions),
    errorFor: errorLookup(errors),
    csrfToken,
  });
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
