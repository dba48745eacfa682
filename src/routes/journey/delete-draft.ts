/** /ansokan/{id}/radera: delete the whole draft, after asking. Deleting is a POST. */
import type { FastifyPluginAsync } from 'fastify';
import { loadDraft } from '../../drafts/load.ts';
import { draftPath, inLang } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { pageData, renderConfirm } from '../../page.ts';

const text = {
  sv: {
    title: 'Vill du radera utkastet?',
    explanation: 'Allt du har fyllt i raderas och länken till utkastet slutar fungera. Det går inte att ångra.',
    confirm: 'Ja, radera utkastet',
    cancel: 'Nej, behåll utkastet',
    deleted: 'Utkastet är raderat',
    deletedText: 'Det du fyllde i finns inte längre sparat.',
    start: 'Börja om från startsidan',
  },
  en: {
    title: 'Do you want to delete the draft?',
    explanation: 'Everything you have filled in is deleted and the link to the draft stops working. This cannot be undone.',
    confirm: 'Yes, delete the draft',
    cancel: 'No, keep the draft',
    deleted: 'The draft is deleted',
    deletedText: 'What you filled in is no longer saved.',
    start: 'Start again from the start page',
  },
};

const deleteDraft: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/radera', async (request, reply) => {
    const lang = langOf(request.query);
    const { draft } = await loadDraft(request);
    return renderConfirm(reply, {
      lang,
      path: draftPath(draft.id, 'radera'),
      backHref: inLang(draftPath(draft.id, 'kontrollera'), lang),
      text: text[lang],
    });
  });

  app.post('/ansokan/:id/radera', async (request, reply) => {
    const lang = langOf(request.query);
    const { draft } = await loadDraft(request);
    await app.drafts.delete(draft.id);
    request.journeyDraftId = null;
    const t = text[lang];
    return reply.view('message.eta', { ...pageData(lang, '/', t.deleted), text: t.deletedText, link: { href: inLang('/', lang), label: t.start } });
  });
};

export default deleteDraft;
