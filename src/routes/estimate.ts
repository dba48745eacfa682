/**
 * /uppskattning: a quick estimate for finance staff without a team yet. A few totals become a
 * synthetic one-team application (forms/estimate.ts), assessed by the same engine as the API;
 * the page shows the verdict on staffing, what it assumed, the amounts, and the kommun's repayment
 * risk (decision D8) with the staffing that removes it (rules/staffing-suggestion.ts). "Starta en ansökan med de här
 * uppgifterna" (POST /uppskattning/utkast) makes a draft of that application and goes to
 * "check your answers".
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { parseApplication } from '../../forms/application.ts';
import { estimateApplication, estimateForm, estimateMessages, estimateQuestions, type Estimate } from '../../forms/estimate.ts';
import { grantYearOptions } from '../../forms/grant-year.ts';
import { municipalitiesByName, municipalityLabel } from '../../forms/municipalities.ts';
import { roundBeingPrepared } from '../grant-round.ts';
import { showDecimal } from '../../forms/input.ts';
import { validateForm, type FieldError } from '../../forms/page-form.ts';
import { confirmations, confirmedIn, type Question } from '../../forms/plausible.ts';
import { assess } from '../../rules/assess.ts';
import { formatCountOf, formatKronor } from '../../rules/format.ts';
import { staffingSuggestion } from '../../rules/staffing-suggestion.ts';
import type { Application, Assessment, Finding, Lang } from '../../rules/types.ts';
import { draftPath, inLang } from '../journey.ts';
import { langOf, todayInSweden } from '../lang.ts';
import { renderForm } from '../page.ts';
import { findingView, resultWords } from '../result-words.ts';
import { words } from '../words/index.ts';
import { staffingSuggestionText } from '../words/labels.ts';

const PATH = '/uppskattning';
const STAFFING_RULES = ['team-total-fte', 'school-staff-fte', 'social-services-fte'];

const resultText = { sv: { ...resultWords.sv, ...words.sv.estimate }, en: { ...resultWords.en, ...words.en.estimate } };

type Values = Record<string, string | undefined>;

/** The verdict on staffing alone: the worst outcome of the three staffing rules. */
function staffingVerdict(findings: Finding[]): 'pass' | 'fail' | 'review' {
  if (findings.some((f) => f.outcome === 'fail')) return 'fail';
  return findings.some((f) => f.outcome === 'review') ? 'review' : 'pass';
}

/**
 * What the estimate assumed, in words that are true for it: the kommun, the period, the people
 * per side (one per full post) and the assumptions forms/estimate.ts builds in.
 */
function assumptionsOf(application: Application, lang: Lang): string[] {
  const w = words[lang];
  const team = application.teams[0];
  const people = (side?: string) => formatCountOf(team.members.filter((m) => !side || m.side === side).length, w.count.people, lang);
  return [
    w.estimate.team(municipalityLabel(team.municipalityCode), team.period!.from, team.period!.to),
    w.estimate.people(people(), people('school'), people('social_services')),
    ...w.estimate.assumed,
  ];
}

/** Socialstyrelsen's amount to the kommun, the part it may use, the repayment risk (D8) and the staffing that removes the risk. */
function kommunView(application: Application, assessment: Assessment, lang: Lang) {
  const t = words[lang].estimate;
  const kr = (v: string) => formatKronor(v, lang);
  const team = assessment.teams[0];
  const code = application.teams[0].municipalityCode;
  const kommun = assessment.amounts.municipalities.find((m) => m.municipalityCode === code);
  if (!kommun) return undefined;
  const suggestion = staffingSuggestion(application.teams[0], team);
  return {
    matched: kr(kommun.matched),
    usable: kr(kommun.matchedUsable),
    risk: kr(kommun.repaymentRisk),
    explanation: [
      t.riskWhy(municipalityLabel(code), kr(kommun.matched)),
      kommun.repaymentRisk === '0' ? t.noRisk : t.riskLeft(kr(kommun.matchedUsable), kr(kommun.repaymentRisk)),
      ...(suggestion ? [t.removeRisk(staffingSuggestionText(suggestion, lang))] : []),
    ],
  };
}

