/**
 * /ansokan/{id}/team/{t}/person/{m}: one member of a team (m = the member's id, or "ny"), for the
 * coordinator: any side, saved as the coordinator, then back to the team's people (or to check
 * your answers when the page was opened from there). The page itself is src/pages/member.ts.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { existingTeam, loadDraft, type LoadedDraft, memberParam, saveDraft } from '../../http/draft-request.ts';
import { formAction, inLang, memberPath, returnTo, teamPath } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { type MemberPlace, saveMember, showMember } from '../../pages/member.ts';

/** The member page in the coordinator's journey. */
function journeyPlace(request: FastifyRequest, loaded: LoadedDraft, team: number): MemberPlace {
  const lang = langOf(request.query);
  const { id } = loaded.draft;
  return {
    data: loaded.data,
    team,
    path: (member) => memberPath(id, team, member),
    action: (path) => formAction(path, request.query, lang),
    backHref: inLang(teamPath(id, team, 'personer'), lang),
    save: async (change) => {
      await saveDraft(request, loaded, { change });
      return undefined;
    },
    next: inLang(returnTo(request.query, id, teamPath(id, team, 'personer')), lang),
  };
}

const member: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/team/:team/person/:member', async (request, reply) => {
    const loaded = await loadDraft(request);
    const team = existingTeam(request, loaded.data);
    const index = memberParam(request, loaded.data, team, { allowNew: true });
    return showMember(request, reply, journeyPlace(request, loaded, team), index);
  });

  app.post('/ansokan/:id/team/:team/person/:member', async (request, reply) => {
    const loaded = await loadDraft(request);
    const team = existingTeam(request, loaded.data);
    const index = memberParam(request, loaded.data, team, { allowNew: true });
    return saveMember(request, reply, journeyPlace(request, loaded, team), index, request.body);
  });
};

export default member;
