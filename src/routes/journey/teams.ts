/** /ansokan/{id}/team: the teams so far, with links to change, add or remove them. */
import type { FastifyPluginAsync } from 'fastify';
import { municipalityName } from '../../../forms/municipalities.ts';
import { loadDraft } from '../../http/draft-request.ts';
import { draftPath, inLang, teamPath } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { pageData } from '../../page.ts';
import { words } from '../../words/index.ts';

const text = { sv: words.sv.teams, en: words.en.teams };

const teams: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/team', async (request, reply) => {
    const lang = langOf(request.query);
    const { draft, data } = await loadDraft(request);
    const t = text[lang];
    return reply.view('teams.eta', {
      ...pageData(lang, draftPath(draft.id, 'team'), t.title),
      text: t,
      backHref: inLang(draftPath(draft.id, 'huvudman'), lang),
      teams: data.application.teams.map((team, i) => ({
        name: team.name,
        municipality: `${municipalityName(team.municipalityCode) ?? team.municipalityCode}`,
        members: t.members(team.members.length),
        changeHref: inLang(teamPath(draft.id, i), lang),
        peopleHref: inLang(teamPath(draft.id, i, 'personer'), lang),
        removeHref: inLang(teamPath(draft.id, i, 'ta-bort'), lang),
      })),
      addHref: inLang(teamPath(draft.id, 'ny'), lang),
      nextHref: inLang(draftPath(draft.id, 'kontrollera'), lang),
    });
  });
};

export default teams;
