/**
 * Validation of the JSON API's application (förordning 2023:179): turns untrusted input into
 * an `Application` with every default filled in and decimals as normalised strings, or into
 * every problem found, each with its dotted path and a message in the user's language.
 *
 * Each schema reports a message key (see application-messages.ts) as its zod message; the
 * keys are translated once parsing is done, so zod's own wording never reaches the user.
 */
import * as z from 'zod';
import { daysInMonth } from '../rules/dates.ts';
import type { RuleSet } from '../rules/params/rule-set.ts';
import { knownGrantYears, ruleSetFor } from '../rules/rule-sets.ts';
import type { Application, DateRange, Lang, Side } from '../rules/types.ts';
import { allowed, isMessageKey, translate } from './application-messages.ts';
import type { MessageKey } from './application-messages.ts';
import { isMunicipalityCode } from './municipalities.ts';
import { normaliseOrgNumber, orgNumberProblem } from './org-number.ts';
import type { DraftApplicationInput } from './draft-application.ts';
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

/** A decimal written as DECIMAL allows, as its whole part without leading zeros and its decimals without trailing zeros. */
interface Digits {
  whole: string;
  fraction: string;
}

function digitsOf(text: string): Digits {
  const dot = text.indexOf('.');
  return {
    whole: (dot < 0 ? text : text.slice(0, dot)).replace(/^0+(?=\d)/, ''),
    fraction: dot < 0 ? '' : text.slice(dot + 1).replace(/0+$/, ''),
  };
}

