/**
 * The kommun's overview, for its finance staff: every team in the kommun from the drafts marked
 * ready for it (POST /ansokan/{id}/klar or /api/v1/drafts/{id}/ready), whatever the huvudman,
 * assessed afresh, with Skolverket's grant, Socialstyrelsen's matched allocation (9–12 §§,
 * RULEBOOK D8), the part the kommun may use, the repayment risk and, for a team with a risk,
 * how much more social-services staff would remove it (rules/staffing-suggestion.ts).
 *
 *   GET /kommun/{kommunkod}?ar=2026                       the page (?lang=en in English)
 *   GET /kommun/{kommunkod}/oversikt.csv?ar=2026          the same table for Excel
 *   GET /api/v1/municipalities/{kommunkod}/allocation?year=2026   the same as JSON
 *
 * Nothing here shows an individual's salary or cost, nor a draft's id (the id alone opens the
 * draft, salaries and all). Totals are sums of the rows' whole kronor.
 */
import type { FastifyPluginAsync } from 'fastify';
import { parseApplication } from '../../forms/application.ts';
import { municipalities, municipalityName } from '../../forms/municipalities.ts';
import { organiserTypeLabels } from '../../forms/organiser.ts';
import { showDecimal } from '../../forms/input.ts';
import { assess } from '../../rules/assess.ts';
import { formatKronor } from '../../rules/format.ts';
import { knownGrantYears, ruleSetFor } from '../../rules/rule-sets.ts';
import { staffingSuggestion, type StaffingSuggestion } from '../../rules/staffing-suggestion.ts';
import type { Lang, OrganiserType, TeamStatus } from '../../rules/types.ts';
import type { Draft } from '../drafts/store.ts';
import { inLang } from '../journey.ts';
import { langOf, todayInSweden } from '../lang.ts';
import { pageData } from '../page.ts';
import { writeCsv } from '../csv.ts';

export interface OverviewRow {
  organiser: { name: string; orgNumber: string; type: OrganiserType };
  team: string;
  status: TeamStatus;
  skolverketGrant: string;
  matched: string;
  matchedUsable: string;
  repaymentRisk: string;
  /** Without the cost per fte-month: for a team of one social-services member that is the person's cost. */
  staffingSuggestion: Omit<StaffingSuggestion, 'monthlyCostPerFte'> | null;
}

export interface Overview {
  municipalityCode: string;
  municipality: string;
  grantYear: number;
  teams: OverviewRow[];
  totals: { skolverketGrant: string; matched: string; matchedUsable: string; repaymentRisk: string; extraCost: string };
}

function withoutCostPerFte(suggestion: StaffingSuggestion | undefined): OverviewRow['staffingSuggestion'] {
  if (!suggestion) return null;
  const { monthlyCostPerFte: _hidden, ...rest } = suggestion;
  return rest;
}

/** The overview from the drafts marked ready; a draft that does not parse for the year is left out. */
export function buildOverview(drafts: Draft[], municipalityCode: string, grantYear: number, asOf = todayInSweden()): Overview {
  const teams: OverviewRow[] = [];
  for (const draft of drafts) {
    const application = (draft.data as { application?: unknown } | null)?.application;
    const parsed = parseApplication(application, 'sv');
    if (!parsed.ok || parsed.application.grantYear !== grantYear) continue;
    const assessment = assess(parsed.application, { asOf, lang: 'sv' });
    assessment.teams.forEach((team, index) => {
      if (team.municipalityCode !== municipalityCode) return;
      const { name, orgNumber, type } = parsed.application.organiser;
      teams.push({
        organiser: { name, orgNumber, type },
        team: team.name,
        status: team.status,
        skolverketGrant: team.amounts.skolverketGrant,
        // Before bidragsår 2024 there is no matched allocation (the rule set leaves it out).
        matched: team.amounts.matched ?? '0',
        matchedUsable: team.amounts.matchedUsable ?? '0',
        repaymentRisk: team.amounts.repaymentRisk ?? '0',
        staffingSuggestion: withoutCostPerFte(staffingSuggestion(parsed.application.teams[index], team)),
      });
    });
  }
  teams.sort((a, b) => a.organiser.name.localeCompare(b.organiser.name, 'sv') || a.team.localeCompare(b.team, 'sv'));
  const sum = (pick: (row: OverviewRow) => string | undefined) => teams.reduce((total, row) => total + BigInt(pick(row) ?? '0'), 0n).toString();
  return {
    municipalityCode,
    municipality: municipalityName(municipalityCode) ?? '',
    grantYear,
    teams,
    totals: {
      skolverketGrant: sum((r) => r.skolverketGrant),
      matched: sum((r) => r.matched),
      matchedUsable: sum((r) => r.matchedUsable),
      repaymentRisk: sum((r) => r.repaymentRisk),
      extraCost: sum((r) => r.staffingSuggestion?.extraCost),
    },
  };
}

