/**
 * /ansokan/{id}/team/{t}/dela: the coordinator shares one team's school-staff or social-services
 * section with a link (no account needed), sees the team's links and revokes them.
 * /ansokan/{id}/historik: who changed what, through a link, as the coordinator or through the API.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../../rules/types.ts';
import type { HandoffLink } from '../../drafts/handoff.ts';
import { existingTeam, loadDraft, NotFoundError } from '../../http/draft-request.ts';
import { draftPath, inLang, teamPath } from '../../journey.ts';
import { langOf, showDate, showTime } from '../../lang.ts';
import { pageData, renderForm } from '../../page.ts';
import { historyWords } from '../../words/history.ts';
import { words } from '../../words/index.ts';

const sideNames = { sv: words.sv.handoffSides, en: words.en.handoffSides };

const text = { sv: words.sv.handoff, en: words.en.handoff };

/** The full address to copy: the link-holder's page. */
function linkUrl(request: FastifyRequest, token: string): string {
  return `${request.protocol}://${request.host}/lank/${token}`;
}

async function renderPage(request: FastifyRequest, reply: FastifyReply, lang: Lang, newLink?: HandoffLink) {
  const { draft, data } = await loadDraft(request);
  const index = existingTeam(request, data);
  const t = text[lang];
  const path = teamPath(draft.id, index, 'dela');
  const now = Date.now();
  const teamId = data.application.teams[index].id;
  const links = (await request.server.drafts.listLinks(draft.id)).filter((l) => l.teamId === teamId);
  return renderForm(reply, 'handoff.eta', {
    lang,
    path,
    title: t.title(data.application.teams[index].name),
    text: t,
    action: inLang(path, lang),
    backHref: inLang(teamPath(draft.id, index, 'personer'), lang),
    historyHref: inLang(draftPath(draft.id, 'historik'), lang),
    sideOptions: Object.entries(sideNames[lang]).map(([value, label]) => ({ value, label })),
    newLinkUrl: newLink && linkUrl(request, newLink.token),
    links: links.map((l) => ({
      side: sideNames[lang][l.side],
      created: showTime(l.createdAt),
      expires: showTime(l.expiresAt),
      status: l.revokedAt ? t.revoked : Date.parse(l.expiresAt) <= now ? t.expired : l.doneAt ? t.done(showDate(l.doneAt)) : t.active,
      revokeAction: l.revokedAt || Date.parse(l.expiresAt) <= now ? undefined : inLang(`${path}/${l.token}/aterkalla`, lang),
    })),
  });
}

const handoff: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/team/:team/dela', (request, reply) => renderPage(request, reply, langOf(request.query)));

  app.post('/ansokan/:id/team/:team/dela', async (request, reply) => {
    const lang = langOf(request.query);
    const { draft, data } = await loadDraft(request);
    const index = existingTeam(request, data);
    const side = (request.body as { side?: unknown } | undefined)?.side;
    if (side !== 'school' && side !== 'social_services') return renderPage(request, reply, lang);
    const team = data.application.teams[index];
    const link = await app.drafts.createLink({ draftId: draft.id, teamId: team.id, side, label: words.sv.history.actor.link(side, team.name) });
    if (!link) throw new NotFoundError();
    return renderPage(request, reply, lang, link);
  });

  app.post('/ansokan/:id/team/:team/dela/:token/aterkalla', async (request, reply) => {
    const { draft, data } = await loadDraft(request);
    const index = existingTeam(request, data);
    const { token } = request.params as { token: string };
    if (!(await app.drafts.revokeLink(draft.id, token))) throw new NotFoundError();
    return reply.redirect(inLang(teamPath(draft.id, index, 'dela'), langOf(request.query)), 303);
  });

  app.get('/ansokan/:id/historik', async (request, reply) => {
    const lang = langOf(request.query);
    const { draft, data } = await loadDraft(request);
    const t = words[lang].history;
    const entries = await app.drafts.history(draft.id);
    return reply.view('history.eta', {
      ...pageData(lang, draftPath(draft.id, 'historik'), t.title),
      text: t,
      backHref: inLang(draftPath(draft.id, 'team'), lang),
      entries: entries.map((e) => ({ at: showTime(e.at), ...historyWords(e, data.application, lang) })),
    });
  });
};

export default handoff;
