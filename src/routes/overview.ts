/**
 * The kommun's overview, for its finance staff, by capability rather than by kommunkod: they
 * create an overview for a kommun and bidragsår and get two unguessable values, the overview's
 * key (its link opens it) and a submission code to send to the huvudmän. A coordinator shares a
 * draft into it with the code (src/routes/journey/share-overview.ts). The overview shows each
 * shared team in the kommun for the year: huvudman name, team, verdict, Skolverket's grant,
 * Socialstyrelsen's matched allocation (9–12 §§, RULEBOOK D8), the part the kommun may use, the
 * repayment risk and a staffing suggestion (rules/staffing-suggestion.ts), from the summaries
 * stored when each draft was saved or shared. Never salaries, org numbers, people or draft ids.
 *
 *   GET  /oversikt/ny                     the form to create one (POST: create it, show key and code once)
 *   GET  /oversikt/{key}                  the overview (?lang=en in English)
 *   GET  /oversikt/{key}/oversikt.csv     the same table for Excel
 *   POST /oversikt/{key}/ny-lank          a new key (the old link stops working)
 *   POST /oversikt/{key}/ny-kod           a new submission code (the old code stops working)
 *   POST /oversikt/{key}/stang            revoke it: key and code stop working, shares removed
 *   GET  /kommun/…                        the old overview by kommunkod: a 404 page that explains the new way
 *
 * Totals are sums of the rows' whole kronor, split into settled and pending (RULEBOOK D18).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { municipalitiesByName, municipalityName } from '../../forms/municipalities.ts';
import { organiserTypeLabels } from '../../forms/organiser.ts';
import { showDecimal } from '../../forms/input.ts';
import { parseNewOverview } from '../../forms/overview.ts';
import type { FieldError } from '../../forms/page-form.ts';
import { formatKronor } from '../../rules/format.ts';
import { knownGrantYears } from '../../rules/rule-sets.ts';
import { roundBeingPrepared } from '../grant-round.ts';
import type { Lang, TeamStatusWithMoney } from '../../rules/types.ts';
import { NotFoundError } from '../http/draft-request.ts';
import type { OverviewFigures, OverviewRecord, OverviewTeam } from '../drafts/overviews.ts';
import { inLang } from '../journey.ts';
import { langOf, todayInSweden } from '../lang.ts';
import { pageData, renderForm } from '../page.ts';
import { writeCsv } from '../../forms/csv.ts';
import { resultWords, settledAndPending } from '../result-words.ts';
import { capitalised, overviewSettlementWords, settlementWords } from '../settlement-words.ts';
import { windowOf, windowText, type WindowData } from '../windows.ts';
import { showTime } from './journey/handoff.ts';
import { words } from '../words/index.ts';
import { staffingSuggestionText } from '../words/labels.ts';

export interface Overview {
  municipalityCode: string;
  municipality: string;
  grantYear: number;
  teams: OverviewTeam[];
  /**
   * Sums of the rows. `byTeamStatus` splits the teams from applications by status (D18);
   * `decided` is the part from teams with Skolverket's decision entered (settlements). The
   * parts add up to the totals.
   */
  totals: Amounts & { extraCost: string; byTeamStatus: Record<TeamStatusWithMoney, Amounts>; decided: Amounts };
  /** What the kommun requisitions from Socialstyrelsen: the decided grants of its teams (D22), and when. */
  requisition: Requisition;
  /** Shared drafts that could not be counted: incomplete, or with no team in the kommun for the year any more. */
  uncounted: number;
  expiresAt: string;
}

/**
 * What the kommun requisitions from Socialstyrelsen (D22: it receives the decided grant of each
 * of its teams): the sum of the decided grants in the settlements shared with the overview, how
 * many teams that is, and Socialstyrelsen's window for the year where known or estimated.
 */
export interface Requisition {
  amount: string;
  teams: number;
  window: WindowData | null;
}

const byOrganiserAndTeam = (a: OverviewTeam, b: OverviewTeam) => a.organiser.name.localeCompare(b.organiser.name, 'sv') || a.team.localeCompare(b.team, 'sv');

/**
 * The teams that several shared drafts hold, each counted once: "Team Norr (Exempla kommun)", or
 * nothing to say. `settlement`: those counted from a settlement (beside their application, as
 * expected), else those counted from the application saved last (an old copy to withdraw).
 */
function countedOnceNotice(teams: OverviewTeam[], settlement: boolean, say: (teams: string[]) => string): string | undefined {
  const repeated = teams
    .filter((team) => (team.copies ?? 1) > 1 && Boolean(team.settlement) === settlement)
    .map((team) => `${team.team} (${team.organiser.name})`);
  return repeated.length ? say(repeated) : undefined;
}

