/**
 * Validation of a settlement request (POST /api/v1/settlements, `sst-bidrag settle`): the
 * application as carried out, Skolverket's decision per team and, optionally, the application
 * as applied for (decisions D19, D23). Every problem is reported with its path under
 * `application.`, `decision.` or `applied.`, as for an assessment; a bidragsår without
 * settlement rules is a 422 when nothing else is wrong.
 */
import { Decimal } from 'decimal.js';
import { settlementRuleSetFor } from '../rules/settlement.ts';
import { knownGrantYears } from '../rules/rule-sets.ts';
import type { Application, Lang, SettlementInput } from '../rules/types.ts';
import { parseApplication } from './application.ts';
import { isoDate } from './input.ts';

type Issue = { path: string; message: string };

export type SettlementParseResult =
  | { ok: true; input: SettlementInput }
  | { ok: false; status: 400; body: { error: 'invalid_application'; issues: Issue[] } }
  | { ok: false; status: 422; body: { error: 'no_settlement_rules'; grantYear: number; settlementYears: number[]; message: string } };

const text = {
  request: {
    sv: 'Skicka redovisningen som ett JSON-objekt med application, decision och, om du vill, applied.',
    en: 'Send the settlement as a JSON object with application, decision and, optionally, applied.',
  },
  decision: {
    sv: 'Ange Skolverkets beslut som ett objekt med teams: en post per team i application, i samma ordning.',
    en: "Enter Skolverket's decision as an object with teams: one entry per team in application, in the same order.",
  },
  decisionTeams: {
    sv: 'Ange ett beslut per team i application, i samma ordning ({count} st).',
    en: 'Give one decision per team in application, in the same order ({count}).',
  },
  decisionTeam: {
    sv: 'Ange beslutet för teamet som ett objekt med skolverketGrant.',
    en: 'Enter the decision for the team as an object with skolverketGrant.',
  },
  skolverketGrant: {
    sv: 'Ange Skolverkets beslutade bidrag för teamet i hela kronor, från 0 till 1 000 000 000, till exempel 300000. Ange 0 för ett team som inte fick bidrag.',
    en: "Enter Skolverket's decided grant for the team in whole kronor, from 0 to 1 000 000 000, for example 300000. Enter 0 for a team that was not granted.",
  },
  appliedYear: {
    sv: 'Ansökan som den söktes ska gälla samma bidragsår som redovisningen ({year}).',
    en: 'The application as applied for must be for the same grant year as the settlement ({year}).',
  },
  noSettlementRules: {
    sv: 'Verktyget har ingen redovisning för bidragsår {year}. Redovisning finns för bidragsåren {years}.',
    en: 'The tool has no settlement for grant year {year}. Settlements exist for the grant years {years}.',
  },
};

