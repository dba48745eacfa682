/** /ansokan/{id}/bidragsar: which bidragsår the application is for. */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { grantYearForm, grantYearMessages, grantYearOptions } from '../../../forms/grant-year.ts';
import { validateForm, type FieldError } from '../../../forms/page-form.ts';
import { knownGrantYears, ruleSetFor } from '../../../rules/rule-sets.ts';
import type { Lang } from '../../../rules/types.ts';
import { loadDraft, saveDraft } from '../../http/draft-request.ts';
import { draftPath, formAction, inLang, returnTo } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { dateSpan } from '../../windows.ts';
import { renderForm } from '../../page.ts';
import { words } from '../../words/index.ts';

const text = { sv: words.sv.grantYear, en: words.en.grantYear };

/** The grant periods from the rule sets' data: each one that is not the calendar year, then the year whole periods start. */
function periodHint(lang: Lang): string {
  const years = knownGrantYears();
  const period = (year: number) => ruleSetFor(year)!.year.grantPeriod.value;
  const whole = (year: number) => period(year).from === `${year}-01-01` && period(year).to === `${year}-12-31`;
  const parts = years.filter((year) => !whole(year)).map((year) => text[lang].part(year, dateSpan(period(year), lang)));
  return text[lang].hint(parts, years.find(whole) ?? years[0]);
}

function options(lang: Lang) {
  return grantYearOptions.map((year) => ({ value: year, label: year, hint: ruleSetFor(Number(year))?.title[lang] }));
}

const grantYear: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/bidragsar', async (request, reply) => {
    const lang = langOf(request.query);
    const { draft, data } = await loadDraft(request);
    const path = draftPath(draft.id, 'bidragsar');
    return renderPage(reply, lang, path, request.query, String(data.application.grantYear ?? ''));
  });

  app.post('/ansokan/:id/bidragsar', async (request, reply) => {
    const lang = langOf(request.query);
    const loaded = await loadDraft(request);
    const path = draftPath(loaded.draft.id, 'bidragsar');
    const form = validateForm(grantYearForm, request.body, grantYearMessages, lang);
    if (!form.ok) return renderPage(reply, lang, path, request.query, String((request.body as Record<string, unknown>)?.grantYear ?? ''), form.errors);
    loaded.data.application.grantYear = form.value.grantYear;
    await saveDraft(request, loaded, { change: { kind: 'grant_year_chosen', year: form.value.grantYear } });
    return reply.redirect(inLang(returnTo(request.query, loaded.draft.id, draftPath(loaded.draft.id, 'huvudman')), lang), 303);
  });
};

function renderPage(reply: FastifyReply, lang: Lang, path: string, query: unknown, value: string, errors: FieldError[] = []) {
  return renderForm(reply, 'grant-year.eta', {
    lang,
    path,
    title: text[lang].title,
    errors,
    action: formAction(path, query, lang),
    backHref: inLang('/', lang),
    hint: periodHint(lang),
    options: options(lang),
    value,
  });
}

export default grantYear;
