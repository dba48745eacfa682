/**
 * /ansokan/{id}/redovisning: the settlement of the year (the year after the decision, D19–D23), answer first.
 * On top what Skolverket granted, what the year justified and used, what is unused and to be
 * repaid to Skolverket, what the kommun may keep and repay to Socialstyrelsen, and how many
 * changes are to be reported; below, collapsed, each team's conditions during the year with the
 * staffing chart of what happened and the days below a minimum. Every figure is labelled as
 * the product's estimate: the agencies decide. Worked out afresh from the draft every time, by
 * the same engine as POST /api/v1/settlements.
 */
import type { FastifyPluginAsync } from 'fastify';
import { showDecimal } from '../../../forms/input.ts';
import { municipalityName } from '../../../forms/municipalities.ts';
import { formatCountOf, formatFte, formatKronor, formatList } from '../../../rules/format.ts';
import { sumKronor } from '../../../rules/money.ts';
import { hundredths } from '../../../rules/staffing.ts';
import type { Lang, Settlement } from '../../../rules/types.ts';
import { settleDraft } from '../../drafts/settlement.ts';
import { loadSettlement } from '../../http/draft-request.ts';
import { draftPath, inLang } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { pageData } from '../../page.ts';
import { findingView, resultWords } from '../../result-words.ts';
import { capitalised, settlementWords } from '../../settlement-words.ts';
import { chartLegend, staffingChart } from '../../staffing-chart.ts';
import { settlementPdfForm } from '../../pages/settlement-pdf-form.ts';
import { words } from '../../words/index.ts';

/** The page's own words; the figures' names are the settlement's everywhere (src/settlement-words.ts). */
const text = { sv: words.sv.settlementResult, en: words.en.settlementResult };

/** The names of the figures, as the settlement's catalogue has them, as column and row headings. */
function figureNames(lang: Lang) {
  const w = settlementWords[lang];
  return {
    grant: [w.decided, w.justified, w.used, w.unused],
    matched: [w.received, w.usable, w.repay].map(capitalised),
  };
}

function settlementView(settlement: Settlement, lang: Lang) {
  const t = text[lang];
  const w = settlementWords[lang];
  const names = figureNames(lang);
  const kr = (v: string) => formatKronor(v, lang);
  const fte = (v: string) => formatFte(hundredths(v), lang);
  const municipality = (code: string) => `${municipalityName(code) ?? w.unknownMunicipality} (${code})`;
  const repay = sumKronor(settlement.municipalities.map((m) => m.repay));
  const notMet = settlement.teams.filter((team) => team.conditions === 'not_met');
  const summary = [
    settlement.totals.unused === '0' ? t.summaryAllUsed : t.summaryUnused(kr(settlement.totals.unused)),
    settlement.municipalities.length ? (repay === '0' ? t.summaryNoRepay : t.summaryRepay(kr(repay))) : undefined,
    notMet.length
      ? t.summaryNotMet(
          formatList(
            notMet.map((team) => team.name),
            lang,
          ),
          kr(sumKronor(notMet.map((team) => team.decided))),
        )
      : undefined,
    settlement.changes.length ? t.summaryChanges(formatCountOf(settlement.changes.length, words[lang].count.changes, lang)) : w.noChanges,
  ].filter((line): line is string => line !== undefined);
  const figures = (f: { decided: string; justified: string; used: string; unused: string }) => [f.decided, f.justified, f.used, f.unused].map(kr);
  return {
    summary,
    tone: notMet.length ? 'not_eligible' : settlement.teams.some((team) => team.conditions === 'needs_review') ? 'needs_review' : 'eligible',
    names,
    totals: figures(settlement.totals),
    teamRows: settlement.teams.map((team) => ({ name: team.name, values: figures(team) })),
    municipalities: settlement.municipalities.map((m) => ({ name: municipality(m.municipalityCode), values: [m.received, m.usable, m.repay].map(kr) })),
    // The engine's message names the change, the day it applies from and the agencies to tell.
    changes: settlement.changes.map((c) => ({ head: `${c.from}, ${w.changeKind[c.kind]}`, message: c.message })),
    teams: settlement.teams.map((team, index) => {
      const result = settlement.assessment.teams[index];
      const chartId = `chart-${index + 1}`;
      return {
        number: index + 1,
        name: team.name,
        conditions: team.conditions,
        conditionsLabel: `${w.conditions}: ${w.conditionsValue[team.conditions]}`,
        atRisk: team.conditions === 'not_met' ? w.atRisk(kr(team.decided)) : undefined,
        municipality: municipality(team.matched.municipalityCode),
        period: `${result.period.from} – ${result.period.to}`,
        lowest: t.lowest(showDecimal(result.fte.schoolMin, lang), showDecimal(result.fte.socialServicesMin, lang), showDecimal(result.fte.totalMin, lang)),
        chart: staffingChart(result, chartId, `${chartId}-summary`, lang),
        chartId,
        below: team.belowMinimum.map((b) => `${capitalised(w.side[b.side])} ${b.from}–${b.to}, ${w.lowest(fte(b.lowest), fte(b.minimum))}`),
        figures: [
          ...names.grant.map((name, i) => [name, figures(team)[i]]),
          ...names.matched.map((name, i) => [name, kr([team.matched.received, team.matched.usable, team.matched.repay][i])]),
        ],
        findings: settlement.findings.filter((f) => f.team === index).map((f) => findingView(f, lang)),
      };
    }),
    findings: settlement.findings.filter((f) => f.team === undefined).map((f) => findingView(f, lang)),
  };
}

const result: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/redovisning', async (request, reply) => {
    const lang = langOf(request.query);
    const { draft, data } = await loadSettlement(request);
    const t = text[lang];
    const path = draftPath(draft.id, 'redovisning');
    const year = data.application.grantYear;
    const title = year === undefined ? t.noYear : settlementWords[lang].title(year);
    const outcome = settleDraft(data, lang);
    if (!outcome.ok) {
      const message =
        outcome.reason === 'decisions'
          ? {
              text: t.decisionsMissing(formatList(outcome.missing, lang)),
              link: { href: inLang(draftPath(draft.id, 'beslut'), lang), label: t.enterDecisions },
            }
          : { text: outcome.reason === 'year' ? t.noRules : t.notReady, link: { href: inLang(draftPath(draft.id, 'kontrollera'), lang), label: t.check } };
      return reply.view('message.eta', { ...pageData(lang, path, title), ...message });
    }
    return reply.view('settlement.eta', {
      ...pageData(lang, path, title),
      text: t,
      words: settlementWords[lang],
      fixLabel: resultWords[lang].fix,
      notice: outcome.settlement.notice,
      legend: chartLegend(lang),
      settlement: settlementView(outcome.settlement, lang),
      backHref: inLang(draftPath(draft.id, 'kontrollera'), lang),
      changeHref: inLang(draftPath(draft.id, 'kontrollera'), lang),
      pdf: settlementPdfForm(draft.id, lang, reply),
    });
  });
};

export default result;
