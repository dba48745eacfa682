/** /ansokan/{id}/team: the teams so far, with links to change, add or remove them. */
import type { FastifyPluginAsync } from 'fastify';
import { municipalityName } from '../../../forms/municipalities.ts';
import { loadDraft } from '../../drafts/load.ts';
import { draftPath, inLang, teamPath } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { pageData } from '../../page.ts';

const text = {
  sv: {
    title: 'Teamen i ansökan',
    none: 'Ansökan har inga team ännu.',
    lead: 'En ansökan kan ha flera team. Ett team som inte klarar bemanningen själv kan få bidrag om huvudmannens team tillsammans klarar den.',
    members: (n: number) => (n === 1 ? '1 person' : `${n} personer`),
    change: 'Ändra',
    people: 'Personer',
    remove: 'Ta bort',
    add: 'Lägg till ett team',
    next: 'Fortsätt till att kontrollera svaren',
  },
  en: {
    title: 'The teams in the application',
    none: 'The application has no teams yet.',
    lead: "An application can have several teams. A team that does not meet the staffing on its own can be funded if the organiser's teams together meet it.",
    members: (n: number) => (n === 1 ? '1 person' : `${n} people`),
    change: 'Change',
    people: 'People',
    remove: 'Remove',
    add: 'Add a team',
    next: 'Continue to check your answers',
  },
};

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
