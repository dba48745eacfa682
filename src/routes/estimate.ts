/**
 * /uppskattning: a quick estimate for finance staff without a team yet. A few totals become a
 * synthetic one-team application (forms/estimate.ts), assessed by the same engine as the API;
 * the page shows the verdict on staffing and the amounts. "Starta en ansökan med de här
 * uppgifterna" (POST /uppskattning/utkast) makes a draft of that application and goes to
 * "check your answers".
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { parseApplication } from '../../forms/application.ts';
import { estimateApplication, estimateForm, estimateMessages, estimateQuestions, type Estimate } from '../../forms/estimate.ts';
import { grantYearOptions } from '../../forms/grant-year.ts';
import { roundBeingPrepared } from '../grant-round.ts';
import { showDecimal } from '../../forms/input.ts';
import { validateForm, type FieldError } from '../../forms/page-form.ts';
import { confirmations, confirmedIn, type Question } from '../../forms/plausible.ts';
import { assess } from '../../rules/assess.ts';
import { formatKronor } from '../../rules/format.ts';
import type { Assessment, Finding, Lang } from '../../rules/types.ts';
import type { Placeholder } from '../drafts/draft-data.ts';
import { draftPath, inLang } from '../journey.ts';
import { langOf, todayInSweden } from '../lang.ts';
import { renderForm } from '../page.ts';
import { findingView, resultWords } from '../result-words.ts';

const PATH = '/uppskattning';
const STAFFING_RULES = ['team-total-fte', 'school-staff-fte', 'social-services-fte'];

const text = {
  sv: {
    ...resultWords.sv,
    title: 'Snabb uppskattning av bidraget',
    lead: 'Har ni inget team på plats ännu? Skriv in ungefärliga siffror så räknar verktyget med samma regler som för en hel ansökan. Inget sparas.',
    grantYear: 'Bidragsår',
    school: 'Skolpersonal',
    social: 'Personal från socialtjänsten',
    fte: 'Tjänstgöringsgrad sammanlagt',
    fteHint: 'Till exempel 1,5 för en heltid och en halvtid.',
    cost: 'Månadskostnad per heltid inklusive personalomkostnader, kronor',
    costHint: 'Till exempel 55 000.',
    months: 'Antal månader',
    monthsHint: 'Räknas från bidragsperiodens början, 1–12.',
    calculate: 'Räkna',
    result: 'Uppskattningen',
    assumptions: (from: string, to: string, people: number) => `Beräknat för ett team i Stockholm (0180) ${from} – ${to} med ${people} personer, alla med relevant utbildning och anställda sedan tidigare.`,
    capped: 'Bidragsperioden är kortare än så många månader; uppskattningen gäller hela bidragsperioden.',
    staffing: { pass: 'Bemanningen räcker för bidrag', fail: 'Bemanningen räcker inte för bidrag', review: 'Bemanningen behöver bedömas' } as Record<string, string>,
    amounts: 'Belopp',
    noMatched: 'Socialstyrelsens belopp till kommunerna lämnas från bidragsåret 2024.',
    startDraft: 'Starta en ansökan med de här uppgifterna',
    startHint: 'Ett utkast skapas med teamet ovan. Byt sedan huvudman, kommun och personer till era egna.',
    failed: 'Uppskattningen gick inte att räkna fram med de här uppgifterna. Ändra dem och försök igen.',
  },
  en: {
    ...resultWords.en,
    title: 'Quick estimate of the grant',
    lead: 'No team in place yet? Enter rough figures and the tool applies the same rules as for a full application. Nothing is saved.',
    grantYear: 'Grant year',
    school: 'School staff',
    social: 'Social-services staff',
    fte: 'Total fte',
    fteHint: 'For example 1.5 for one full-time and one half-time post.',
    cost: 'Monthly cost per full-time post including employer costs, kronor',
    costHint: 'For example 55 000.',
    months: 'Number of months',
    monthsHint: "Counted from the start of the grant period, 1–12.",
    calculate: 'Calculate',
    result: 'The estimate',
    assumptions: (from: string, to: string, people: number) => `Calculated for one team in Stockholm (0180) ${from} – ${to} with ${people} people, all with relevant education and engaged since before.`,
    capped: 'The grant period is shorter than that many months; the estimate covers the whole grant period.',
    staffing: { pass: 'The staffing is enough for a grant', fail: 'The staffing is not enough for a grant', review: 'The staffing needs review' } as Record<string, string>,
    amounts: 'Amounts',
    noMatched: "Socialstyrelsen's amounts to municipalities are granted from grant year 2024.",
    startDraft: 'Start an application with these figures',
    startHint: 'A draft is created with the team above. Then change the organiser, municipality and people to your own.',
    failed: 'The estimate could not be calculated from these figures. Change them and try again.',
  },
};

type Values = Record<string, string | undefined>;

/** The verdict on staffing alone: the worst outcome of the three staffing rules. */
function staffingVerdict(findings: Finding[]): 'pass' | 'fail' | 'review' {
  if (findings.some((f) => f.outcome === 'fail')) return 'fail';
  return findings.some((f) => f.outcome === 'review') ? 'review' : 'pass';
}