type Amounts = Pick<OverviewTeam, 'skolverketGrant' | 'matched' | 'matchedUsable' | 'repaymentRisk'>;
const AMOUNTS = ['skolverketGrant', 'matched', 'matchedUsable', 'repaymentRisk'] as const;
const WITH_MONEY: TeamStatusWithMoney[] = ['eligible', 'eligible_aggregate_only', 'needs_review'];

const sum = (teams: OverviewTeam[], pick: (row: OverviewTeam) => string | undefined) =>
  teams.reduce((total, row) => total + BigInt(pick(row) ?? '0'), 0n).toString();
const amountsOf = (teams: OverviewTeam[]): Amounts => Object.fromEntries(AMOUNTS.map((a) => [a, sum(teams, (r) => r[a])])) as Amounts;

/**
 * Totals are sums of the rows. The rows from applications are split by team status as the
 * assessment's `amounts.byTeamStatus` is (RULEBOOK D18): a team that does not meet the
 * conditions carries nothing. The rows from settlements carry Skolverket's decision and are
 * their own part, `decided`. So the parts add up to the totals.
 */
function totalsOf(teams: OverviewTeam[]): Overview['totals'] {
  const applied = teams.filter((r) => !r.settlement);
  return {
    ...amountsOf(teams),
    extraCost: sum(teams, (r) => r.staffingSuggestion?.extraCost),
    byTeamStatus: Object.fromEntries(WITH_MONEY.map((status) => [status, amountsOf(applied.filter((r) => r.status === status))])) as Record<
      TeamStatusWithMoney,
      Amounts
    >,
    decided: amountsOf(teams.filter((r) => r.settlement)),
  };
}

function requisitionOf(grantYear: number, teams: OverviewTeam[]): Requisition {
  const decided = teams.filter((r) => r.settlement);
  return { amount: sum(decided, (r) => r.settlement?.decided), teams: decided.length, window: windowOf(grantYear, 'requisition') };
}

/** The overview as the JSON API, the CSV and the page have it. */
function overviewOf(record: OverviewRecord, figures: OverviewFigures): Overview {
  const teams = [...figures.teams].sort(byOrganiserAndTeam);
  const totals = totalsOf(teams);
  return {
    municipalityCode: record.municipalityCode,
    municipality: municipalityName(record.municipalityCode) ?? '',
    grantYear: record.grantYear,
    teams,
    totals,
    requisition: requisitionOf(record.grantYear, teams),
    uncounted: figures.uncounted,
    expiresAt: record.expiresAt,
  };
}

/** The overview its key opens, with its figures; undefined for an unknown, renewed or revoked key. */
export async function loadOverview(request: FastifyRequest, key: string): Promise<Overview | undefined> {
  const record = await request.server.drafts.openOverview(key);
  return record && overviewOf(record, await request.server.drafts.overviewFigures(record));
}

const overviewText = { sv: words.sv.overview, en: words.en.overview };

/** What the kommun sees, as a table: the overview page and the coordinator's preview before sharing. */
export function overviewTable(teams: OverviewTeam[], lang: Lang, caption: string) {
  const t = overviewText[lang];
  const kr = (v: string) => formatKronor(v, lang);
  const totals = totalsOf(teams);
  return {
    caption,
    text: t,
    rows: teams.map((r) => ({
      organiser: r.organiser.name,
      type: organiserTypeLabels[lang][r.organiser.type],
      team: r.team,
      status: words[lang].labels.teamStatus[r.status],
      grant: r.settlement ? `${kr(r.skolverketGrant)} (${overviewSettlementWords[lang].decidedMark})` : kr(r.skolverketGrant),
      matched: kr(r.matched),
      usable: kr(r.matchedUsable),
      risk: kr(r.repaymentRisk),
      suggestion: r.staffingSuggestion ? staffingSuggestionText(r.staffingSuggestion, lang) : '',
    })),
    totals: { grant: kr(totals.skolverketGrant), matched: kr(totals.matched), usable: kr(totals.matchedUsable), risk: kr(totals.repaymentRisk) },
    parts: splitOf(totals, lang).map(({ label, amounts }) => ({ label, amounts: amounts.map(kr) })),
  };
}

/**
 * The totals' parts, each as its label and the four amounts in the table's order: decided (from
 * settlements, when there are any), then settled and pending (D18).
 */
