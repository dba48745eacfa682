/**
 * /ansokan/{id}/redovisning: the settlement of the year (RULEBOOK §6, D19–D23), answer first.
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
import { formatFte, formatKronor, formatList } from '../../../rules/format.ts';
import { sumKronor } from '../../../rules/money.ts';
import { hundredths } from '../../../rules/staffing.ts';
import type { Lang, Settlement } from '../../../rules/types.ts';
import { loadSettlement, settleDraft } from '../../drafts/settlement.ts';
import { draftPath, inLang } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { pageData } from '../../page.ts';
import { findingView, resultWords } from '../../result-words.ts';
import { settlementWords } from '../../settlement-words.ts';
import { chartLegend, staffingChart } from '../../staffing-chart.ts';
import { settlementPdfForm } from './pdf.ts';

/** The page's own words; the figures' names are the settlement's everywhere (src/settlement-words.ts). */
const text = {
  sv: {
    estimate: 'Uppskattning — myndigheten beslutar',
    summaryUnused: (unused: string) => `Uppskattningsvis ${unused} av Skolverkets bidrag har inte använts och ska betalas tillbaka till Skolverket.`,
    summaryAllUsed: 'Uppskattningsvis har hela Skolverkets bidrag använts; inget behöver betalas tillbaka som outnyttjat.',
    summaryRepay: (repay: string) => `Kommunen ska uppskattningsvis betala tillbaka ${repay} till Socialstyrelsen.`,
    summaryNoRepay: 'Kommunen får uppskattningsvis använda hela beloppet från Socialstyrelsen.',
    summaryNotMet: (teams: string, upTo: string) => `Villkoren var inte uppfyllda under året för ${teams}: Skolverket kan kräva tillbaka upp till ${upTo}.`,
    summaryChanges: (n: number) => (n === 1 ? 'En förändring ska anmälas, se nedan.' : `${n} förändringar ska anmälas, se nedan.`),
    teamsCaption: 'Skolverkets bidrag per team',
    team: 'Team',
    municipalitiesCaption: 'Kommunens pengar från Socialstyrelsen',
    municipality: 'Kommun',
    changesLead: 'Förändringar som påverkar rätten till bidraget ska anmälas utan dröjsmål (15 §). Har de inte anmälts under året, ta med dem i redovisningen.',
    staffing: 'Bemanningen som den blev, dag för dag',
    lowest: (s: string, ss: string, t: string) => `Lägst ${s} skolpersonal och ${ss} från socialtjänsten en och samma dag; lägst ${t} totalt.`,
    findings: 'Bedömningen i detalj',
    change: 'Ändra uppgifterna',
    decisionsMissing: (teams: string) => `Skolverkets beslut saknas för ${teams}. Fyll i beslutet först.`,
    enterDecisions: 'Fyll i Skolverkets beslut',
    notReady: 'Det saknas uppgifter om det som blev. Gå till Kontrollera redovisningen och fyll i dem först.',
    check: 'Kontrollera redovisningen',
    noRules: 'Redovisning stöds från bidragsår 2024. Välj ett bidragsår från 2024 eller redovisa direkt hos myndigheterna.',
    noYear: 'Redovisning',
  },
  en: {
    estimate: 'Estimate — the agency decides',
    summaryUnused: (unused: string) => `An estimated ${unused} of Skolverket's grant was not used and is to be repaid to Skolverket.`,
    summaryAllUsed: "An estimate: all of Skolverket's grant was used; nothing is to be repaid as unused.",
    summaryRepay: (repay: string) => `The municipality is to repay an estimated ${repay} to Socialstyrelsen.`,
    summaryNoRepay: 'An estimate: the municipality may use all of the amount from Socialstyrelsen.',
    summaryNotMet: (teams: string, upTo: string) => `The conditions were not met during the year for ${teams}: Skolverket may claim back up to ${upTo}.`,
    summaryChanges: (n: number) => (n === 1 ? 'One change is to be reported, see below.' : `${n} changes are to be reported, see below.`),
    teamsCaption: "Skolverket's grant per team",
    team: 'Team',
    municipalitiesCaption: "The municipality's money from Socialstyrelsen",
    municipality: 'Municipality',
    changesLead: 'Changes that affect the right to the grant are to be reported without delay (15 §). If they were not reported during the year, include them in the report.',
    staffing: 'The staffing as it was, day by day',
    lowest: (s: string, ss: string, t: string) => `Lowest ${s} school staff and ${ss} from social services on any one day; lowest ${t} in total.`,
    findings: 'The assessment in detail',
    change: 'Change the details',
    decisionsMissing: (teams: string) => `Skolverket's decision is missing for ${teams}. Enter the decision first.`,
    enterDecisions: "Enter Skolverket's decision",
    notReady: 'Some details of what happened are missing. Go to Check the report and fill them in first.',
    check: 'Check the report',
    noRules: 'Reports are supported from grant year 2024. Choose a grant year from 2024 or report directly to the agencies.',
    noYear: 'Report',
  },
};

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

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
    notMet.length ? t.summaryNotMet(formatList(notMet.map((team) => team.name), lang), kr(sumKronor(notMet.map((team) => team.decided)))) : undefined,
    settlement.changes.length ? t.summaryChanges(settlement.changes.length) : w.noChanges,
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
        figures: [...names.grant.map((name, i) => [name, figures(team)[i]]), ...names.matched.map((name, i) => [name, kr([team.matched.received, team.matched.usable, team.matched.repay][i])])],
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
          ? { text: t.decisionsMissing(formatList(outcome.missing, lang)), link: { href: inLang(draftPath(draft.id, 'beslut'), lang), label: t.enterDecisions } }
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
