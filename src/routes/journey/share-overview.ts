/**
 * /ansokan/{id}/oversikt: the coordinator shares the draft with a kommun's overview using the
 * submission code the kommun sent, and withdraws it again. Before anything is shared the page
 * shows exactly what the kommun will see (src/overview-share.ts), and asks. The shares and the
 * code field are src/pages/share-section.ts, as the result page shows them too.
 *
 *   GET  /ansokan/{id}/oversikt              the overviews it is shared with, and the code field
 *   POST /ansokan/{id}/oversikt              the code: what the kommun will see, and a button to share
 *   POST /ansokan/{id}/oversikt/dela         share it (303 back)
 *   POST /ansokan/{id}/oversikt/ta-tillbaka  withdraw it from one overview (303 back)
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../../forms/page-form.ts';
import { loadDraft, NotFoundError, type LoadedDraft } from '../../http/draft-request.ts';
import { draftPath, inLang } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { checkShare, readCode } from '../../overview-share.ts';
import { renderForm } from '../../page.ts';
import { overviewTable } from '../../pages/overview.ts';
import { kommunName, shareSection, shareText } from '../../pages/share-section.ts';

async function renderSharePage(request: FastifyRequest, reply: FastifyReply, loaded: LoadedDraft, code = '', errors: FieldError[] = []) {
  const lang = langOf(request.query);
  const path = draftPath(loaded.draft.id, 'oversikt');
  return renderForm(reply, 'share-overview.eta', {
    ...(await shareSection(request.server.drafts, loaded.draft.id, lang)),
    lang,
    path,
    title: shareText[lang].title,
    errors,
    code,
    backHref: inLang(draftPath(loaded.draft.id, 'resultat'), lang),
  });
}

/** The draft and the code the form posted, and whether the draft can be shared with it. */
async function checkPosted(request: FastifyRequest) {
  const lang = langOf(request.query);
  const loaded = await loadDraft(request);
  const code = readCode((request.body as Record<string, unknown> | undefined)?.code);
  return { lang, loaded, code, check: await checkShare(request.server.drafts, loaded.draft.data, code, lang) };
}

const shareOverview: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/oversikt', async (request, reply) => renderSharePage(request, reply, await loadDraft(request)));

  app.post('/ansokan/:id/oversikt', async (request, reply) => {
    const { lang, loaded, code, check } = await checkPosted(request);
    if (!check.ok) return renderSharePage(request, reply, loaded, code, [{ field: 'code', message: check.message }]);
    const t = shareText[lang];
    const name = kommunName(check.overview.municipalityCode);
    const path = draftPath(loaded.draft.id, 'oversikt');
    return renderForm(reply, 'share-overview-confirm.eta', {
      lang,
      path,
      title: t.confirmTitle(name, check.overview.grantYear),
      text: t,
      code,
      table: overviewTable(check.shown, lang, t.caption),
      action: inLang(`${path}/dela`, lang),
      cancelHref: inLang(path, lang),
    });
  });

  app.post('/ansokan/:id/oversikt/dela', async (request, reply) => {
    const { lang, loaded, code, check } = await checkPosted(request);
    if (!check.ok) return renderSharePage(request, reply, loaded, code, [{ field: 'code', message: check.message }]);
    if (!(await app.drafts.share(check.overview.id, loaded.draft.id, check.teams))) throw new NotFoundError();
    await app.drafts.addHistory(loaded.draft.id, 'coordinator', {
      kind: 'shared_with_overview',
      municipality: check.overview.municipalityCode,
      year: check.overview.grantYear,
    });
    return reply.redirect(inLang(draftPath(loaded.draft.id, 'oversikt'), lang), 303);
  });

  app.post('/ansokan/:id/oversikt/ta-tillbaka', async (request, reply) => {
    const lang = langOf(request.query);
    const { draft } = await loadDraft(request);
    const overviewId = String((request.body as Record<string, unknown> | undefined)?.overview ?? '');
    const share = (await app.drafts.sharesOf(draft.id)).find((s) => s.overviewId === overviewId);
    if (share && (await app.drafts.withdraw(share.overviewId, draft.id))) {
      await app.drafts.addHistory(draft.id, 'coordinator', { kind: 'withdrawn_from_overview', municipality: share.municipalityCode, year: share.grantYear });
    }
    return reply.redirect(inLang(draftPath(draft.id, 'oversikt'), lang), 303);
  });
};

export default shareOverview;
