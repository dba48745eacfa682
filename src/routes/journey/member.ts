/** /ansokan/{id}/team/{t}/person/{m}: one member of a team (m = the member's id, or "ny"). */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { showDecimal, showPercent } from '../../../forms/input.ts';
import { allowed } from '../../../forms/application-messages.ts';
import { educationHints, employerCostUnknown, memberDateMessages, memberForm, memberLabels, memberMessages } from '../../../forms/member.ts';
import { validateForm, type FieldError } from '../../../forms/page-form.ts';
import { confirmedIn, keptConfirmations, memberQuestions, type Question } from '../../../forms/plausible.ts';
import type { Education, Lang, Side } from '../../../rules/types.ts';
import { isSettlement, keepConfirmed, type DraftData } from '../../drafts/draft-data.ts';
import { memberEvent } from '../../drafts/handoff.ts';
import { existingTeam, loadDraft, type LoadedDraft, memberParam, saveDraft } from '../../http/draft-request.ts';
import { exampleYear } from '../../grant-round.ts';
import { formAction, inLang, memberPath, returnTo, teamPath } from '../../journey.ts';
import { langOf, todayInSweden } from '../../lang.ts';
import { isFull, renderForm, renderFull } from '../../page.ts';
import { words } from '../../words/index.ts';

const text = { sv: words.sv.member, en: words.en.member };

type Values = Record<string, string | undefined>;

/** The member page's words, with the dates' examples inside the application's bidragsår (here and on the link holders' pages). */
export function memberText(lang: Lang, grantYear: number | undefined) {
  return { ...text[lang], datesHint: text[lang].datesHint(exampleYear(grantYear, todayInSweden())) };
}

/** A stored member as the form's values; a new one has nothing chosen (no answer that changes the outcome is preselected). */
export function valuesOf(data: DraftData, team: number, member: number | 'ny', lang: Lang): Values {
  if (member === 'ny') return {};
  const m = data.application.teams[team].members[member];
  return {
    ...m,
    end: m.end ?? '',
    fte: showDecimal(m.fte, lang),
    monthlySalary: showDecimal(m.monthlySalary, lang),
    employerCostRate: showPercent(m.employerCostRate, lang),
    employerCostRateUnknown: employerCostUnknown(m) ? 'yes' : undefined,
    otherFundingShare: showPercent(m.otherFundingShare, lang),
    actualCost: m.actualCost === undefined ? '' : showDecimal(m.actualCost, lang),
  };
}

/**
 * The member page's POST, for the journey and the hand-off link alike: the form checked, then
 * unusual values asked about (unless confirmed on the page or earlier in the draft). Saves the
 * member into the team (not the draft) and keeps the confirmations; or says what to show.
 */
export function acceptMember(
  data: DraftData,
  team: number,
  index: number | 'ny',
  body: unknown,
  lang: Lang,
): { ok: true; id: string } | { ok: false; errors: FieldError[]; questions: Question[] } {
  const form = validateForm(memberForm, body, { ...memberMessages, ...memberDateMessages(exampleYear(data.application.grantYear, todayInSweden())) }, lang);
  if (!form.ok) return { ok: false, errors: form.errors, questions: [] };
  const members = data.application.teams[team].members;
  const id = index === 'ny' ? `p${data.nextMember}` : members[index].id;
  const others = members.filter((_, i) => i !== index);
  const { ask, all } = memberQuestions(form.value, others, { ...data.confirmed?.[id], ...confirmedIn(body) }, lang);
  if (ask.length) return { ok: false, errors: [], questions: ask };
  // The actual cost belongs to a settlement; an application's member page has no such field.
  const { actualCost, ...fields } = form.value;
  const value = isSettlement(data) && actualCost !== undefined ? { ...fields, actualCost } : fields;
  if (index === 'ny') {
    members.push({ id, ...value });
    data.nextMember += 1;
  } else {
    members[index] = { id, ...value };
  }
  keepConfirmed(data, id, keptConfirmations(all));
  return { ok: true, id };
}

