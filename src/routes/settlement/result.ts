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
import { formatKronor, formatList } from '../../../rules/format.ts';
import type { Lang, Settlement } from '../../../rules/types.ts';
import { loadSettlement, settleDraft } from '../../drafts/settlement.ts';
import { draftPath, inLang } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { pageData } from '../../page.ts';
import { findingView, resultWords } from '../../result-words.ts';
import { chartLegend, staffingChart } from '../../staffing-chart.ts';

const text = {
  sv: {
    title: (year: number | undefined) => (year ? `Redovisning av bidragsår ${year}` : 'Redovisning'),
    estimate: 'Uppskattning — myndigheten beslutar',
    decided: 'Beviljat av Skolverket',
    justified: 'Motiverat av det som blev',
    used: 'Använt',
    unused: 'Outnyttjat, att betala tillbaka till Skolverket',
    summaryUnused: (unused: string) => `Uppskattningsvis ${unused} av Skolverkets bidrag har inte använts och ska betalas tillbaka till Skolverket.`,
    summaryAllUsed: 'Uppskattningsvis har hela Skolverkets bidrag använts; inget behöver betalas tillbaka som outnyttjat.',
    summaryRepay: (repay: string) => `Kommunen ska uppskattningsvis betala tillbaka ${repay} till Socialstyrelsen.`,
    summaryNoRepay: 'Kommunen får uppskattningsvis använda hela beloppet från Socialstyrelsen.',
    summaryNotMet: (teams: string, upTo: string) => `Villkoren följdes inte under året för ${teams}: hela det beviljade bidraget, upp till ${upTo}, kan krävas tillbaka.`,
    summaryChanges: (n: number) => (n === 1 ? 'En förändring ska anmälas, se nedan.' : `${n} förändringar ska anmälas, se nedan.`),
    summaryNoChanges: 'Inga förändringar mot ansökan att anmäla.',
    teamsCaption: 'Skolverkets bidrag per team',
    team: 'Team',
    total: 'Summa',
    municipalitiesHeading: 'Kommunens pengar från Socialstyrelsen',
    municipality: 'Kommun',
    received: 'Mottaget',
    usable: 'Får användas',
    repay: 'Att betala tillbaka till Socialstyrelsen',
    teamReceived: 'Kommunen fick från Socialstyrelsen',
    teamUsable: 'Kommunen får använda',
    teamRepay: 'Kommunen betalar tillbaka till Socialstyrelsen',
    changesHeading: 'Förändringar att anmäla',
    changesLead: 'Förändringar som påverkar rätten till bidraget ska anmälas utan dröjsmål (15 §). Har de inte anmälts under året, ta med dem i redovisningen.',
    changeFrom: (from: string) => `Från ${from}`,
    conditions: { met: 'Villkoren följdes', needs_review: 'Behöver bedömas', not_met: 'Villkoren följdes inte' } as Record<string, string>,
    duringYear: 'Villkoren under året',
    staffing: 'Bemanningen som den blev, dag för dag',
    lowest: (s: string, ss: string, t: string) => `Lägst ${s} skolpersonal och ${ss} från socialtjänsten en och samma dag; lägst ${t} totalt.`,
    belowHeading: 'Dagar under ett minimikrav',
    below: (side: string, minimum: string, from: string, to: string, lowest: string) => `${side} under ${minimum} från ${from} till ${to}, lägst ${lowest}.`,
    sides: { school: 'Skolpersonal', social_services: 'Socialtjänsten', total: 'Teamet totalt' } as Record<string, string>,
    notMetRisk: (upTo: string) => `Hela det beviljade bidraget, upp till ${upTo}, kan krävas tillbaka eftersom villkoren inte följdes.`,
    findings: 'Bedömningen i detalj',
    change: 'Ändra uppgifterna',
    decisionsMissing: (teams: string) => `Skolverkets beslut saknas för ${teams}. Fyll i beslutet först.`,
    enterDecisions: 'Fyll i Skolverkets beslut',
    notReady: 'Det saknas uppgifter om det som blev. Gå till Kontrollera redovisningen och fyll i dem först.',
    check: 'Kontrollera redovisningen',
    noRules: 'Redovisning stöds från bidragsår 2024. Välj ett bidragsår från 2024 eller redovisa direkt hos myndigheterna.',
  },
  en: {
    title: (year: number | undefined) => (year ? `Report of grant year ${year}` : 'Report'),
    estimate: 'Estimate — the agency decides',
    decided: 'Granted by Skolverket',
    justified: 'Justified by what happened',
    used: 'Used',
    unused: 'Unused, to repay to Skolverket',
    summaryUnused: (unused: string) => `An estimated ${unused} of Skolverket's grant was not used and is to be repaid to Skolverket.`,
    summaryAllUsed: "An estimate: all of Skolverket's grant was used; nothing is to be repaid as unused.",
    summaryRepay: (repay: string) => `The municipality is to repay an estimated ${repay} to Socialstyrelsen.`,
    summaryNoRepay: 'An estimate: the municipality may use all of the amount from Socialstyrelsen.',
    summaryNotMet: (teams: string, upTo: string) => `The conditions were not followed during the year for ${teams}: the whole grant, up to ${upTo}, may be claimed back.`,
    summaryChanges: (n: number) => (n === 1 ? 'One change is to be reported, see below.' : `${n} changes are to be reported, see below.`),
    summaryNoChanges: 'No changes from the application to report.',
    teamsCaption: "Skolverket's grant per team",
    team: 'Team',
    total: 'Total',
    municipalitiesHeading: "The municipality's money from Socialstyrelsen",
    municipality: 'Municipality',
    received: 'Received',
    usable: 'May be used',
    repay: 'To repay to Socialstyrelsen',
    teamReceived: 'The municipality received from Socialstyrelsen',
    teamUsable: 'The municipality may use',
    teamRepay: 'The municipality repays to Socialstyrelsen',
    changesHeading: 'Changes to report',
    changesLead: 'Changes that affect the right to the grant are to be reported without delay (15 §). If they were not reported during the year, include them in the report.',
    changeFrom: (from: string) => `From ${from}`,
    conditions: { met: 'The conditions were followed', needs_review: 'Needs review', not_met: 'The conditions were not followed' } as Record<string, string>,
    duringYear: 'The conditions during the year',
    staffing: 'The staffing as it was, day by day',
    lowest: (s: string, ss: string, t: string) => `Lowest ${s} school staff and ${ss} from social services on any one day; lowest ${t} in total.`,
    belowHeading: 'Days below a minimum',
    below: (side: string, minimum: string, from: string, to: string, lowest: string) => `${side} below ${minimum} from ${from} to ${to}, lowest ${lowest}.`,
    sides: { school: 'School staff', social_services: 'Social services', total: 'The team in total' } as Record<string, string>,
    notMetRisk: (upTo: string) => `The whole grant, up to ${upTo}, may be claimed back because the conditions were not followed.`,
    findings: 'The assessment in detail',
    change: 'Change the details',
    decisionsMissing: (teams: string) => `Skolverket's decision is missing for ${teams}. Enter the decision first.`,
    enterDecisions: "Enter Skolverket's decision",
    notReady: 'Some details of what happened are missing. Go to Check the report and fill them in first.',
    check: 'Check the report',
    noRules: 'Reports are supported from grant year 2024. Choose a grant year from 2024 or report directly to the agencies.',
  },
};

