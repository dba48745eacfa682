/**
 * Validation of the JSON API's application (förordning 2023:179): turns untrusted input into
 * an `Application` with every default filled in and decimals as normalised strings, or into
 * every problem found, each with its dotted path and a message in the user's language.
 *
 * Each schema reports a message key (see application-messages.ts) as its zod message; the
 * keys are translated once parsing is done, so zod's own wording never reaches the user.
 */
import { Decimal } from 'decimal.js';
import * as z from 'zod';
import { daysInMonth } from '../rules/dates.ts';
import type { RuleSet } from '../rules/params/rule-set.ts';
import { knownGrantYears, ruleSetFor } from '../rules/rule-sets.ts';
import type { Application, DateRange, Lang } from '../rules/types.ts';
import { allowed, isMessageKey, translate } from './application-messages.ts';
import type { MessageKey } from './application-messages.ts';
import { isMunicipalityCode } from './municipalities.ts';
import { normaliseOrgNumber, orgNumberProblem } from './org-number.ts';
import { whenValid } from './page-form.ts';

export type ParseResult =
  | { ok: true; application: Application; ruleSet: RuleSet }
  | { ok: false; status: 400; body: { error: 'invalid_application'; issues: Array<{ path: string; message: string }> } }
  | { ok: false; status: 422; body: { error: 'no_rule_set'; grantYear: number; knownYears: number[]; message: string } };

/**
 * Validate an application for the API. Never throws, whatever the input.
 *
 * A grant year without a rule set gives the 422 only when nothing else is wrong: an
 * application with other problems gets the 400 with all of them, the year's among them, so
 * the user sees everything to fix at once. Without a rule set there is no grant period, so
 * team periods are then checked only for being real dates in order.
 */
export function parseApplication(input: unknown, lang: Lang = 'sv'): ParseResult {
  const year = grantYear.safeParse(isObject(input) ? input.grantYear : undefined);
  const ruleSet = year.success ? ruleSetFor(year.data) : undefined;
  const result = schemaFor(ruleSet).safeParse(input);
  if (result.success && ruleSet) return { ok: true, application: result.data, ruleSet };

  const issues = result.success ? [] : toIssues(result.error.issues, input, lang);
  if (year.success && !ruleSet) {
    const knownYears = knownGrantYears();
    const params = { year: year.data, years: yearSpan(knownYears) };
    const message = translate('grantYear.noRuleSet', lang, { params });
    if (issues.length === 0) {
      return { ok: false, status: 422, body: { error: 'no_rule_set', grantYear: year.data, knownYears, message } };
    }
    issues.unshift({ path: 'grantYear', message });
  }
  return { ok: false, status: 400, body: { error: 'invalid_application', issues } };
}

// ---------------------------------------------------------------------------------------------
// Building blocks. Each takes the message key it reports for any problem with its value.

/** A trimmed string of `min`–`max` characters. */
function text(key: MessageKey, { min = 0, max }: { min?: number; max: number }) {
  const schema = z.string({ error: key }).trim().max(max, key);
  return min > 0 ? schema.min(min, key) : schema;
}

