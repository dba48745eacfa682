/**
 * The member page (views/member.eta), one page for the coordinator's journey
 * (/ansokan/{id}/team/{t}/person/{m}, src/routes/journey/member.ts) and for the holder of a
 * hand-off link (/lank/{token}/person/{m}, src/routes/handoff-section.ts). The route finds the
 * draft, the team and the member and checks what its visitor may reach; it says where the page
 * is, where it goes and how the draft is saved (a `MemberPlace`). The page shows the form (a new
 * member is "ny"), checks what is posted, asks about unusual values and saves the member into the
 * team with the change in the draft's history.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { allowed } from '../../forms/application-messages.ts';
import { showDecimal, showPercent } from '../../forms/input.ts';
import { educationHints, employerCostUnknown, memberDateMessages, memberForm, memberLabels, memberMessages } from '../../forms/member.ts';
import { type FieldError, validateForm } from '../../forms/page-form.ts';
import { confirmedIn, keptConfirmations, memberQuestions, type Question } from '../../forms/plausible.ts';
import type { Education, Lang, Side } from '../../rules/types.ts';
import { type DraftData, isSettlement, keepConfirmed } from '../drafts/draft-data.ts';
import { type HistoryEvent, memberEvent } from '../drafts/handoff.ts';
import { exampleYear } from '../grant-round.ts';
import { langOf, todayInSweden } from '../lang.ts';
import { isFull, renderForm, renderFull } from '../page.ts';
import { words } from '../words/index.ts';

/** Where the member page is, as the route that shows it says: its draft and team, its addresses, and how it saves. */
export interface MemberPlace {
  data: DraftData;
  team: number;
  /** The page's path for a member's id, or "ny". */
  path: (member: string) => string;
  /** Where the form on that path posts. */
  action: (path: string) => string;
  backHref: string;
  /** A hand-off link's side: the only one offered, and the side of every member saved here. Unset, the visitor chooses. */
  side?: Side;
  /** Saves the draft with the change in its history; or the answer to send instead, when it could not be saved. */
  save: (change: HistoryEvent) => Promise<FastifyReply | undefined>;
  /** Where to go once saved. */
  next: string;
}

const text = { sv: words.sv.member, en: words.en.member };

type Values = Record<string, string | undefined>;

/** The member page's words, with the dates' examples inside the application's bidragsår. */
function memberText(lang: Lang, grantYear: number | undefined) {
  return { ...text[lang], datesHint: text[lang].datesHint(exampleYear(grantYear, todayInSweden())) };
}

/** A stored member as the form's values; a new one has nothing chosen (no answer that changes the outcome is preselected). */
function valuesOf(data: DraftData, team: number, member: number | 'ny', lang: Lang): Values {
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
 * The form as posted: checked, then unusual values asked about (unless confirmed on the page or earlier in the draft). Saves the
 * member into the team (not the draft) and keeps the confirmations; or says what to show.
 */
function acceptMember(
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

/** The education question's options and hint, for member.eta. */
function educationChoices(side: string | undefined, lang: Lang) {
  return { educationGroups: educationGroups(side, lang), educationHint: educationHints[lang].legend };
}

function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  place: MemberPlace,
  index: number | 'ny',
  values: Values,
  { errors = [], questions = [] }: { errors?: FieldError[]; questions?: Question[] } = {},
) {
  const lang = langOf(request.query);
  const t = memberText(lang, place.data.application.grantYear);
  const labels = memberLabels[lang];
  const member = index === 'ny' ? 'ny' : place.data.application.teams[place.team].members[index].id;
  const path = place.path(member);
  const shown = place.side ? { ...values, side: place.side } : values;
  return renderForm(reply, 'member.eta', {
    lang,
    path,
    title: member === 'ny' ? t.titleNew : `${t.titleChange} ${member}`,
    text: t,
    errors,
    questions,
    action: place.action(path),
    backHref: place.backHref,
    sideOptions: place.side ? [{ value: place.side, label: labels.side[place.side] }] : options(labels.side),
    engagementOptions: options(labels.engagement),
    ...educationChoices(shown.side, lang),
    originOptions: options(labels.origin),
    settlement: isSettlement(place.data),
    values: shown,
  });
}

/** GET: the member's form (`index` its place in the team, or "ny" for a new one, unless the team is full). */
export function showMember(request: FastifyRequest, reply: FastifyReply, place: MemberPlace, index: number | 'ny') {
  if (index === 'ny' && isFull('members', place.data.application.teams[place.team].members.length)) return renderFull(request, reply, 'members');
  return renderPage(request, reply, place, index, valuesOf(place.data, place.team, index, langOf(request.query)));
}

/** POST: the member saved and on to `next`; or the form again with its errors or questions (422). */
export async function saveMember(request: FastifyRequest, reply: FastifyReply, place: MemberPlace, index: number | 'ny', body: unknown) {
  const { members } = place.data.application.teams[place.team];
  if (index === 'ny' && isFull('members', members.length)) return renderFull(request, reply, 'members');
  const posted = place.side ? { ...((body ?? {}) as Values), side: place.side } : body;
  const accepted = acceptMember(place.data, place.team, index, posted, langOf(request.query));
  if (!accepted.ok) return renderPage(request, reply, place, index, (posted ?? {}) as Values, accepted);
  const change = memberEvent(index === 'ny' ? 'member_added' : 'member_saved', place.data.application.teams[place.team], accepted.id);
  return (await place.save(change)) ?? reply.redirect(place.next, 303);
}
