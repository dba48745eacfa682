/** /ansokan/{id}/team/{t}/person/{m}: one member of a team (m = the member's id, or "ny"). */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { showDecimal, showPercent } from '../../../forms/input.ts';
import { allowed } from '../../../forms/application-messages.ts';
import { educationHints, employerCostUnknown, memberDateMessages, memberForm, memberLabels, memberMessages } from '../../../forms/member.ts';
import { validateForm, type FieldError } from '../../../forms/page-form.ts';
import { confirmedIn, keptConfirmations, memberQuestions, type Question } from '../../../forms/plausible.ts';
import type { Education, Lang, Side } from '../../../rules/types.ts';
import { isSettlement, keepConfirmed, type DraftData } from '../../drafts/draft-data.ts';
import { memberChange } from '../../drafts/handoff.ts';
import { loadDraft, saveDraft, type LoadedDraft } from '../../drafts/load.ts';
import { exampleYear } from '../../grant-round.ts';
import { existingTeam, memberParam } from '../../drafts/team-param.ts';
import { formAction, inLang, memberPath, returnTo, teamPath } from '../../journey.ts';
import { langOf, todayInSweden } from '../../lang.ts';
import { isFull, renderForm, renderFull } from '../../page.ts';

const text = {
  sv: {
    titleNew: 'Lägg till en person i teamet',
    titleChange: 'Ändra uppgifterna om',
    privacy: 'Skriv inte personens namn. Verktyget behöver bara rollen och uppgifterna nedan.',
    side: 'Varifrån kommer personen?',
    role: 'Roll',
    roleHint: 'Till exempel skolkurator, skolsocionom eller familjebehandlare.',
    engagement: 'Anställning eller uppdrag?',
    fte: 'Tjänstgöringsgrad i teamet',
    fteHint: 'Till exempel 0,5, 1 eller 50 %.',
    dates: 'Anställningens eller uppdragets tid',
    datesHint: (year: number) => `Hela anställningen räknas för kravet på sex månader, även det som ligger utanför bidragsåret. Skriv datum som ${year}-08-15 eller 15/8 ${year}.`,
    start: 'Första dagen',
    end: 'Sista dagen (lämna tomt om den gäller tills vidare)',
    education: 'Utbildning',
    educationNote: 'Om utbildningen',
    educationNoteHint: 'Till exempel examen och år. Hjälper den som bedömer ansökan.',
    origin: 'Är personen ny i teamet?',
    money: 'Kostnad',
    monthlySalary: 'Månadslön eller arvode vid heltid, kronor',
    monthlySalaryHint: 'Till exempel 42 000 eller 42 000 kr. Tjänstgöringsgraden räknas in av verktyget.',
    employerCostRate: 'Personalomkostnadspålägg',
    employerCostRateHint: 'Sociala avgifter och PO-pålägg i procent, till exempel 31,42 %. Behövs för en anställning; lämna tomt för ett uppdrag.',
    employerCostRateUnknown: 'Vet inte (räknas som 0 %, och resultatet påminner om att fylla i det)',
    otherFundingShare: 'Del som betalas av andra statsbidrag',
    otherFundingShareHint: 'Till exempel 25 %. Den delen räknas bort från kostnaden.',
    actualCost: 'Faktisk kostnad under teamets period, kronor',
    actualCostHint: 'Personalkostnaden med arbetsgivaravgifter och pålägg enligt huvudboken, till exempel 412 345. Den ersätter kostnaden som räknas fram av lön och pålägg. Lämna tomt om den inte är känd.',
  },
  en: {
    titleNew: 'Add a person to the team',
    titleChange: 'Change the details of',
    privacy: "Do not write the person's name. The tool needs only the role and the facts below.",
    side: 'Where does the person come from?',
    role: 'Role',
    roleHint: 'For example school counsellor, school social worker or family therapist.',
    engagement: 'Employment or assignment?',
    fte: 'Fte in the team',
    fteHint: 'For example 0.5, 1 or 50 %.',
    dates: 'Length of the employment or assignment',
    datesHint: (year: number) => `The whole engagement counts for the six-month requirement, also the part outside the grant year. Write dates as ${year}-08-15 or 15/8 ${year}.`,
    start: 'First day',
    end: 'Last day (leave empty if open-ended)',
    education: 'Education',
    educationNote: 'About the education',
    educationNoteHint: 'For example degree and year. Helps whoever assesses the application.',
    origin: 'Is the person new to the team?',
    money: 'Cost',
    monthlySalary: 'Monthly salary or fee at full time, kronor',
    monthlySalaryHint: 'For example 42 000. The tool applies the fte.',
    employerCostRate: 'Employer cost rate',
    employerCostRateHint: 'Social charges and on-costs as a percentage, for example 31.42 %. Needed for an employment; leave it empty for an assignment.',
    employerCostRateUnknown: 'Do not know (counted as 0 %, and the result reminds you to fill it in)',
    otherFundingShare: 'Share paid by other state grants',
    otherFundingShareHint: 'For example 25 %. That part is left out of the cost.',
    actualCost: "Actual cost in the team's period, kronor",
    actualCostHint: 'The personnel cost including employer costs, from the general ledger, for example 412 345. It replaces the cost worked out from salary and rate. Leave it empty if not known.',
  },
};

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
    await saveDraft(request, loaded, { change: index === 'ny' ? memberChange.added(id) : memberChange.changed(id) });
    return reply.redirect(inLang(returnTo(request.query, loaded.draft.id, teamPath(loaded.draft.id, team, 'personer')), lang), 303);
  });
};

export default member;
