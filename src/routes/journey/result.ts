/**
 * /ansokan/{id}/resultat: the verdict, every finding with its paragraph and fix, the amounts
 * with their reconciliation, and each team's staffing day by day. Assessed afresh every time,
 * so a resumed draft is judged by today's rules and says what has changed since it was last seen.
 * /ansokan/{id}/ansokan.json and /ansokan/{id}/bedomning.json download the same data, and a
 * POST to /ansokan/{id}/sammanstallning.pdf the summary to sign.
 */
import { isDeepStrictEqual } from 'node:util';
import type { FastifyPluginAsync } from 'fastify';
import { showDecimal } from '../../../forms/input.ts';
import { municipalityName } from '../../../forms/municipalities.ts';
import { formatKronor } from '../../../rules/format.ts';
import type { Assessment, Finding, Lang, StatusAmounts } from '../../../rules/types.ts';
import { assessDraft } from '../../drafts/assess-draft.ts';
import { summarise } from '../../drafts/draft-data.ts';
import type { DraftApplication } from '../../../forms/draft-application.ts';
import { loadDraft, saveDraft } from '../../http/draft-request.ts';
import { draftPath, fromCheckAnswers, inLang, memberPath, teamPath } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { shareSection } from '../../pages/share-section.ts';
import { sendPdf } from '../../plugins/pdf.ts';
import { nextSteps } from '../../next-steps.ts';
import { pageData } from '../../page.ts';
import { chartLegend, staffingChart } from '../../staffing-chart.ts';
import { bothOutcomes, findingView, namePeople, personLabel, resultWords, settledAndPending, sum, verdict, waitsForReview } from '../../result-words.ts';
import { resultChanges } from '../../result-changes.ts';
import { decidingEducations, type DecidingEducation } from '../../education-outcomes.ts';
import { words } from '../../words/index.ts';

const text = { sv: { ...resultWords.sv, ...words.sv.resultPage }, en: { ...resultWords.en, ...words.en.resultPage } };

/** The staffing rules, judged for each team and for the organiser's teams together (D9). */
const STAFFING_RULES = new Set(['team-total-fte', 'school-staff-fte', 'social-services-fte']);
/** The outcomes that stop or lower the grant or ask the user to check something, most serious first. */
const TO_DO: Finding['outcome'][] = ['fail', 'review', 'warn'];
/** Application-wide rules and the page where their answer is given. */
const APPLICATION_PAGES: Record<string, string> = {
  'grant-year': 'bidragsar',
  'application-window': 'bidragsar',
  'organiser-type': 'huvudman',
  'independent-own-staff': 'huvudman',
};
/** Team rules whose answer is on the team's own page; the others (staffing, money) are fixed among its people. */
const TEAM_PAGE_RULES = new Set(['school-forms', 'contract-education', 'priority-tier']);

/** The journey page where a finding's answer is given, returning to check answers once changed. */
function pageOf(f: Finding, id: string, lang: Lang): string {
  let path: string;
  if (f.scope === 'member' && f.team !== undefined && f.member !== undefined) path = memberPath(id, f.team, f.member);
  else if (f.scope === 'team' && f.team !== undefined) path = TEAM_PAGE_RULES.has(f.rule) ? teamPath(id, f.team) : teamPath(id, f.team, 'personer');
  else path = draftPath(id, APPLICATION_PAGES[f.rule] ?? 'team');
  return inLang(fromCheckAnswers(path), lang);
}