type Suggestion = NonNullable<OverviewRow['staffingSuggestion']>;

const text = {
  sv: {
    title: (name: string) => `Kommunens översikt: ${name}`,
    lead: 'Alla team i kommunen från ansökningar som huvudmännen har markerat som klara för kommunens översikt, bedömda med dagens regler. Beloppen är de högsta som kan lämnas, inte beslut. Personernas löner visas inte.',
    caption: (name: string, year: number) => `Team i ${name}, bidragsår ${year}`,
    organiser: 'Huvudman', type: 'Typ', team: 'Team', status: 'Bedömning',
    grant: 'Skolverkets bidrag', matched: 'Socialstyrelsens belopp', usable: 'Del kommunen får använda', risk: 'Risk att betala tillbaka',
    suggestion: 'Förslag för att ta bort risken',
    suggestionText: (s: Suggestion, lang: Lang) =>
      `${showDecimal(s.fte, lang)} tjänst mer från socialtjänsten under ${showDecimal(s.months, lang)} månader (${formatKronor(s.extraCost, lang)} mer i kostnad${s.basis === 'school' ? ', räknat på skolans snittkostnad' : ''})`,
    total: 'Summa',
    none: 'Inga ansökningar för kommunen och året är markerade som klara ännu.',
    csv: 'Ladda ner tabellen som CSV (för Excel)',
    yearLabel: 'Bidragsår', show: 'Visa', chooseYear: 'Välj bidragsår',
    badYear: 'Välj ett bidragsår i listan.',
    noRuleSet: (year: string) => `Verktyget har inga regler för bidragsår ${year}. Välj ett bidragsår i listan.`,
    statuses: {
      eligible: 'Uppfyller villkoren',
      eligible_aggregate_only: 'Uppfyller villkoren tillsammans med andra team',
      needs_review: 'Behöver bedömas',
      not_eligible: 'Uppfyller inte villkoren',
    } as Record<string, string>,
    start: 'Till startsidan',
  },
  en: {
    title: (name: string) => `The municipality's overview: ${name}`,
    lead: "Every team in the municipality from applications the organisers have marked ready for the municipality's overview, assessed by today's rules. The amounts are the most that can be granted, not decisions. People's salaries are not shown.",
    caption: (name: string, year: number) => `Teams in ${name}, grant year ${year}`,
    organiser: 'Organiser', type: 'Type', team: 'Team', status: 'Assessment',
    grant: "Skolverket's grant", matched: "Socialstyrelsen's amount", usable: 'Part the municipality may use', risk: 'Risk of repayment',
    suggestion: 'Suggestion to remove the risk',
    suggestionText: (s: Suggestion, lang: Lang) =>
      `${showDecimal(s.fte, lang)} more fte from social services for ${showDecimal(s.months, lang)} months (${formatKronor(s.extraCost, lang)} more cost${s.basis === 'school' ? ", at the school's average cost" : ''})`,
    total: 'Total',
    none: 'No applications for the municipality and year are marked ready yet.',
    csv: 'Download the table as CSV (for Excel)',
    yearLabel: 'Grant year', show: 'Show', chooseYear: 'Choose a grant year',
    badYear: 'Choose a grant year from the list.',
    noRuleSet: (year: string) => `The tool has no rules for grant year ${year}. Choose a grant year from the list.`,
    statuses: {
      eligible: 'Meets the conditions',
      eligible_aggregate_only: 'Meets the conditions together with other teams',
      needs_review: 'Needs review',
      not_eligible: 'Does not meet the conditions',
    } as Record<string, string>,
    start: 'To the start page',
  },
};

type YearCheck = { ok: true; year: number } | { ok: false; status: 400 | 404; error: 'invalid_year' | 'no_rule_set'; raw: string };

/** The year asked for: a four-digit year that has rules. */
function checkYear(raw: unknown): YearCheck {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!/^\d{4}$/.test(text)) return { ok: false, status: 400, error: 'invalid_year', raw: text };
  const year = Number(text);
  return ruleSetFor(year) ? { ok: true, year } : { ok: false, status: 404, error: 'no_rule_set', raw: text };
}

const queryOf = (query: unknown) => (typeof query === 'object' && query !== null ? (query as Record<string, unknown>) : {});

export function overviewCsv(overview: Overview, lang: Lang): string {
  const t = text[lang];
  const header = [t.organiser, 'Organisationsnummer', t.type, t.team, t.status, t.grant, t.matched, t.usable, t.risk,
    lang === 'sv' ? 'Förslag: extra tjänst socialtjänsten' : 'Suggestion: extra social-services fte',
    lang === 'sv' ? 'Förslag: extra kostnad' : 'Suggestion: extra cost'];
  const rows = overview.teams.map((r) => [
    r.organiser.name, r.organiser.orgNumber, organiserTypeLabels[lang][r.organiser.type], r.team, t.statuses[r.status],
    r.skolverketGrant, r.matched, r.matchedUsable, r.repaymentRisk,
    r.staffingSuggestion ? showDecimal(r.staffingSuggestion.fte, lang) : '', r.staffingSuggestion?.extraCost ?? '',
  ]);
  const { totals } = overview;
  const total = [t.total, '', '', '', '', totals.skolverketGrant, totals.matched, totals.matchedUsable, totals.repaymentRisk, '', totals.extraCost];
  return writeCsv([header, ...rows, total]);
}