function options<T extends Record<string, string>>(labels: T) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/**
 * The education options for the side chosen, each with what usually counts. Before a side is
 * chosen (a new person, without JavaScript) the options are grouped by side under their own
 * legends, with those that fit both sides last.
 */
function educationGroups(side: string | undefined, lang: Lang) {
  const hints = educationHints[lang];
  const option = (value: Education) => ({ value, label: memberLabels[lang].education[value], hint: hints.options[value] });
  const bySide: Record<Side, readonly Education[]> = allowed.educationBySide;
  if (side === 'school' || side === 'social_services') return [{ id: 'education', options: bySide[side].map(option) }];
  const both = bySide.school.filter((value) => bySide.social_services.includes(value));
  const only = (s: Side) => bySide[s].filter((value) => !both.includes(value)).map(option);
  return [
    { id: 'education', legend: hints.groups.school, options: only('school') },
    { id: 'education-social', legend: hints.groups.social_services, options: only('social_services') },
    { id: 'education-any', legend: hints.groups.any, options: both.map(option) },
  ];
}

/** The education question's options and hint, for member.eta (here and on the link holders' pages). */
export function educationChoices(side: string | undefined, lang: Lang) {
  return { educationGroups: educationGroups(side, lang), educationHint: educationHints[lang].legend };
}

function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  { draft, data }: LoadedDraft,
  team: number,
  member: string,
  values: Values,
  errors: FieldError[] = [],
  questions: Question[] = [],
) {
  const lang = langOf(request.query);
  const { id } = draft;
  const t = memberText(lang, data.application.grantYear);
  const labels = memberLabels[lang];
  const path = memberPath(id, team, member);
  return renderForm(reply, 'member.eta', {
    lang,
    path,
    title: member === 'ny' ? t.titleNew : `${t.titleChange} ${member}`,
    text: t,
    errors,
    questions,
    action: formAction(path, request.query, lang),
    backHref: inLang(teamPath(id, team, 'personer'), lang),
    sideOptions: options(labels.side),
    engagementOptions: options(labels.engagement),
    ...educationChoices(values.side, lang),
    originOptions: options(labels.origin),
    settlement: isSettlement(data),
    values,
  });
}

const member: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/team/:team/person/:member', async (request, reply) => {
    const loaded = await loadDraft(request);
    const { data } = loaded;
    const team = existingTeam(request, data);
    const index = memberParam(request, data, team, { allowNew: true });
    if (index === 'ny' && isFull('members', data.application.teams[team].members.length)) return renderFull(request, reply, 'members');
    const id = index === 'ny' ? 'ny' : data.application.teams[team].members[index].id;
    return renderPage(request, reply, loaded, team, id, valuesOf(data, team, index, langOf(request.query)));
  });

  app.post('/ansokan/:id/team/:team/person/:member', async (request, reply) => {
    const lang = langOf(request.query);
    const loaded = await loadDraft(request);
    const { data } = loaded;
    const team = existingTeam(request, data);
    const index = memberParam(request, data, team, { allowNew: true });
    if (index === 'ny' && isFull('members', data.application.teams[team].members.length)) return renderFull(request, reply, 'members');
    const accepted = acceptMember(data, team, index, request.body, lang);
    if (!accepted.ok) {
      const shownId = index === 'ny' ? 'ny' : data.application.teams[team].members[index].id;
      return renderPage(request, reply, loaded, team, shownId, (request.body ?? {}) as Values, accepted.errors, accepted.questions);
    }
    const { id } = accepted;
    await saveDraft(request, loaded, { change: memberEvent(index === 'ny' ? 'member_added' : 'member_saved', data.application.teams[team], id) });
    return reply.redirect(inLang(returnTo(request.query, loaded.draft.id, teamPath(loaded.draft.id, team, 'personer')), lang), 303);
  });
};

export default member;