function resultView(assessment: Assessment, estimate: Estimate, capped: boolean, people: number, lang: Lang) {
  const t = text[lang];
  const kr = (v: string) => formatKronor(v, lang);
  // One team: its own findings say the same as the application's, so only the team's are shown.
  const findings = assessment.findings.filter((f) => STAFFING_RULES.includes(f.rule) && f.scope === 'team');
  const verdict = staffingVerdict(findings);
  const team = assessment.teams[0];
  const kommun = assessment.amounts.municipalities.find((m) => m.municipalityCode === '0180');
  return {
    verdict,
    panel: verdict === 'pass' ? 'eligible' : verdict === 'fail' ? 'not_eligible' : 'needs_review',
    verdictLabel: t.staffing[verdict],
    assumptions: t.assumptions(team.period.from, team.period.to, people),
    capped: capped ? t.capped : undefined,
    findings: findings.map((f) => findingView(f, lang)),
    grant: kr(assessment.amounts.skolverketGrant),
    kommun: kommun ? { matched: kr(kommun.matched), usable: kr(kommun.matchedUsable), risk: kr(kommun.repaymentRisk) } : undefined,
    hidden: {
      grantYear: String(estimate.grantYear),
      schoolFte: showDecimal(estimate.schoolFte, lang),
      socialFte: showDecimal(estimate.socialFte, lang),
      schoolCost: showDecimal(estimate.schoolCost, lang),
      socialCost: showDecimal(estimate.socialCost, lang),
      months: String(estimate.months),
    },
    confirmed: confirmations(estimateQuestions(estimate, {}, lang)),
  };
}

function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  values: Values,
  { errors = [], questions = [], result }: { errors?: FieldError[]; questions?: Question[]; result?: ReturnType<typeof resultView> } = {},
) {
  const lang = langOf(request.query);
  const t = text[lang];
  return renderForm(reply, 'estimate.eta', {
    lang,
    path: PATH,
    title: t.title,
    text: t,
    errors,
    questions,
    values,
    result,
    yearOptions: grantYearOptions.map((y) => ({ value: y, label: y })),
    action: inLang(PATH, lang),
    draftAction: inLang(`${PATH}/utkast`, lang),
    backHref: inLang('/', lang),
  });
}

/** The estimate's application, checked by the API's validation; undefined if it does not pass (it always should). */
function build(estimate: Estimate, lang: Lang) {
  const built = estimateApplication(estimate, lang);
  const parsed = parseApplication(built.application, lang);
  return parsed.ok ? { ...built, parsed } : undefined;
}

const estimate: FastifyPluginAsync = async (app) => {
  app.get(PATH, async (request, reply) => renderPage(request, reply, { grantYear: String(roundBeingPrepared(todayInSweden())), months: '12' }));

  app.post(PATH, async (request, reply) => {
    const lang = langOf(request.query);
    const values = (request.body ?? {}) as Values;
    const form = validateForm(estimateForm, request.body, estimateMessages, lang);
    if (!form.ok) return renderPage(request, reply, values, { errors: form.errors });
    const questions = estimateQuestions(form.value, confirmedIn(request.body), lang);
    if (questions.length) return renderPage(request, reply, values, { questions });
    const built = build(form.value, lang);
    if (!built) return renderPage(request, reply, values, { errors: [{ field: 'schoolFte', message: text[lang].failed }] });
    const assessment = assess(built.parsed.application, { asOf: todayInSweden(), lang });
    const people = built.application.teams[0].members.length;
    return renderPage(request, reply, values, { result: resultView(assessment, form.value, built.capped, people, lang) });
  });

  // The figures come back in hidden fields and are validated again: nothing from the page is trusted.
  app.post(`${PATH}/utkast`, async (request, reply) => {
    const lang = langOf(request.query);
    const values = (request.body ?? {}) as Values;
    const form = validateForm(estimateForm, request.body, estimateMessages, lang);
    if (!form.ok) return renderPage(request, reply, values, { errors: form.errors });
    const questions = estimateQuestions(form.value, confirmedIn(request.body), lang);
    if (questions.length) return renderPage(request, reply, values, { questions });
    const built = build(form.value, lang);
    if (!built) return renderPage(request, reply, values, { errors: [{ field: 'schoolFte', message: text[lang].failed }] });
    // The huvudman and the kommun are examples: the draft cannot be shared with an overview until they are replaced.
    const placeholders: Placeholder[] = ['organiser', ...built.application.teams.map((t) => `municipality:${t.id}` as const)];
    const draft = await app.drafts.create({ application: built.application, nextMember: built.nextMember, confirmed: built.confirmed, placeholders });
    return reply.redirect(inLang(draftPath(draft.id, 'kontrollera'), lang), 303);
  });
};

export default estimate;