function say(key: keyof typeof text, lang: Lang, params: Record<string, string | number> = {}): string {
  return text[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
}

const KRONOR = /^\d+(\.0+)?$/;
const MAX_GRANT = new Decimal('1000000000');

/** Whole kronor as a JSON number or string ("300000", 300000, "300000.00"); undefined otherwise. */
function wholeKronor(value: unknown): string | undefined {
  const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  if (raw === undefined || !KRONOR.test(raw)) return undefined;
  const amount = new Decimal(raw);
  return amount.gt(MAX_GRANT) ? undefined : amount.toFixed(0);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseDecision(input: unknown, teamCount: number | undefined, lang: Lang, issues: Issue[]): SettlementInput['decision'] | undefined {
  if (!isObject(input)) {
    issues.push({ path: 'decision', message: say('decision', lang) });
    return undefined;
  }
  const list = input.teams;
  if (!Array.isArray(list) || (teamCount !== undefined && list.length !== teamCount)) {
    issues.push({ path: 'decision.teams', message: teamCount === undefined ? say('decision', lang) : say('decisionTeams', lang, { count: teamCount }) });
    return undefined;
  }
  const teams: Array<{ skolverketGrant: string }> = [];
  list.forEach((entry, i) => {
    if (!isObject(entry)) {
      issues.push({ path: `decision.teams.${i}`, message: say('decisionTeam', lang) });
      return;
    }
    const grant = wholeKronor(entry.skolverketGrant);
    if (grant === undefined) issues.push({ path: `decision.teams.${i}.skolverketGrant`, message: say('skolverketGrant', lang) });
    else teams.push({ skolverketGrant: grant });
  });
  return teams.length === list.length ? { teams } : undefined;
}

/** The applications' problems under their prefix; no rule set for the year is no problem here (the 422 says it). */
function parsePart(input: unknown, prefix: 'application' | 'applied', lang: Lang, issues: Issue[]): Application | undefined {
  const parsed = parseApplication(input, lang);
  if (parsed.ok) return parsed.application;
  if (parsed.status === 400)
    for (const issue of parsed.body.issues) issues.push({ path: issue.path ? `${prefix}.${issue.path}` : prefix, message: issue.message });
  return undefined;
}

/** The grant year the input names, if it is a whole number. */
function grantYearOf(input: unknown): number | undefined {
  const year = isObject(input) ? Number(input.grantYear) : Number.NaN;
  return Number.isInteger(year) ? year : undefined;
}

/** The bidragsår with settlement rules, for the message. */
export function settlementYears(): number[] {
  return knownGrantYears().filter((year) => settlementRuleSetFor(year));
}

/** Validate a settlement request. Never throws, whatever the input. */
export function parseSettlement(input: unknown, lang: Lang = 'sv'): SettlementParseResult {
  const issues: Issue[] = [];
  if (!isObject(input)) {
    return { ok: false, status: 400, body: { error: 'invalid_application', issues: [{ path: '', message: say('request', lang) }] } };
  }
  const application = parsePart(input.application, 'application', lang, issues);
  const teamCount = isObject(input.application) && Array.isArray(input.application.teams) ? input.application.teams.length : undefined;
  const decision = parseDecision(input.decision, teamCount, lang, issues);
  const applied = input.applied === undefined || input.applied === null ? undefined : parsePart(input.applied, 'applied', lang, issues);
  const grantYear = grantYearOf(input.application);
  const appliedYear = grantYearOf(input.applied);
  if (grantYear !== undefined && appliedYear !== undefined && appliedYear !== grantYear) {
    issues.push({ path: 'applied.grantYear', message: say('appliedYear', lang, { year: grantYear }) });
  }
  if (issues.length > 0) return { ok: false, status: 400, body: { error: 'invalid_application', issues } };
  // Nothing is wrong but, perhaps, the year: no rule set at all, or one without settlement rules.
  if (!application || !decision || grantYear === undefined || !settlementRuleSetFor(grantYear)) {
    const year = grantYear ?? 0;
    const years = settlementYears();
    const message = say('noSettlementRules', lang, { year, years: `${years[0]}–${years.at(-1)}` });
    return { ok: false, status: 422, body: { error: 'no_settlement_rules', grantYear: year, settlementYears: years, message } };
  }
  return { ok: true, input: applied ? { application, decision, applied } : { application, decision } };
}

/** The settlement's input with the date of each team's decision where the user gave it (YYYY-MM-DD). */
export interface SettlementPdfInput extends SettlementInput {
  decision: { teams: Array<{ skolverketGrant: string; decidedOn?: string }> };
}

/**
 * The validated input with each decision's date from the raw request beside it, where it is a
 * real date (the engine does not read it; the PDF shows it and a re-import restores it).
 */
export function withDecisionDates(input: SettlementInput, raw: unknown): SettlementPdfInput {
  const entries = (raw as { decision?: { teams?: unknown } } | null)?.decision?.teams;
  const dateOf = (i: number) => isoDate(Array.isArray(entries) ? (entries[i] as { decidedOn?: unknown } | null)?.decidedOn : undefined);
  const teams = input.decision.teams.map((team, i) => {
    const decidedOn = dateOf(i);
    return decidedOn ? { ...team, decidedOn } : team;
  });
  return { ...input, decision: { teams } };
}
