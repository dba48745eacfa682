/** /ansokan/{id}/team/{t}/ta-bort: remove a team, after asking. */
import type { FastifyPluginAsync } from 'fastify';
import { teamEvent } from '../../drafts/handoff.ts';
import { existingTeam, loadDraft, saveDraft } from '../../http/draft-request.ts';
import { draftPath, inLang, teamPath } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { renderConfirm } from '../../page.ts';
import { words } from '../../words/index.ts';

const text = { sv: words.sv.removeTeam, en: words.en.removeTeam };

const removeTeam: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/team/:team/ta-bort', async (request, reply) => {
    const lang = langOf(request.query);
    const { draft, data } = await loadDraft(request);
    const index = existingTeam(request, data);
    const t = text[lang];
    return renderConfirm(reply, {
      lang,
      path: teamPath(draft.id, index, 'ta-bort'),
      backHref: inLang(draftPath(draft.id, 'team'), lang),
      text: { ...t, title: t.title(data.application.teams[index].name) },
    });
  });

  app.post('/ansokan/:id/team/:team/ta-bort', async (request, reply) => {
    const loaded = await loadDraft(request);
    const index = existingTeam(request, loaded.data);
    const [removed] = loaded.data.application.teams.splice(index, 1);
    // Saving revokes the removed team's links (see the drafts store).
    await saveDraft(request, loaded, { change: teamEvent('team_removed', removed) });
    return reply.redirect(inLang(draftPath(loaded.draft.id, 'team'), langOf(request.query)), 303);
  });
};

export default removeTeam;