/** Compares two decimals exactly, digit by digit (no floating point): below 0, 0 or above 0. */
function compareDigits(a: Digits, b: Digits): number {
  if (a.whole.length !== b.whole.length) return a.whole.length - b.whole.length;
  if (a.whole !== b.whole) return a.whole < b.whole ? -1 : 1;
  const width = Math.max(a.fraction.length, b.fraction.length);
  const [x, y] = [a.fraction.padEnd(width, '0'), b.fraction.padEnd(width, '0')];
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * A non-negative decimal written with digits and an optional dot ("0.5", "42000"; not "0,5" or
 * "1e3"), normalised as decimal.js's toFixed would write it. Read as text, digit by digit: the
 * API reads thousands of these per large application, and a Decimal for each cost a fifth of
 * its validation. Output with `places` only pads (places ≥ maxDecimals), so nothing is rounded.
 */
function decimal(key: MessageKey, { min, max, exclusiveMin = false, maxDecimals, places }: DecimalRule) {
  if (places !== undefined && places < maxDecimals) throw new Error(`${key}: places must be at least maxDecimals, so nothing is rounded`);
  const lowest = digitsOf(min);
  const highest = digitsOf(max);
  return fromText(key, (text) => {
    if (!DECIMAL.test(text)) return undefined;
    const value = digitsOf(text);
    const fromMin = compareDigits(value, lowest);
    if (fromMin < 0 || (exclusiveMin && fromMin === 0) || compareDigits(value, highest) > 0 || value.fraction.length > maxDecimals) return undefined;
    const fraction = places === undefined ? value.fraction : value.fraction.padEnd(places, '0');
    return fraction ? `${value.whole}.${fraction}` : value.whole;
  });
}

/** A fraction from 0 to 1 with at most six decimals, 0 when absent. */
function share(key: MessageKey) {
  return decimal(key, { min: '0', max: '1', maxDecimals: 6 }).prefault('0');
}

function report(ctx: z.RefinementCtx, key: MessageKey, { path = [], params }: { path?: PropertyKey[]; params?: Record<string, unknown> } = {}) {
  ctx.addIssue({ code: 'custom', message: key, path, params });
}

// ---------------------------------------------------------------------------------------------
// The application.

const grantYear = fromText('grantYear', (text) => {
  const year = Number(text);
  return /^\d{4}$/.test(text) && year >= 1900 && year <= 2100 ? year : undefined;
});

const organiserShape = {
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
};

const organiser = z.object(organiserShape, { error: 'organiser' });

const memberShape = {
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
};

// Read only by a settlement (decision D19); an assessment ignores it. A draft keeps it as given.
const actualCost = decimal('member.actualCost', { min: '0', max: '1000000000', maxDecimals: 2 }).optional();

const member = z
  .object(
    {
      id: text('member.id', { min: 1, max: 64 }),
      ...memberShape,
      actualCost,
    },
    { error: 'member' },
  )
  .superRefine(endNotBeforeStart, whenValid('start', 'end'))
  .superRefine(educationFitsSide, whenValid('side', 'education'));

function endNotBeforeStart(m: { start: string; end: string | null }, ctx: z.RefinementCtx) {
  if (m.end && m.start && m.end < m.start) report(ctx, 'member.end.beforeStart', { path: ['end'] });
}

/** Checked only when both are given (a draft may lack either). */
function educationFitsSide(m: { side: string; education: string }, ctx: z.RefinementCtx) {
  const fitting: readonly string[] | undefined = Object.hasOwn(allowed.educationBySide, m.side) ? allowed.educationBySide[m.side as Side] : undefined;
  if (fitting && m.education && !fitting.includes(m.education)) report(ctx, `member.education.${m.side as Side}`, { path: ['education'] });
}

function noRepeatedForm(forms: string[], ctx: z.RefinementCtx) {
  forms.forEach((form, i) => {
    if (forms.indexOf(form) < i) report(ctx, 'team.schoolForms.duplicate', { path: [i] });
  });
}

const municipalityCode = z.string({ error: 'team.municipalityCode' }).trim().refine(isMunicipalityCode, 'team.municipalityCode');

/** A team's period; inside the grant period when there is one. */
function period(grantPeriod: DateRange | undefined) {
  const schema = z.object({ from: isoDate('team.period.from'), to: isoDate('team.period.to') }, { error: 'team.period' }).superRefine(
    ({ from, to }, ctx) => {
      if (to < from) report(ctx, 'team.period.order', { path: ['to'] });
    },
    whenValid('from', 'to'),
  );
  if (!grantPeriod) return schema;
  // ISO dates compare as strings.
  const inside = (date: string) => date >= grantPeriod.from && date <= grantPeriod.to;
  return schema.superRefine(
    ({ from, to }, ctx) => {
      if (!inside(from) || !inside(to)) report(ctx, 'team.period.outside', { params: { ...grantPeriod } });
    },
    whenValid('from', 'to'),
  );
}

const schoolForms = z.array(enumOf(allowed.schoolForm, 'team.schoolForms'), { error: 'team.schoolForms' }).superRefine(noRepeatedForm);

/** A team's fields but its members. */
function teamShape(grantPeriod: DateRange | undefined) {
  return {
    name: text('team.name', { min: 1, max: 200 }),
    schoolForms: schoolForms.min(1, 'team.schoolForms'),
    municipalityCode,
    period: period(grantPeriod).nullable().default(null),
    status: enumOf(allowed.teamStatus, 'team.status').default('new'),
    previouslyGrantedFte: decimal('team.previouslyGrantedFte', { min: '0', max: '100', maxDecimals: 2, places: 2 }).prefault('0'),
    contractEducation: z.boolean({ error: 'team.contractEducation' }).default(false),
  };
}

function team(grantPeriod: DateRange | undefined) {
  return z.object(
    {
      ...teamShape(grantPeriod),
      members: z.array(member, { error: 'team.members' }).min(1, 'team.members').max(MAX_MEMBERS, 'team.members'),
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
        teams: z.array(team(grantPeriod), { error: 'teams' }).min(1, 'teams').max(MAX_TEAMS, 'teams'),
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
  const members = listAt(application, 'teams').flatMap((team, t) =>
    listAt(team, 'members').map((member, m) => ({ item: member, path: ['teams', t, 'members', m, 'id'] })),
  );
  reportRepeatedIds(ctx, members, 'member.id.duplicate');
}

function reportRepeatedIds(ctx: z.RefinementCtx, items: Array<{ item: unknown; path: PropertyKey[] }>, key: MessageKey) {
  const seen = new Set<string>();
  for (const { item, path } of items) {
    const id = isObject(item) ? item.id : undefined;
    if (typeof id !== 'string') continue;
    if (seen.has(id)) report(ctx, key, { path });
    seen.add(id);
  }
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
// A draft: the application as far as someone has come. Every field may be missing, null or
// empty (stored as the pages store an unanswered question); every value that is given must be
// one the application accepts, normalised the same way, so the pages can show any draft.

/** The journey's and the API's size limits: teams in an application, members in a team. */
export const MAX_TEAMS = 20;
export const MAX_MEMBERS = 50;

/** Control characters other than tab and line breaks, and UTF-16 halves without their pair. */
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const isBlank = (value: unknown) => value == null || (typeof value === 'string' && value.trim() === '');

/** Missing, null or blank gives `empty`; anything else must pass `schema`, and no text may hold an unstorable character. */
function orEmpty<T extends z.ZodType, E>(schema: T, empty: E) {
  return z
    .preprocess((value, ctx) => {
      if (typeof value === 'string' && UNSTORABLE.test(value)) {
        ctx.addIssue({ code: 'custom', message: 'text.unstorable' });
        return z.NEVER;
      }
      return isBlank(value) ? undefined : value;
    }, schema.optional())
    .transform((value) => (value === undefined ? empty : value));
}

/** Every field of `shape` as optional, with its empty value from `empty` (else ''). */
function emptiable<S extends z.ZodRawShape>(shape: S, empty: Partial<Record<keyof S, unknown>> = {}) {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, orEmpty(schema as z.ZodType, key in empty ? empty[key as keyof S] : '')]));
}

/** Ids the pages can put in a path: letters, digits, - and _. */
const draftId = (key: MessageKey) => z.string({ error: key }).regex(/^[A-Za-z0-9_-]{1,64}$/, key);

const draftMember = z
  .object(
    {
      id: orEmpty(draftId('member.id.draft'), undefined),
      ...emptiable(memberShape, { end: null, employerCostRate: '0', otherFundingShare: '0' }),
      actualCost,
    },
    { error: 'member' },
  )
  .superRefine(endNotBeforeStart as (m: unknown, ctx: z.RefinementCtx) => void, whenValid('start', 'end'))
  .superRefine(educationFitsSide as (m: unknown, ctx: z.RefinementCtx) => void, whenValid('side', 'education'));

function draftTeam(grantPeriod: DateRange | undefined) {
  return z.object(
    {
      id: orEmpty(draftId('team.id'), undefined),
      ...emptiable(
        { ...teamShape(grantPeriod), schoolForms },
        { schoolForms: [], period: null, status: 'new', previouslyGrantedFte: '0.00', contractEducation: false },
      ),
      members: orEmpty(z.array(draftMember, { error: 'team.members' }).max(MAX_MEMBERS, 'team.members'), []),
    },
    { error: 'team' },
  );
}

const knownGrantYear = grantYear.superRefine((year, ctx) => {
  if (!ruleSetFor(year)) report(ctx, 'grantYear.noRuleSet', { params: { year, years: yearSpan(knownGrantYears()) } });
});

function draftSchema(grantPeriod: DateRange | undefined) {
  return z
    .object(
      {
        grantYear: orEmpty(knownGrantYear, undefined),
        organiser: orEmpty(z.object(emptiable(organiserShape), { error: 'organiser' }), undefined),
        teams: orEmpty(z.array(draftTeam(grantPeriod), { error: 'teams' }).max(MAX_TEAMS, 'teams'), []),
      },
      { error: 'application' },
    )
    .superRefine(uniqueMemberIds, { when: () => true })
    .superRefine(
      (application, ctx) =>
        reportRepeatedIds(
          ctx,
          listAt(application, 'teams').map((item, t) => ({ item, path: ['teams', t, 'id'] })),
          'team.id.duplicate',
        ),
      {
        when: () => true,
      },
    );
}

const draftSchemas = new Map<string, ReturnType<typeof draftSchema>>();

/** The fields of a draft's application, at its top level. */
const DRAFT_FIELDS = new Set(['grantYear', 'organiser', 'teams']);

/**
 * Validate a draft's application (the drafts API): what is given must be valid, what is
 * missing is stored empty; teams and members keep the ids given (unique, URL-safe) and lack
 * them otherwise. Never throws, whatever the input.
 */
export function parseDraftApplication(
  input: unknown,
  lang: Lang = 'sv',
): { ok: true; application: DraftApplicationInput } | { ok: false; issues: Array<{ path: string; message: string }> } {
  // A field the draft does not have is refused, not dropped: dropped, a body in the wrong shape
  // (such as GET's answer sent back, with the application under `application`) would empty the draft.
  const unknown = isObject(input) ? Object.keys(input).filter((key) => !DRAFT_FIELDS.has(key)) : [];
  if (unknown.length > 0) return { ok: false, issues: unknown.map((path) => ({ path, message: translate('draft.unknownField', lang) })) };
  const year = grantYear.safeParse(isObject(input) ? input.grantYear : undefined);
  const grantPeriod = year.success ? ruleSetFor(year.data)?.year.grantPeriod.value : undefined;
  const cacheKey = grantPeriod ? `${grantPeriod.from}/${grantPeriod.to}` : '';
  let schema = draftSchemas.get(cacheKey);
  if (!schema) {
    schema = draftSchema(grantPeriod);
    draftSchemas.set(cacheKey, schema);
  }
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, application: result.data as unknown as DraftApplicationInput };
  return { ok: false, issues: toIssues(result.error.issues, input, lang) };
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

/** The application as /openapi.json describes it: every rule set's limits but its own grant period. */
export const documentedApplication = schemaFor(undefined).meta({ id: 'Application' });