function splitOf(totals: Overview['totals'], lang: Lang): Array<{ label: string; amounts: string[] }> {
  const { settled, pending } = settledAndPending(totals.byTeamStatus, [...AMOUNTS]);
  const decided = AMOUNTS.map((a) => totals.decided[a]);
  return [
    ...(decided.some((v) => v !== '0') ? [{ label: overviewSettlementWords[lang].decidedPart, amounts: decided }] : []),
    { label: resultWords[lang].settled, amounts: settled },
    { label: resultWords[lang].pending, amounts: pending },
  ];
}

/** What to requisition, when, and what the kommun needs for it. */
function requisitionView(overview: Overview, lang: Lang) {
  const w = overviewSettlementWords[lang];
  const { amount, teams, window } = overview.requisition;
  return {
    heading: w.requisitionHeading,
    text: teams > 0 ? w.requisitionAmount(formatKronor(amount, lang), teams) : w.requisitionNone,
    window: window ? { label: w.requisitionWindow, text: windowText(window, lang), url: window.source.url } : undefined,
    unknown: window ? undefined : w.requisitionUnknown(overview.grantYear),
    prerequisitesHeading: w.prerequisitesHeading,
    prerequisites: w.prerequisites,
  };
}

/** The teams from settlements, with what was used and what the kommun may use and repay; none without. */
function afterYearTable(overview: Overview, lang: Lang) {
  const w = overviewSettlementWords[lang];
  const teams = overview.teams.filter((r) => r.settlement);
  if (teams.length === 0) return undefined;
  const kr = (v: string) => formatKronor(v, lang);
  return {
    heading: w.afterYearHeading,
    lead: w.afterYearLead,
    caption: w.afterYearCaption(overview.municipality, overview.grantYear),
    text: { ...w.columns, organiser: overviewText[lang].organiser, team: overviewText[lang].team },
    rows: teams.flatMap(({ organiser, team, settlement: s }) =>
      s
        ? [
            {
              organiser: organiser.name,
              team,
              decidedOn: s.decidedOn ?? w.notGiven,
              conditions: capitalised(settlementWords[lang].conditionsValue[s.conditions]),
              decided: kr(s.decided),
              unused: kr(s.unused),
              received: kr(s.received),
              usable: kr(s.usable),
              repay: kr(s.repay),
            },
          ]
        : [],
    ),
  };
}

function overviewCsv(overview: Overview, lang: Lang): string {
  const t = overviewText[lang];
  const w = overviewSettlementWords[lang];
  const header = [
    t.organiser,
    t.type,
    t.team,
    t.status,
    t.grant,
    t.matched,
    t.usable,
    t.risk,
    t.csvSuggestionFte,
    t.csvSuggestionCost,
    w.csv.basis,
    w.csv.decided,
    w.csv.decidedOn,
    w.csv.unused,
  ];
  const rows = overview.teams.map((r) => [
    r.organiser.name,
    organiserTypeLabels[lang][r.organiser.type],
    r.team,
    words[lang].labels.teamStatus[r.status],
    r.skolverketGrant,
    r.matched,
    r.matchedUsable,
    r.repaymentRisk,
    r.staffingSuggestion ? showDecimal(r.staffingSuggestion.fte, lang) : '',
    r.staffingSuggestion?.extraCost ?? '',
    w.basis[r.settlement ? 'settlement' : 'application'],
    r.settlement?.decided ?? '',
    r.settlement?.decidedOn ?? '',
    r.settlement?.unused ?? '',
  ]);
  const { totals } = overview;
  const total = [
    t.total,
    '',
    '',
    '',
    totals.skolverketGrant,
    totals.matched,
    totals.matchedUsable,
    totals.repaymentRisk,
    '',
    totals.extraCost,
    '',
    overview.requisition.amount,
    '',
    '',
  ];
  const parts = splitOf(totals, lang).map(({ label, amounts }) => [label, '', '', '', ...amounts, '', '', '', '', '', '']);
  return writeCsv([header, ...rows, total, ...parts]);
}

/** The paths of an overview, for the pages and the API's links. */
export const overviewPath = (key: string, rest = ''): string => `/oversikt/${key}${rest}`;

const newText = { sv: words.sv.overviewNew, en: words.en.overviewNew };

/** For the form: every kommun, by name. */

const absolute = (request: FastifyRequest, path: string) => `${request.protocol}://${request.host}${path}`;

/** The page that shows a new key and/or code once, with what each is for. */
function showLinks(request: FastifyRequest, reply: FastifyReply, record: OverviewRecord, shown: { key: boolean; code: boolean }) {
  const lang = langOf(request.query);
  const t = newText[lang];
  const title = shown.key && shown.code ? t.createdTitle : shown.key ? t.newKeyTitle : t.newCodeTitle;
  const page = overviewPath(record.key);
  return reply.view('overview-links.eta', {
    ...pageData(lang, page, title),
    text: t,
    forWhat: t.forWhat(municipalityName(record.municipalityCode) ?? '', record.grantYear),
    keyUrl: shown.key ? absolute(request, page) : undefined,
    code: shown.code ? record.submissionCode : undefined,
    openHref: inLang(page, lang),
  });
}