const overview: FastifyPluginAsync = async (app) => {
  const ready = () => app.drafts.listReady();

  app.get<{ Params: { kommunkod: string } }>('/api/v1/municipalities/:kommunkod/allocation', async (request, reply) => {
    const code = request.params.kommunkod;
    if (!municipalityName(code)) return reply.status(404).send({ error: 'unknown_municipality' });
    const year = checkYear(queryOf(request.query).year);
    if (!year.ok) return reply.status(year.status).send(year.status === 404 ? { error: year.error, knownYears: knownGrantYears() } : { error: year.error });
    return buildOverview(await ready(), code, year.year);
  });

  app.get<{ Params: { kommunkod: string } }>('/kommun/:kommunkod/oversikt.csv', async (request, reply) => {
    const lang = langOf(request.query);
    const code = request.params.kommunkod;
    if (!municipalityName(code)) return reply.callNotFound();
    const year = checkYear(queryOf(request.query).ar);
    if (!year.ok) return reply.status(year.status).type('text/plain; charset=utf-8').send(year.status === 400 ? text[lang].badYear : text[lang].noRuleSet(year.raw));
    const csv = overviewCsv(buildOverview(await ready(), code, year.year), lang);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="oversikt-${code}-${year.year}.csv"`)
      .send(csv);
  });

  // The start page's GET form cannot put the kommun in the path; this sends it there.
  app.get('/kommun', async (request, reply) => {
    const query = queryOf(request.query);
    const code = typeof query.kommun === 'string' ? query.kommun : '';
    const lang = langOf(request.query);
    if (!municipalityName(code)) return reply.redirect(inLang('/', lang), 303);
    const year = typeof query.ar === 'string' && /^\d{4}$/.test(query.ar) ? `?ar=${query.ar}` : '';
    return reply.redirect(inLang(`/kommun/${code}${year}`, lang), 303);
  });

  app.get<{ Params: { kommunkod: string } }>('/kommun/:kommunkod', async (request, reply) => {
    const lang = langOf(request.query);
    const t = text[lang];
    const code = request.params.kommunkod;
    const name = municipalityName(code);
    if (!name) return reply.callNotFound();
    const path = `/kommun/${code}`;
    const raw = queryOf(request.query).ar;
    const year = checkYear(raw);
    // The other language's link keeps the year (pageData's alone would drop the query).
    const here = year.ok ? `${path}?ar=${year.year}` : path;
    const base = pageData(lang, path, t.title(name));
    const page = {
      ...base,
      otherLanguage: { ...base.otherLanguage, href: lang === 'sv' ? inLang(here, 'en') : here },
      text: t,
      action: path,
      years: knownGrantYears(),
      startHref: inLang('/', lang),
    };
    if (!year.ok) {
      // No year yet: the form alone. A wrong year: the form with what is wrong, and the status.
      const error = raw === undefined ? undefined : year.status === 400 ? t.badYear : t.noRuleSet(year.raw);
      return reply.status(error ? year.status : 200).view('overview.eta', { ...page, error, chosenYear: undefined, overview: undefined });
    }
    const data = buildOverview(await ready(), code, year.year);
    const kr = (v: string) => formatKronor(v, lang);
    return reply.view('overview.eta', {
      ...page,
      chosenYear: year.year,
      caption: t.caption(name, year.year),
      csvHref: inLang(`${path}/oversikt.csv?ar=${year.year}`, lang),
      overview: {
        rows: data.teams.map((r) => ({
          organiser: r.organiser.name,
          type: organiserTypeLabels[lang][r.organiser.type],
          team: r.team,
          status: t.statuses[r.status],
          grant: kr(r.skolverketGrant),
          matched: kr(r.matched),
          usable: kr(r.matchedUsable),
          risk: kr(r.repaymentRisk),
          suggestion: r.staffingSuggestion ? t.suggestionText(r.staffingSuggestion, lang) : '',
        })),
        totals: { grant: kr(data.totals.skolverketGrant), matched: kr(data.totals.matched), usable: kr(data.totals.matchedUsable), risk: kr(data.totals.repaymentRisk) },
      },
    });
  });
};

/** For the start page's form: every kommun, by name. */
export const municipalityOptions = () => [...municipalities].sort((a, b) => a.name.localeCompare(b.name, 'sv'));

export default overview;
