/** /ansokan/{id}/radera: delete the whole draft, after asking. Deleting is a POST. */
import type { FastifyPluginAsync } from 'fastify';
import { loadDraft } from '../../http/draft-request.ts';
import { draftPath, inLang } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { pageData, renderConfirm } from '../../page.ts';
import { words } from '../../words/index.ts';

const text = { sv: words.sv.deleteDraft, en: words.en.deleteDraft };

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
