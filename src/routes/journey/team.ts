/** /ansokan/{id}/team/{t}: one team's facts (t = its number, or "ny" for a new team). */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { municipalitiesByName } from '../../../forms/municipalities.ts';
import { validateForm, type FieldError } from '../../../forms/page-form.ts';
import { schoolFormLabels, teamForm, teamMessages } from '../../../forms/team.ts';
import { ruleSetFor } from '../../../rules/rule-sets.ts';
import type { Lang } from '../../../rules/types.ts';
import { replacePlaceholder, type DraftData } from '../../drafts/draft-data.ts';
import { teamEvent } from '../../drafts/handoff.ts';
import { loadDraft, type LoadedDraft, saveDraft, teamParam } from '../../http/draft-request.ts';
import { exampleYear } from '../../grant-round.ts';
import { draftPath, formAction, inLang, returnTo, teamPath } from '../../journey.ts';
import { langOf, todayInSweden } from '../../lang.ts';
import { isFull, renderForm, renderFull } from '../../page.ts';
import { words } from '../../words/index.ts';

const text = { sv: words.sv.team, en: words.en.team };

type Values = Record<string, string | string[] | undefined>;

/** A stored team as the form's values; a new one has nothing chosen (no answer that changes the outcome is preselected). */
function valuesOf(data: DraftData, team: number | 'ny'): Values {
  if (team === 'ny') return { schoolForms: [] };
  const t = data.application.teams[team];
  return {
    name: t.name,
    schoolForms: t.schoolForms,
    municipalityCode: t.municipalityCode,
    periodFrom: t.period?.from,
    periodTo: t.period?.to,
    status: t.status,
    previouslyGrantedFte: t.previouslyGrantedFte === '0.00' || t.previouslyGrantedFte === '0' ? '' : t.previouslyGrantedFte.replace('.', ','),
    contractEducation: t.contractEducation ? 'yes' : 'no',
  };
}

function grantPeriodOf(data: DraftData) {
  return data.application.grantYear ? ruleSetFor(data.application.grantYear)?.year.grantPeriod.value : undefined;
}

function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  { draft, data }: LoadedDraft,
  team: number | 'ny',
  values: Values,
  errors: FieldError[] = [],
) {
  const { id } = draft;
  const lang: Lang = langOf(request.query);
  const t = text[lang];
  const path = teamPath(id, team);
  const labels = schoolFormLabels[lang];
  return renderForm(reply, 'team.eta', {
    lang,
    path,
    title: team === 'ny' ? t.titleNew : t.titleChange,
    text: { ...t, periodHint: t.periodHint(exampleYear(data.application.grantYear, todayInSweden())) },
    errors,
    action: formAction(path, request.query, lang),
    backHref: inLang(draftPath(id, 'team'), lang),
    schoolFormOptions: (Object.keys(labels) as Array<keyof typeof labels>).map((value) => ({ value, label: labels[value] })),
    municipalities: municipalitiesByName,
    values,
  });
}

const team: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/team/:team', async (request, reply) => {
    const loaded = await loadDraft(request);
    const { data } = loaded;
    const index = teamParam(request, data, { allowNew: true });
    if (index === 'ny' && isFull('teams', data.application.teams.length)) return renderFull(request, reply, 'teams');
    return renderPage(request, reply, loaded, index, valuesOf(data, index));
  });

  app.post('/ansokan/:id/team/:team', async (request, reply) => {
    const lang = langOf(request.query);
    const loaded = await loadDraft(request);
    const { data } = loaded;
    const index = teamParam(request, data, { allowNew: true });
    if (index === 'ny' && isFull('teams', data.application.teams.length)) return renderFull(request, reply, 'teams');
    const grantPeriod = grantPeriodOf(data);
    const form = validateForm(teamForm(grantPeriod), request.body, teamMessages(grantPeriod, exampleYear(data.application.grantYear, todayInSweden())), lang);
    if (!form.ok) return renderPage(request, reply, loaded, index, (request.body ?? {}) as Values, form.errors);
    const teams = data.application.teams;
    const saved = index === 'ny' ? teams.push({ id: `t${data.nextTeam++}`, ...form.value, members: [] }) - 1 : index;
    if (index !== 'ny') teams[index] = { id: teams[index].id, ...form.value, members: teams[index].members };
    replacePlaceholder(data, `municipality:${teams[saved].id}`);
    await saveDraft(request, loaded, { change: teamEvent(index === 'ny' ? 'team_added' : 'team_changed', teams[saved]) });
    const next =
      index === 'ny' ? teamPath(loaded.draft.id, saved, 'personer') : returnTo(request.query, loaded.draft.id, teamPath(loaded.draft.id, saved, 'personer'));
    return reply.redirect(inLang(next, lang), 303);
  });
};

export default team;
