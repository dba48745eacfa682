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
import { loadSettlement, saveDraft } from '../../http/draft-request.ts';
import { exampleYear } from '../../grant-round.ts';
import { draftPath, formAction, inLang, returnTo } from '../../journey.ts';
import { langOf, todayInSweden } from '../../lang.ts';
import { renderForm } from '../../page.ts';
import { words } from '../../words/index.ts';

const text = { sv: words.sv.settlementDecisions, en: words.en.settlementDecisions };

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
    await saveDraft(request, loaded, { change: { kind: 'decisions_saved' } });
    return reply.redirect(inLang(returnTo(request.query, draft.id, draftPath(draft.id, 'team')), lang), 303);
  });
};

export default decisions;