function renderNew(reply: FastifyReply, lang: Lang, values: { municipalityCode?: unknown; grantYear?: unknown } = {}, errors: FieldError[] = []) {
  return renderForm(reply, 'overview-new.eta', {
    lang,
    path: '/oversikt/ny',
    title: newText[lang].title,
    errors,
    text: newText[lang],
    action: inLang('/oversikt/ny', lang),
    backHref: inLang('/', lang),
    municipalities: municipalitiesByName,
    years: knownGrantYears(),
    value: { municipalityCode: String(values.municipalityCode ?? ''), grantYear: String(values.grantYear ?? roundBeingPrepared(todayInSweden())) },
  });
}

const oldText = { sv: words.sv.overviewOld, en: words.en.overviewOld };

const overview: FastifyPluginAsync = async (app) => {
  app.get('/oversikt/ny', async (request, reply) => renderNew(reply, langOf(request.query)));

  app.post('/oversikt/ny', async (request, reply) => {
    const lang = langOf(request.query);
    const form = parseNewOverview(request.body, lang);
    if (!form.ok) return renderNew(reply, lang, (request.body ?? {}) as object, form.errors);
    const record = await app.drafts.createOverview(form.value.municipalityCode, form.value.grantYear);
    return showLinks(request, reply, record, { key: true, code: true });
  });

  app.get<{ Params: { key: string } }>('/oversikt/:key', async (request, reply) => {
    const lang = langOf(request.query);
    const t = overviewText[lang];
    const { key } = request.params;
    const data = await loadOverview(request, key);
    if (!data) throw new NotFoundError();
    const action = (rest: string) => inLang(overviewPath(key, rest), lang);
    return reply.view('overview.eta', {
      ...pageData(lang, overviewPath(key), t.title(data.municipality, data.grantYear)),
      text: t,
      csrfToken: reply.generateCsrf(),
      uncounted: data.uncounted ? t.uncounted(data.uncounted) : undefined,
      countedOnce: countedOnceNotice(data.teams, false, t.counted_once),
      fromSettlement: countedOnceNotice(data.teams, true, overviewSettlementWords[lang].fromSettlement),
      requisition: requisitionView(data, lang),
      afterYear: afterYearTable(data, lang),
      table: data.teams.length ? overviewTable(data.teams, lang, t.caption(data.municipality, data.grantYear)) : undefined,
      csvHref: action('/oversikt.csv'),
      kept: t.kept(showTime(data.expiresAt)),
      actions: { key: action('/ny-lank'), code: action('/ny-kod'), revoke: action('/stang') },
      startHref: inLang('/', lang),
    });
  });

  app.get<{ Params: { key: string } }>('/oversikt/:key/oversikt.csv', async (request, reply) => {
    const data = await loadOverview(request, request.params.key);
    if (!data) throw new NotFoundError();
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="oversikt-${data.municipalityCode}-${data.grantYear}.csv"`)
      .send(overviewCsv(data, langOf(request.query)));
  });

  for (const [path, what] of [
    ['/ny-lank', 'key'],
    ['/ny-kod', 'submissionCode'],
  ] as const) {
    app.post<{ Params: { key: string } }>(`/oversikt/:key${path}`, async (request, reply) => {
      const record = await app.drafts.renewOverview(request.params.key, what);
      if (!record) throw new NotFoundError();
      return showLinks(request, reply, record, { key: what === 'key', code: what === 'submissionCode' });
    });
  }

  app.post<{ Params: { key: string } }>('/oversikt/:key/stang', async (request, reply) => {
    const lang = langOf(request.query);
    if (!(await app.drafts.revokeOverview(request.params.key))) throw new NotFoundError();
    const t = overviewText[lang];
    return reply.view('message.eta', { ...pageData(lang, '/', t.revoke), text: t.revoked, link: { href: inLang('/', lang), label: t.start } });
  });

  // The overview by kommunkod is gone: say where it went, with the status of a page that is not here.
  const moved = async (request: FastifyRequest, reply: FastifyReply) => {
    const lang = langOf(request.query);
    const t = oldText[lang];
    return reply
      .status(404)
      .view('message.eta', { ...pageData(lang, '/kommun', t.title), text: t.text, link: { href: inLang('/oversikt/ny', lang), label: t.link } });
  };
  app.get('/kommun', moved);
  app.get('/kommun/*', moved);
};

export default overview;