export type SettlementText = (typeof text)['sv'];

function settlementView(settlement: Settlement, lang: Lang) {
  const t = text[lang];
  const kr = (v: string) => formatKronor(v, lang);
  const municipality = (code: string) => `${municipalityName(code) ?? ''} (${code})`;
  const repay = settlement.municipalities.reduce((sum, m) => sum + BigInt(m.repay), 0n).toString();
  const notMet = settlement.teams.filter((team) => team.conditions === 'not_met');
  const upTo = notMet.reduce((sum, team) => sum + BigInt(team.decided), 0n).toString();
  const summary = [
    settlement.totals.unused === '0' ? t.summaryAllUsed : t.summaryUnused(kr(settlement.totals.unused)),
    settlement.municipalities.length ? (repay === '0' ? t.summaryNoRepay : t.summaryRepay(kr(repay))) : undefined,
    notMet.length ? t.summaryNotMet(formatList(notMet.map((team) => team.name), lang), kr(upTo)) : undefined,
    settlement.changes.length ? t.summaryChanges(settlement.changes.length) : t.summaryNoChanges,
  ].filter((line): line is string => line !== undefined);
  const figures = (f: { decided: string; justified: string; used: string; unused: string }) => [f.decided, f.justified, f.used, f.unused].map(kr);
  return {
    summary,
    tone: notMet.length ? 'not_eligible' : settlement.teams.some((team) => team.conditions === 'needs_review') ? 'needs_review' : 'eligible',
    totals: figures(settlement.totals),
    teamRows: settlement.teams.map((team) => ({ name: team.name, values: figures(team) })),
    municipalities: settlement.municipalities.map((m) => ({ name: municipality(m.municipalityCode), values: [m.received, m.usable, m.repay].map(kr) })),
    // The engine's message names the change, the day it applies from and the agencies to tell.
    changes: settlement.changes.map((c) => ({ from: t.changeFrom(c.from), message: c.message })),
    teams: settlement.teams.map((team, index) => {
      const result = settlement.assessment.teams[index];
      const chartId = `chart-${index + 1}`;
      return {
        number: index + 1,
        name: team.name,
        conditions: team.conditions,
        conditionsLabel: t.conditions[team.conditions],
        notMetRisk: team.conditions === 'not_met' ? t.notMetRisk(kr(team.decided)) : undefined,
        municipality: municipality(team.matched.municipalityCode),
        period: `${result.period.from} – ${result.period.to}`,
        lowest: t.lowest(showDecimal(result.fte.schoolMin, lang), showDecimal(result.fte.socialServicesMin, lang), showDecimal(result.fte.totalMin, lang)),
        chart: staffingChart(result, chartId, `${chartId}-summary`, lang),
        chartId,
        below: team.belowMinimum.map((b) => t.below(t.sides[b.side], showDecimal(b.minimum, lang), b.from, b.to, showDecimal(b.lowest, lang))),
        figures: [
          [t.decided, kr(team.decided)],
          [t.justified, kr(team.justified)],
          [t.used, kr(team.used)],
          [t.unused, kr(team.unused)],
          [t.teamReceived, kr(team.matched.received)],
          [t.teamUsable, kr(team.matched.usable)],
          [t.teamRepay, kr(team.matched.repay)],
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
    const title = t.title(data.application.grantYear);
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
      fixLabel: resultWords[lang].fix,
      notice: outcome.settlement.notice,
      legend: chartLegend(lang),
      settlement: settlementView(outcome.settlement, lang),
      backHref: inLang(draftPath(draft.id, 'kontrollera'), lang),
      changeHref: inLang(draftPath(draft.id, 'kontrollera'), lang),
    });
  });
};

export default result;
