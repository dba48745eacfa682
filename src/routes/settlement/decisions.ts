/**
 * /ansokan/{id}/beslut: a settlement's first page, Skolverket's decision. Per team the granted
 * kronor (0 for a team not granted) and the decision's date; then the teams, to confirm or
 * correct what was carried out.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { dateField, decisionsForm, decisionsMessages, grantField } from '../../../forms/decisions.ts';
import { showDecimal } from '../../../forms/input.ts';
import { validateForm, type FieldError } from '../../../forms/page-form.ts';
import type { Lang } from '../../../rules/types.ts';
import type { DraftData } from '../../drafts/draft-data.ts';
import { draftChange } from '../../drafts/handoff.ts';
import { saveDraft } from '../../drafts/load.ts';
import { loadSettlement } from '../../drafts/settlement.ts';
import { exampleYear } from '../../grant-round.ts';
import { draftPath, formAction, inLang, returnTo } from '../../journey.ts';
import { langOf, todayInSweden } from '../../lang.ts';
import { renderForm } from '../../page.ts';

const text = {
  sv: {
    title: 'Vad beslutade Skolverket?',
    lead: 'Skriv det belopp Skolverket beviljade för varje team, som det står i beslutet, och beslutets datum. Skriv 0 för ett team som inte fick bidrag.',
    grant: 'Beviljat belopp, kronor',
    grantHint: 'Till exempel 300 000.',
    decidedOn: 'Beslutets datum',
    decidedOnHint: (year: number) => `Till exempel ${year}-04-15 eller 15/4 ${year}.`,
    none: 'Redovisningen har inga team. Lägg till teamen först.',
    teams: 'Till teamen',
  },
  en: {
    title: 'What did Skolverket decide?',
    lead: 'Enter the amount Skolverket granted each team, as the decision says, and the date of the decision. Enter 0 for a team that was not granted.',
    grant: 'Amount granted, kronor',
    grantHint: 'For example 300 000.',
    decidedOn: 'Date of the decision',
    decidedOnHint: (year: number) => `For example ${year}-04-15 or 15/4 ${year}.`,
    none: 'The report has no teams. Add the teams first.',
    teams: 'To the teams',
  },
};

type Values = Record<string, string | undefined>;

function storedValues(data: DraftData, lang: Lang): Values {
  const values: Values = {};
  for (const team of data.application.teams) {
    const decision = data.settlement?.decisions[team.id];
    if (decision?.skolverketGrant !== undefined) values[grantField(team.id)] = showDecimal(decision.skolverketGrant, lang);
    if (decision?.decidedOn !== undefined) values[dateField(team.id)] = decision.decidedOn;
  }
  return values;
}

function renderPage(request: FastifyRequest, reply: FastifyReply, id: string, data: DraftData, values: Values, errors: FieldError[] = []) {
  const lang = langOf(request.query);
  const t = text[lang];
  const year = exampleYear(data.application.grantYear, todayInSweden());
  const path = draftPath(id, 'beslut');
  return renderForm(reply, 'decisions.eta', {
    lang,
    path,
    title: t.title,
    text: { ...t, decidedOnHint: t.decidedOnHint(year) },
    errors,
    action: formAction(path, request.query, lang),
    backHref: inLang(draftPath(id, 'resultat'), lang),
    teamsHref: inLang(draftPath(id, 'team'), lang),
    teams: data.application.teams.map((team) => ({ name: team.name, grantId: grantField(team.id), dateId: dateField(team.id) })),
    values,
  });
}

const decisions: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/beslut', async (request, reply) => {
    const { draft, data } = await loadSettlement(request);
    return renderPage(request, reply, draft.id, data, storedValues(data, langOf(request.query)));
  });

  app.post('/ansokan/:id/beslut', async (request, reply) => {
    const lang = langOf(request.query);
    const loaded = await loadSettlement(request);
    const { draft, data } = loaded;
    const teams = data.application.teams;
    const year = exampleYear(data.application.grantYear, todayInSweden());
    const form = validateForm(decisionsForm(teams), request.body, decisionsMessages(teams, year), lang);
    if (!form.ok) return renderPage(request, reply, draft.id, data, (request.body ?? {}) as Values, form.errors);
    data.settlement.decisions = Object.fromEntries(
      teams.map((team) => [team.id, { skolverketGrant: form.value[grantField(team.id)], decidedOn: form.value[dateField(team.id)] }]),
    );
    await saveDraft(request, loaded, { change: draftChange.decisions });
    return reply.redirect(inLang(returnTo(request.query, draft.id, draftPath(draft.id, 'team')), lang), 303);
  });
};

export default decisions;
