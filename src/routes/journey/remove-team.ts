/** /ansokan/{id}/team/{t}/ta-bort: remove a team, after asking. */
import type { FastifyPluginAsync } from 'fastify';
import { teamEvent } from '../../drafts/handoff.ts';
import { loadDraft, saveDraft } from '../../drafts/load.ts';
import { existingTeam } from '../../drafts/team-param.ts';
import { draftPath, inLang, teamPath } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { renderConfirm } from '../../page.ts';

const text = {
  sv: {
    title: (name: string) => `Vill du ta bort ${name}?`,
    explanation: 'Teamet och alla personer i det tas bort från utkastet. Delade länkar till teamet slutar gälla. Det går inte att ångra.',
    confirm: 'Ja, ta bort teamet',
    cancel: 'Nej, behåll teamet',
  },
  en: {
    title: (name: string) => `Do you want to remove ${name}?`,
    explanation: 'The team and everyone in it are removed from the draft. Shared links to this team stop working. This cannot be undone.',
    confirm: 'Yes, remove the team',
    cancel: 'No, keep the team',
  },
};

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