function enumOf<const T extends readonly string[]>(values: T, key: MessageKey) {
  return z.enum(values, { error: key });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` date that exists in the calendar (2024-02-29 does, 2026-02-29 does not). */
function isoDate(key: MessageKey) {
  return z.string({ error: key }).trim().refine(isRealDate, key);
}

function isRealDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

/**
 * A JSON number or a string, judged by its text: a number by `String(n)` (so never NaN,
 * Infinity or an exponent), a string trimmed. `read` gives the value or undefined to reject.
 */
function fromText<T>(key: MessageKey, read: (text: string) => T | undefined) {
  return z.union([z.string(), z.number()], { error: key }).transform((input, ctx) => {
    const value = read(typeof input === 'number' ? String(input) : input.trim());
    if (value === undefined) {
      report(ctx, key);
      return z.NEVER;
    }
    return value;
  });
}

const DECIMAL = /^\d+(\.\d+)?$/;

interface DecimalRule {
  min: string;
  max: string;
  exclusiveMin?: boolean;
  /** Counted on the value, so trailing zeros ("1.000") do not count. */
  maxDecimals: number;
  /** Decimals in the output; without it, exactly as many as the value has. */
  places?: number;
}

/** A non-negative decimal written with digits and an optional dot ("0.5", "42000"; not "0,5" or "1e3"). */
function decimal(key: MessageKey, { min, max, exclusiveMin = false, maxDecimals, places }: DecimalRule) {
  const lowest = new Decimal(min);
  const highest = new Decimal(max);
  return fromText(key, (text) => {
    if (!DECIMAL.test(text)) return undefined;
    const value = new Decimal(text);
    const aboveMin = exclusiveMin ? value.gt(lowest) : value.gte(lowest);
    if (!aboveMin || value.gt(highest) || value.decimalPlaces() > maxDecimals) return undefined;
    return places === undefined ? value.toFixed() : value.toFixed(places);
  });
}

/** A fraction from 0 to 1 with at most six decimals, 0 when absent. */
function share(key: MessageKey) {
  return decimal(key, { min: '0', max: '1', maxDecimals: 6 }).prefault('0');
}

function report(
  ctx: z.RefinementCtx,
  key: MessageKey,
  { path = [], params }: { path?: PropertyKey[]; params?: Record<string, unknown> } = {},
) {
  ctx.addIssue({ code: 'custom', message: key, path, params });
}

// ---------------------------------------------------------------------------------------------
// The application.

const grantYear = fromText('grantYear', (text) => {
  const year = Number(text);
  return /^\d{4}$/.test(text) && year >= 1900 && year <= 2100 ? year : undefined;
});

const organiser = z.object(
  {
    name: text('organiser.name', { min: 1, max: 200 }),
    orgNumber: z.string({ error: 'organiser.orgNumber' }).transform((input, ctx) => {
      const problem = orgNumberProblem(input);
      if (problem) {
        report(ctx, problem === 'format' ? 'organiser.orgNumber' : 'organiser.orgNumber.checkDigit');
        return z.NEVER;
      }
      return normaliseOrgNumber(input);
    }),
    type: enumOf(allowed.organiserType, 'organiser.type'),
  },
  { error: 'organiser' },
);

const member = z
  .object(
    {
      id: text('member.id', { min: 1, max: 64 }),
      side: enumOf(allowed.side, 'member.side'),
      role: text('member.role', { max: 200 }).default(''),
      engagement: enumOf(allowed.engagement, 'member.engagement'),
      fte: decimal('member.fte', { min: '0', exclusiveMin: true, max: '1', maxDecimals: 2, places: 2 }),
      start: isoDate('member.start'),
      end: isoDate('member.end').nullable().default(null),
      education: enumOf(allowed.education, 'member.education'),
      educationNote: text('member.educationNote', { max: 500 }).default(''),
      origin: enumOf(allowed.origin, 'member.origin'),
      monthlySalary: decimal('member.monthlySalary', { min: '0', max: '10000000', maxDecimals: 2 }),
      employerCostRate: share('member.employerCostRate'),
      otherFundingShare: share('member.otherFundingShare'),
    },
    { error: 'member' },
  )
  .superRefine((m, ctx) => {
    if (m.end !== null && m.end < m.start) report(ctx, 'member.end.beforeStart', { path: ['end'] });
  }, whenValid('start', 'end'))
  .superRefine((m, ctx) => {
    const fitting: readonly string[] = allowed.educationBySide[m.side];
    if (!fitting.includes(m.education)) report(ctx, `member.education.${m.side}`, { path: ['education'] });
  }, whenValid('side', 'education'));

/** A team's period; inside the grant period when there is one. */
function period(grantPeriod: DateRange | undefined) {
  const schema = z
    .object({ from: isoDate('team.period.from'), to: isoDate('team.period.to') }, { error: 'team.period' })
    .superRefine(({ from, to }, ctx) => {
      if (to < from) report(ctx, 'team.period.order', { path: ['to'] });
    }, whenValid('from', 'to'));
  if (!grantPeriod) return schema;
  // ISO dates compare as strings.
  const inside = (date: string) => date >= grantPeriod.from && date <= grantPeriod.to;
  return schema.superRefine(({ from, to }, ctx) => {
    if (!inside(from) || !inside(to)) report(ctx, 'team.period.outside', { params: { ...grantPeriod } });
  }, whenValid('from', 'to'));
}

function team(grantPeriod: DateRange | undefined) {
  return z.object(
    {
      name: text('team.name', { min: 1, max: 200 }),
      schoolForms: z
        .array(enumOf(allowed.schoolForm, 'team.schoolForms'), { error: 'team.schoolForms' })
        .min(1, 'team.schoolForms')
        .superRefine((forms, ctx) => {
          forms.forEach((form, i) => {
            if (forms.indexOf(form) < i) report(ctx, 'team.schoolForms.duplicate', { path: [i] });
          });
        }),
      municipalityCode: z
        .string({ error: 'team.municipalityCode' })
        .trim()
        .refine(isMunicipalityCode, 'team.municipalityCode'),
      period: period(grantPeriod).nullable().default(null),
      status: enumOf(allowed.teamStatus, 'team.status').default('new'),
      previouslyGrantedFte: decimal('team.previouslyGrantedFte', { min: '0', max: '100', maxDecimals: 2, places: 2 }).prefault('0'),
      contractEducation: z.boolean({ error: 'team.contractEducation' }).default(false),
      members: z.array(member, { error: 'team.members' }).min(1, 'team.members').max(50, 'team.members'),
    },
    { error: 'team' },
  );
}

function applicationSchema(grantPeriod: DateRange | undefined) {
  return z
    .object(
      {
        grantYear,
        organiser,
        teams: z.array(team(grantPeriod), { error: 'teams' }).min(1, 'teams').max(20, 'teams'),
      },
      { error: 'application' },
    )
    .superRefine(uniqueMemberIds, { when: () => true });
}

/**
 * Member ids are unique across the whole application; the issue goes on each repeat. Runs
 * whatever else is wrong, so it reads the value defensively: ids that are not strings are
 * skipped, and an invalid id keeps its own message (the first message for a path wins).
 */
function uniqueMemberIds(application: unknown, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  listAt(application, 'teams').forEach((team, t) =>
    listAt(team, 'members').forEach((member, m) => {
      const id = isObject(member) ? member.id : undefined;
      if (typeof id !== 'string') return;
      if (seen.has(id)) report(ctx, 'member.id.duplicate', { path: ['teams', t, 'members', m, 'id'] });
      seen.add(id);
    }),
  );
}

type ApplicationSchema = ReturnType<typeof applicationSchema>;

/** One schema per grant period (a handful of years), built on first use. */
const schemas = new Map<string, ApplicationSchema>();

function schemaFor(ruleSet: RuleSet | undefined): ApplicationSchema {
  const grantPeriod = ruleSet?.year.grantPeriod.value;
  const cacheKey = grantPeriod ? `${grantPeriod.from}/${grantPeriod.to}` : '';
  let schema = schemas.get(cacheKey);
  if (!schema) {
    schema = applicationSchema(grantPeriod);
    schemas.set(cacheKey, schema);
  }
  return schema;
}

// ---------------------------------------------------------------------------------------------
// From zod's issues to ours.

/** One message per path (the first reported), translated; "missing" when the input has no value there. */
function toIssues(issues: readonly z.core.$ZodIssue[], input: unknown, lang: Lang) {
  const byPath = new Map<string, string>();
  for (const issue of issues) {
    const path = issue.path.join('.');
    if (byPath.has(path)) continue;
    const key = isMessageKey(issue.message) ? issue.message : 'invalid';
    const params = issue.code === 'custom' ? issue.params : undefined;
    byPath.set(path, translate(key, lang, { missing: valueAt(input, issue.path) == null, params }));
  }
  return [...byPath].map(([path, message]) => ({ path, message }));
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((current, key) => (isObject(current) && Object.hasOwn(current, key) ? current[key] : undefined), value);
}

function isObject(value: unknown): value is Record<PropertyKey, unknown> {
  return typeof value === 'object' && value !== null;
}

function listAt(value: unknown, key: string): unknown[] {
  const list = isObject(value) ? value[key] : undefined;
  return Array.isArray(list) ? list : [];
}

/** "2023–2028" for consecutive years, else "2023, 2025, 2026". */
function yearSpan(years: number[]): string {
  const consecutive = years.every((year, i) => year === years[0] + i);
  return consecutive && years.length > 1 ? `${years[0]}–${years.at(-1)}` : years.join(', ');
}

/** The application's JSON Schema as clients send it, for the OpenAPI document. */
export function applicationJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(schemaFor(undefined), { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' });
}
