/** /ansokan/{id}/huvudman: the huvudman's name, organisationsnummer and type. */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { organiserForm, organiserMessages, organiserTypeLabels } from '../../../forms/organiser.ts';
import { validateForm, type FieldError } from '../../../forms/page-form.ts';
import type { Lang } from '../../../rules/types.ts';
import { replacePlaceholder } from '../../drafts/draft-data.ts';
import { loadDraft, saveDraft } from '../../http/draft-request.ts';
import { draftPath, formAction, inLang, returnTo } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { renderForm } from '../../page.ts';
import { words } from '../../words/index.ts';

const text = { sv: words.sv.organiser, en: words.en.organiser };

type Values = { name?: string; orgNumber?: string; type?: string };

function renderPage(reply: FastifyReply, lang: Lang, id: string, query: unknown, values: Values, errors: FieldError[] = []) {
  const path = draftPath(id, 'huvudman');
  const labels = organiserTypeLabels[lang];
  return renderForm(reply, 'organiser.eta', {
    lang,
    path,
    title: text[lang].title,
    text: text[lang],
    errors,
    action: formAction(path, query, lang),
    backHref: inLang(draftPath(id, 'bidragsar'), lang),
    typeOptions: (Object.keys(labels) as Array<keyof typeof labels>).map((value) => ({ value, label: labels[value] })),
    values,
  });
}

const organiser: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/huvudman', async (request, reply) => {
    const { draft, data } = await loadDraft(request);
    return renderPage(reply, langOf(request.query), draft.id, request.query, data.application.organiser ?? {});
  });

  app.post('/ansokan/:id/huvudman', async (request, reply) => {
    const lang = langOf(request.query);
    const loaded = await loadDraft(request);
    const form = validateForm(organiserForm, request.body, organiserMessages, lang);
    if (!form.ok) return renderPage(reply, lang, loaded.draft.id, request.query, (request.body ?? {}) as Values, form.errors);
    loaded.data.application.organiser = form.value;
    replacePlaceholder(loaded.data, 'organiser');
    await saveDraft(request, loaded, { change: { kind: 'organiser_changed' } });
    return reply.redirect(inLang(returnTo(request.query, loaded.draft.id, draftPath(loaded.draft.id, 'team')), lang), 303);
  });
};

export default organiser;
