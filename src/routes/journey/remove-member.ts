/** /ansokan/{id}/team/{t}/person/{m}/ta-bort: remove a member, after asking. */
import type { FastifyPluginAsync } from 'fastify';
import { memberEvent } from '../../drafts/handoff.ts';
import { existingTeam, loadDraft, memberParam, saveDraft } from '../../http/draft-request.ts';
import { inLang, memberPath, teamPath } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { renderRemoveMember } from '../../pages/remove-member.ts';

const removeMember: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/team/:team/person/:member/ta-bort', async (request, reply) => {
    const lang = langOf(request.query);
    const { draft, data } = await loadDraft(request);
    const team = existingTeam(request, data);
    const member = data.application.teams[team].members[memberParam(request, data, team) as number];
    return renderRemoveMember(reply, {
      lang,
      path: memberPath(draft.id, team, member.id, 'ta-bort'),
      backHref: inLang(teamPath(draft.id, team, 'personer'), lang),
      member,
    });
  });

  app.post('/ansokan/:id/team/:team/person/:member/ta-bort', async (request, reply) => {
    const loaded = await loadDraft(request);
    const team = existingTeam(request, loaded.data);
    const [removed] = loaded.data.application.teams[team].members.splice(memberParam(request, loaded.data, team) as number, 1);
    await saveDraft(request, loaded, { change: memberEvent('member_removed', loaded.data.application.teams[team], removed.id) });
    return reply.redirect(inLang(teamPath(loaded.draft.id, team, 'personer'), langOf(request.query)), 303);
  });
};

export default removeMember;