function resultView(application: Application, assessment: Assessment, estimate: Estimate, capped: boolean, lang: Lang) {
  const t = resultText[lang];
  // One team: its own findings say the same as the application's, so only the team's are shown.
  const findings = assessment.findings.filter((f) => STAFFING_RULES.includes(f.rule) && f.scope === 'team');
  const verdict = staffingVerdict(findings);
  return {
    verdict,
    panel: verdict === 'pass' ? 'eligible' : verdict === 'fail' ? 'not_eligible' : 'needs_review',
    verdictLabel: t.staffing[verdict],
    assumptions: assumptionsOf(application, lang),
    capped: capped ? t.capped : undefined,
    findings: findings.map((f) => findingView(f, lang)),
    grant: formatKronor(assessment.amounts.skolverketGrant, lang),
    kommun: kommunView(application, assessment, lang),
    hidden: {
      grantYear: String(estimate.grantYear),
      municipalityCode: estimate.municipalityCode,
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
  const t = resultText[lang];
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
    municipalities: municipalitiesByName,
    action: inLang(PATH, lang),
    draftAction: inLang(`${PATH}/utkast`, lang),
    backHref: inLang('/', lang),
  });
}

/** The estimate's application, checked by the API's validation; undefined if it does not pass (it always should). */
function build(estimate: Estimate, lang: Lang) {
  const built = estimateApplication(estimate, words[lang].estimate, lang);
  const parsed = parseApplication(built.application, lang);
  return parsed.ok ? { ...built, parsed } : undefined;
}

type Built = NonNullable<ReturnType<typeof build>>;

/**
 * The posted figures read, checked and built into the estimate's application; or what to show
 * again when they are not ready: the form's mistakes, or questions about unusual values.
 */
function readPosted(
  body: unknown,
  lang: Lang,
): { ok: true; estimate: Estimate; built: Built } | { ok: false; again: { errors?: FieldError[]; questions?: Question[] } } {
  const form = validateForm(estimateForm, body, estimateMessages, lang);
  if (!form.ok) return { ok: false, again: { errors: form.errors } };
  const questions = estimateQuestions(form.value, confirmedIn(body), lang);
  if (questions.length) return { ok: false, again: { questions } };
  const built = build(form.value, lang);
  if (!built) return { ok: false, again: { errors: [{ field: 'schoolFte', message: words[lang].estimate.failed }] } };
  return { ok: true, estimate: form.value, built };
}

const estimate: FastifyPluginAsync = async (app) => {
  app.get(PATH, async (request, reply) => renderPage(request, reply, { grantYear: String(roundBeingPrepared(todayInSweden())), months: '12' }));

  app.post(PATH, async (request, reply) => {
    const lang = langOf(request.query);
    const values = (request.body ?? {}) as Values;
    const posted = readPosted(request.body, lang);
    if (!posted.ok) return renderPage(request, reply, values, posted.again);
    const { application } = posted.built.parsed;
    const assessment = assess(application, { asOf: todayInSweden(), lang });
    return renderPage(request, reply, values, { result: resultView(application, assessment, posted.estimate, posted.built.capped, lang) });
  });

  // The figures come back in hidden fields and are validated again: nothing from the page is trusted.
  app.post(`${PATH}/utkast`, async (request, reply) => {
    const lang = langOf(request.query);
    const posted = readPosted(request.body, lang);
    if (!posted.ok) return renderPage(request, reply, (request.body ?? {}) as Values, posted.again);
    const { built } = posted;
    // The huvudman is an example: the draft cannot be shared with an overview until it is replaced. The kommun is the user's own.
    const draft = await app.drafts.create({
      application: built.application,
      nextMember: built.nextMember,
      confirmed: built.confirmed,
      placeholders: ['organiser'],
    });
    return reply.redirect(inLang(draftPath(draft.id, 'kontrollera'), lang), 303);
  });
};

export default estimate;