function resultView(draftId: string, application: DraftApplication, assessment: Assessment, deciding: DecidingEducation[], lang: Lang) {
  const t = text[lang];
  const kr = (v: string | undefined) => formatKronor(v ?? '0', lang);
  const people = application.teams.flatMap((team) => team.members);
  const personOf = (team: number, id: string) => personLabel(application.teams[team]?.members.find((m) => m.id === id) ?? { id });
  const shown = (f: Finding) => {
    const view = findingView(f, lang);
    return { ...view, message: namePeople(view.message, people), fix: view.fix === undefined ? undefined : namePeople(view.fix, people) };
  };
  // With one team, the organiser's teams together are that team: its staffing findings say it once.
  const repeated = (f: Finding) => f.scope === 'application' && STAFFING_RULES.has(f.rule) && assessment.teams.length === 1;
  const findings = assessment.findings.filter((f) => !repeated(f));
  const findingsFor = (pick: (f: Finding) => boolean) => findings.filter(pick).map(shown);
  // D18: while a team needs review, each total is shown as its settled and its pending part.
  const split = (byTeamStatus: Parameters<typeof settledAndPending>[0], figures: Array<keyof StatusAmounts>) => {
    if (!waitsForReview(assessment)) return [];
    const { settled, pending } = settledAndPending(byTeamStatus, figures);
    return [
      { label: t.settled, values: settled.map(kr) },
      { label: t.pending, values: pending.map(kr) },
    ];
  };
  const teamNameOf = (f: Finding) => (f.team === undefined ? undefined : assessment.teams[f.team]?.name);
  // A person is named with their team when there are several teams.
  const whereOf = (f: Finding) =>
    f.scope === 'member' && f.team !== undefined && f.member !== undefined
      ? [personOf(f.team, f.member), ...(assessment.teams.length > 1 ? [teamNameOf(f)] : [])].join(', ')
      : teamNameOf(f);
  const seen = new Set<string>();
  const todo = TO_DO.flatMap((outcome) => findings.filter((f) => f.outcome === outcome))
    .filter((f) => {
      const key = JSON.stringify([f.rule, f.scope, f.team, f.member, f.message]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((f) => {
      const where = whereOf(f);
      const view = shown(f);
      // Short: the fix where there is one (the finding's whole text is in the detail below), else what was found.
      return {
        ...view,
        message: view.fix ? undefined : view.message,
        href: pageOf(f, draftId, lang),
        linkText: where ? `${view.title}: ${where}` : view.title,
      };
    });
  const teams = assessment.teams.map((team, index) => {
    const chartId = `chart-${index + 1}`;
    const decided = deciding.find((d) => d.team === index);
    const teamFindings = findingsFor((f) => f.scope === 'team' && f.team === index);
    return {
      number: index + 1,
      name: team.name,
      status: team.status,
      statusLabel: t.teamStatus[team.status],
      bothOutcomes: decided ? bothOutcomes(personOf(index, decided.member), decided.upTo, lang) : undefined,
      municipality: `${municipalityName(team.municipalityCode) ?? ''} (${team.municipalityCode})`,
      period: `${team.period.from} – ${team.period.to}`,
      lowest: t.lowest(showDecimal(team.fte.schoolMin, lang), showDecimal(team.fte.socialServicesMin, lang), showDecimal(team.fte.totalMin, lang)),
      chart: staffingChart(team, chartId, `${chartId}-summary`, lang),
      chartId,
      staffing: team.staffing.map((r) => ({ ...r, school: showDecimal(r.school, lang), socialServices: showDecimal(r.socialServices, lang) })),
      priority: team.priorityShares.length ? team.priorityShares.map((s) => `${s.tier} (${showDecimal(s.fte, lang)})`).join(', ') : t.noPriority,
      findingsSummary: t.teamFindings(teamFindings.length),
      findings: teamFindings,
      peopleSummary: t.people(team.members.length),
      members: team.members.map((m) => {
        // Passes are collapsed under one line naming them, so the points that need attention stand out.
        const own = findingsFor((f) => f.scope === 'member' && f.team === index && f.member === m.id);
        const passed = own.filter((f) => f.outcome === 'pass');
        const given = application.teams[index]?.members.find((member) => member.id === m.id);
        return {
          heading: personLabel(given ?? m),
          amounts: `${t.memberAmounts(kr(m.eligibleCost), kr(m.grant))} ${m.funded ? t.inGrant : t.notInGrant}`,
          educationNote: given?.educationNote || undefined,
          passed: { summary: `${t.outcome.pass}: ${passed.map((f) => f.title).join(', ')}`, findings: passed },
          findings: own.filter((f) => f.outcome !== 'pass'),
        };
      }),
      amounts: {
        eligibleCost: kr(team.amounts.eligibleCost),
        grant: kr(team.amounts.skolverketGrant),
        socialCost: kr(team.amounts.socialServicesCost),
        matched: team.amounts.matched === undefined ? undefined : kr(team.amounts.matched),
        usable: team.amounts.matchedUsable === undefined ? undefined : kr(team.amounts.matchedUsable),
        risk: team.amounts.repaymentRisk === undefined ? undefined : kr(team.amounts.repaymentRisk),
      },
    };
  });
  const { municipalities, byTeamStatus } = assessment.amounts;
  // The answer: Skolverket's grant and, from 2024 (D8), Socialstyrelsen's money to the kommuner and the risk of repaying it.
  const totals = [
    { label: t.grantToOrganiser, value: kr(assessment.amounts.skolverketGrant), main: true, parts: split(byTeamStatus, ['skolverketGrant']) },
    ...(municipalities.length
      ? [
          {
            label: municipalities.length === 1 ? t.matched : t.matchedToMunicipalities,
            value: kr(sum(...municipalities.map((m) => m.matched))),
            main: false,
            parts: split(byTeamStatus, ['matched']),
          },
          { label: t.risk, value: kr(sum(...municipalities.map((m) => m.repaymentRisk))), main: false, parts: split(byTeamStatus, ['repaymentRisk']) },
        ]
      : []),
  ];
  return {
    verdict: verdict(assessment, lang),
    teamVerdicts: assessment.teams.map((team) => ({ name: team.name, status: team.status, label: t.teamStatus[team.status] })),
    totals,
    todo,
    notice: assessment.amounts.notice,
    applicationFindingsSummary: t.applicationFindings(findingsFor((f) => f.scope === 'application').length),
    applicationFindings: findingsFor((f) => f.scope === 'application'),
    teams,
    reconciliation:
      assessment.teams.length > 1
        ? `${assessment.teams.map((team) => kr(team.amounts.skolverketGrant)).join(' + ')} = ${kr(assessment.amounts.skolverketGrant)}`
        : undefined,
    municipalities: municipalities.map((m) => ({
      name: `${municipalityName(m.municipalityCode) ?? ''} (${m.municipalityCode})`,
      matched: kr(m.matched),
      usable: kr(m.matchedUsable),
      risk: kr(m.repaymentRisk),
      split: split(m.byTeamStatus, ['matched', 'matchedUsable', 'repaymentRisk']),
    })),
    hasMatched: municipalities.length > 0,
  };
}

const result: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/resultat', async (request, reply) => {
    const lang = langOf(request.query);
    const loaded = await loadDraft(request);
    const { draft, data } = loaded;
    const t = text[lang];
    const checkHref = inLang(draftPath(draft.id, 'kontrollera'), lang);
    const outcome = assessDraft(data, lang);
    if (!outcome.ok) {
      return reply.view('message.eta', {
        ...pageData(lang, draftPath(draft.id, 'resultat'), t.title),
        text: t.notReady,
        link: { href: checkHref, label: t.change },
      });
    }
    // The result is "seen" when this page is shown: the banner tells what changed once, never on a reload.
    const summary = summarise(outcome.assessment, outcome.ruleSetId);
    const changes = resultChanges(data.lastResult, summary, lang);
    if (!isDeepStrictEqual(data.lastResult, summary)) {
      loaded.data.lastResult = summary;
      await saveDraft(request, loaded, { ruleSetId: outcome.ruleSetId });
    }
    const deciding = decidingEducations(outcome.application, outcome.assessment, { asOf: outcome.asOf, lang });
    return reply.view('result.eta', {
      ...pageData(lang, draftPath(draft.id, 'resultat'), t.title),
      text: t,
      legend: chartLegend(lang),
      nextSteps: nextSteps(outcome.application, outcome.assessment.amounts.municipalities.length > 0, lang),
      changes,
      result: resultView(draft.id, data.application, outcome.assessment, deciding, lang),
      backHref: checkHref,
      pdfAction: inLang(draftPath(draft.id, 'sammanstallning.pdf'), lang),
      csrfToken: reply.generateCsrf(),
      applicationHref: inLang(draftPath(draft.id, 'ansokan.json'), lang),
      assessmentHref: inLang(draftPath(draft.id, 'bedomning.json'), lang),
      share: await shareSection(app.drafts, draft.id, lang),
    });
  });

  // A POST (it builds a document from the draft), so it carries the form's CSRF token.
  app.post('/ansokan/:id/sammanstallning.pdf', async (request, reply) => {
    const { draft, data } = await loadDraft(request);
    const pdf = await app.summaryPdf(data.application, 'sv');
    return pdf.ok ? sendPdf(reply, pdf) : reply.redirect(inLang(draftPath(draft.id, 'kontrollera'), langOf(request.query)), 303);
  });

  app.get('/ansokan/:id/ansokan.json', async (request, reply) => {
    const { draft, data } = await loadDraft(request);
    return reply.header('content-disposition', `attachment; filename="ansokan-${draft.id.slice(0, 8)}.json"`).send(data.application);
  });

  app.get('/ansokan/:id/bedomning.json', async (request, reply) => {
    const lang = langOf(request.query);
    const { draft, data } = await loadDraft(request);
    const outcome = assessDraft(data, lang);
    reply.header('content-disposition', `attachment; filename="bedomning-${draft.id.slice(0, 8)}.json"`);
    return outcome.ok ? outcome.assessment : reply.status(outcome.problems.status).send(outcome.problems.body);
  });
};

export default result;
