/**
 * Property tests for the engine (assess): for generated valid applications, the amounts
 * reconcile to the krona (also split by team status, D18), the result does not depend on
 * member order or language, adding a qualifying member never makes a status worse (D24), the
 * staffing figures and member costs agree with independent day-by-day and exact-fraction
 * computations, every failing staffing, duration or education finding says how to fix it, and
 * every fix the engine suggests, applied, fixes its finding while one step less does not.
 * For the settlement after the year (the year after the decision): used + unused = decided and usable + repay
 * = received, per team, per kommun and in total; justified is the assessment's grant when no
 * team is not eligible; an application carried out exactly as applied for, with the maximum
 * decided, leaves nothing unused and the kommun repays exactly the assessment's repayment risk.
 *
 * Every generated case is built with buildApplication and goes through parseApplication, so
 * it is a valid API request. The oracles below use their own date and fraction arithmetic,
 * not the engine's helpers.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseApplication } from '../forms/application.ts';
import { assess } from '../rules/assess.ts';
import { settle } from '../rules/settlement.ts';
import type {
  Application,
  ApplicationStatus,
  Assessment,
  DateRange,
  Education,
  Finding,
  FixData,
  Lang,
  OrganiserType,
  SchoolForm,
  Side,
  TeamResult,
  TeamStatus,
} from '../rules/types.ts';
import { buildApplication, type ApplicationSketch } from './application-builder.ts';

/** FC_NUM_RUNS=5000 for a longer search; the default keeps the file to a few seconds. */
const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 250);
const run = { numRuns: NUM_RUNS };

// ---------------------------------------------------------------------------------------------
// Dates, independently of rules/dates.ts.

const MS_PER_DAY = 86_400_000;
const dayOf = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / MS_PER_DAY;
const isoOf = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const monthLength = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function grantPeriodOf(year: number): DateRange {
  return year === 2023 ? { from: '2023-05-10', to: '2023-12-31' } : { from: `${year}-01-01`, to: `${year}-12-31` };
}

// ---------------------------------------------------------------------------------------------
// The generator: raw draws relative to the grant period, turned into an application sketch
// once the year is known (so everything shrinks independently).

type Quality = 'qualifies' | 'assessed' | 'none' | 'unknown';
const educationFor: Record<Side, Record<Quality, Education>> = {
  school: { qualifies: 'psychosocial_degree', assessed: 'psychosocial_training', none: 'none', unknown: 'unknown' },
  social_services: { qualifies: 'socionomexamen', assessed: 'other_relevant_degree', none: 'none', unknown: 'unknown' },
};

const allSchoolForms: SchoolForm[] = [
  'grundskola',
  'gymnasieskola',
  'anpassad_grundskola',
  'anpassad_gymnasieskola',
  'forskoleklass',
  'specialskola',
  'sameskola',
];

const hundredthsText = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

const fteArb = fc
  .oneof(
    { weight: 3, arbitrary: fc.constant(100) },
    { weight: 2, arbitrary: fc.constantFrom(50, 25, 75) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 100 }) },
  )
  .map(hundredthsText);

const salaryArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 120_000 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 12_000_000 }).map(hundredthsText) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_199_999 }).map((n) => `${Math.floor(n / 10)}.${n % 10}`) },
);

const employerCostRateArb = fc.oneof(
  fc.constantFrom('0', '0.3142', '0.3'),
  fc.integer({ min: 0, max: 6000 }).map((n) => `0.${String(n).padStart(4, '0')}`),
);

const rawMember = fc.record({
  side: fc.constantFrom<Side>('school', 'social_services'),
  engagement: fc.constantFrom('employment', 'assignment'),
  fte: fteArb,
  /** Days from the grant period's first day; mostly before it. */
  startOffset: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -500, max: 0 }) }, { weight: 2, arbitrary: fc.integer({ min: -500, max: 395 }) }),
  /** Days from start to end (inclusive end), or open-ended. */
  length: fc.option(fc.integer({ min: 0, max: 700 }), { nil: null, freq: 2 }),
  quality: fc.oneof(
    { weight: 6, arbitrary: fc.constant<Quality>('qualifies') },
    { weight: 2, arbitrary: fc.constant<Quality>('assessed') },
    { weight: 1, arbitrary: fc.constant<Quality>('none') },
    { weight: 1, arbitrary: fc.constant<Quality>('unknown') },
  ),
  origin: fc.constantFrom('new', 'previously_funded', 'redistributed'),
  monthlySalary: salaryArb,
  employerCostRate: employerCostRateArb,
  otherFundingShare: fc.constantFrom('0', '0', '0', '0.25', '1'),
});

const rawTeam = fc.record({
  schoolForms: fc.oneof(
    { weight: 4, arbitrary: fc.constant<SchoolForm[]>(['grundskola']) },
    { weight: 1, arbitrary: fc.constant<SchoolForm[]>(['gymnasieskola']) },
    { weight: 2, arbitrary: fc.subarray(allSchoolForms, { minLength: 1 }) },
  ),
  municipalityCode: fc.constantFrom('0180', '1480', '2584'),
  /** Per mille of the grant period, for an optional team period inside it. */
  period: fc.option(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })), { nil: null, freq: 2 }),
  status: fc.constantFrom('new', 'existing'),
  previouslyGrantedFte: fc.oneof(fc.constant('0'), fc.integer({ min: 0, max: 300 }).map(hundredthsText)),
  contractEducation: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  members: fc.array(rawMember, { minLength: 1, maxLength: 8 }),
});

const rawApplication = fc.record({
  grantYear: fc.integer({ min: 2023, max: 2028 }),
  organiserType: fc.oneof(
    { weight: 3, arbitrary: fc.constant<OrganiserType>('municipal') },
    { weight: 1, arbitrary: fc.constantFrom<OrganiserType>('independent', 'region', 'municipal_association') },
  ),
  teams: fc.array(rawTeam, { minLength: 1, maxLength: 4 }),
});

type RawApplication = typeof rawApplication extends fc.Arbitrary<infer T> ? T : never;
type SketchMember = Record<string, unknown> & { id: string; side: Side };
type SketchTeam = Record<string, unknown> & { members: SketchMember[] };
interface Sketch {
  grantYear: number;
  organiser?: Record<string, unknown>;
  teams: SketchTeam[];
}

function toSketch(raw: RawApplication): Sketch {
  const grantPeriod = grantPeriodOf(raw.grantYear);
  const first = dayOf(grantPeriod.from);
  const spanDays = dayOf(grantPeriod.to) - first + 1;
  const at = (perMille: number) => first + Math.floor((perMille * (spanDays - 1)) / 1000);
  return {
    grantYear: raw.grantYear,
    organiser: { type: raw.organiserType },
    teams: raw.teams.map((team, t) => {
      const [a, b] = team.period ?? [0, 0];
      return {
        name: `Team ${t + 1}`,
        schoolForms: team.schoolForms,
        municipalityCode: team.municipalityCode,
        period: team.period ? { from: isoOf(at(Math.min(a, b))), to: isoOf(at(Math.max(a, b))) } : null,
        status: team.status,
        previouslyGrantedFte: team.previouslyGrantedFte,
        contractEducation: team.contractEducation,
        members: team.members.map((m, i) => {
          const start = first + m.startOffset;
          return {
            id: `t${t + 1}m${i + 1}`,
            side: m.side,
            engagement: m.engagement,
            fte: m.fte,
            start: isoOf(start),
            end: m.length === null ? null : isoOf(start + m.length),
            education: educationFor[m.side][m.quality],
            origin: m.origin,
            monthlySalary: m.monthlySalary,
            employerCostRate: m.employerCostRate,
            otherFundingShare: m.otherFundingShare,
          };
        }),
      };
    }),
  };
}

const sketchArb: fc.Arbitrary<Sketch> = rawApplication.map(toSketch);

/** The sketch as a validated application; every generated case must be valid input. */
function toApplication(sketch: Sketch, lang: Lang = 'sv'): Application {
  const input: ApplicationSketch = sketch;
  const parsed = parseApplication(buildApplication(input), lang);
  if (!parsed.ok) assert.fail(`generated application is invalid: ${JSON.stringify(parsed.body)}`);
  return parsed.application;
}

const assessIn = (application: Application, lang: Lang = 'sv'): Assessment => assess(application, { asOf: `${application.grantYear}-03-01`, lang });

// ---------------------------------------------------------------------------------------------
// Small helpers.

const KRONOR = /^\d+$/;
const FTE = /^\d+\.\d{2}$/;
const sum = (values: Iterable<string>) => {
  let total = 0n;
  for (const v of values) total += BigInt(v);
  return total;
};
const toHundredths = (fte: string) => Number(fte.replace('.', ''));
const canonical = (findings: Finding[]) => findings.map((f) => JSON.stringify(f)).sort();

/**
 * A finding with every list of member ids in id order. The engine names members with unknown
 * education in input order ("t1m2 och t1m1", fixData.members), a presentation choice rather
 * than a verdict; everything else must be identical whatever the order of the members.
 */
const ID_LIST = /t\d+m\d+(?:(?:, | och | and )t\d+m\d+)*/g;
function idsInOrder(f: Finding): Finding {
  const sortIds = (text: string) =>
    text.replace(ID_LIST, (list) =>
      list
        .split(/, | och | and /)
        .sort()
        .join(', '),
    );
  const result: Finding = { ...f, message: sortIds(f.message) };
  if (f.fix !== undefined) result.fix = sortIds(f.fix);
  if (f.fixData?.kind === 'state_education') result.fixData = { ...f.fixData, members: [...f.fixData.members].sort() };
  return result;
}

/** D7, read from the rule book: from 2024 school staff only; 2023 both sides unless the organiser is enskild. */
function skolverketFunds(side: Side, grantYear: number, organiser: OrganiserType): boolean {
  return side === 'school' || (grantYear === 2023 && organiser !== 'independent');
}

// ---------------------------------------------------------------------------------------------
// Independent oracles: six months (D3), counting (D2), cost as an exact fraction (D5, D6).

function addMonthsClamped(iso: string, months: number): string {
  const year = +iso.slice(0, 4);
  const index = +iso.slice(5, 7) - 1 + months;
  const y = year + Math.floor(index / 12);
  const m = (index % 12) + 1;
  const d = Math.min(+iso.slice(8, 10), monthLength(y, m));
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function lastsSixMonths(start: string, end: string | null): boolean {
  return end === null || dayOf(end) >= dayOf(addMonthsClamped(start, 6)) - 1;
}

const qualifyingEducation: Education[] = ['psychosocial_degree', 'psychosocial_training', 'socionomexamen', 'other_relevant_degree'];

type AppMember = Application['teams'][number]['members'][number];

function countsOracle(m: AppMember): boolean {
  return qualifyingEducation.includes(m.education) && lastsSixMonths(m.start, m.end);
}

function teamPeriod(application: Application, team: Application['teams'][number]): { first: number; last: number } {
  const grant = grantPeriodOf(application.grantYear);
  return { first: dayOf(team.period?.from ?? grant.from), last: dayOf(team.period?.to ?? grant.to) };
}

function activeDays(m: AppMember, period: { first: number; last: number }) {
  const first = Math.max(dayOf(m.start), period.first);
  const last = Math.min(m.end === null ? Number.POSITIVE_INFINITY : dayOf(m.end), period.last);
  return first <= last ? { first, last } : undefined;
}

/** A decimal string as an integer scaled by 10^places. */
function scaled(text: string, places: number): bigint {
  const [whole, fraction = ''] = text.split('.');
  assert.ok(fraction.length <= places, `${text} has more than ${places} decimals`);
  return BigInt(whole) * 10n ** BigInt(places) + BigInt(fraction.padEnd(places, '0') || '0');
}

/** Whole kronor, half away from zero, of the positive fraction n/d. */
const roundHalfUp = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);

/** Σ active days / days in the month over the months of `days`, as a fraction with BigInt. */
function monthFraction(days: { first: number; last: number }): { num: bigint; den: bigint } {
  let num = 0n;
  let den = 1n;
  let cursor = days.first;
  while (cursor <= days.last) {
    const iso = isoOf(cursor);
    const length = monthLength(+iso.slice(0, 4), +iso.slice(5, 7));
    const monthLast = cursor - +iso.slice(8, 10) + length;
    const active = Math.min(monthLast, days.last) - cursor + 1;
    num = num * BigInt(length) + BigInt(active) * den;
    den *= BigInt(length);
    cursor = monthLast + 1;
  }
  return { num, den };
}

function costOracle(m: AppMember, days: { first: number; last: number } | undefined, fundable: boolean) {
  if (!fundable || !days) return { eligibleCost: '0', grant: '0' };
  const { num, den } = monthFraction(days);
  const N = scaled(m.monthlySalary, 2) * (10n ** 6n + scaled(m.employerCostRate, 6)) * scaled(m.fte, 2) * (10n ** 6n - scaled(m.otherFundingShare, 6)) * num;
  const D = 100n * 10n ** 6n * 100n * 10n ** 6n * den;
  return { eligibleCost: roundHalfUp(N, D).toString(), grant: roundHalfUp(N, 2n * D).toString() };
}

// ---------------------------------------------------------------------------------------------
// Status order (decision D24) and the engine's own fixes applied to the application.

const teamRank: Record<TeamStatus, number> = { not_eligible: 0, needs_review: 1, eligible_aggregate_only: 2, eligible: 3 };
const applicationRank: Record<ApplicationStatus, number> = { not_eligible: 0, needs_review: 1, eligible: 2 };

/** No team's and not the application's status is worse after than before. */
function assertNoWorse(before: Assessment, after: Assessment, what = '') {
  assert.ok(applicationRank[after.status] >= applicationRank[before.status], `${what}application ${before.status} → ${after.status}`);
  before.teams.forEach((t, i) => {
    assert.ok(teamRank[after.teams[i].status] >= teamRank[t.status], `${what}team ${i} ${t.status} → ${after.teams[i].status}`);
  });
}

const qualifyingFor: Record<Side, Education> = { school: 'psychosocial_degree', social_services: 'socionomexamen' };
let fixMemberNumber = 0;

/** A new qualifying member on `side` (origin previously funded: the fix is about counting, not D16). */
function newMember(side: Side, fields: Partial<AppMember>): AppMember {
  fixMemberNumber += 1;
  return {
    id: `fix${fixMemberNumber}`,
    side,
    role: '',
    engagement: 'assignment',
    fte: '1.00',
    start: '2000-01-01',
    end: null,
    education: qualifyingFor[side],
    educationNote: '',
    origin: 'previously_funded',
    monthlySalary: '40000',
    employerCostRate: '0',
    otherFundingShare: '0',
    ...fields,
  };
}

function findMember(application: Application, id: string): AppMember {
  const found = application.teams.flatMap((t) => t.members).find((m) => m.id === id);
  assert.ok(found, `fix names an unknown member ${id}`);
  return found;
}

/**
 * Members adding `by` hundredths of fte on `side` on the days `from`–`to` of one team (at most
 * 1.00 each). A range shorter than six months needs a longer engagement to count (D3): it is
 * extended backwards (ending on `to`) or forwards (open-ended from `from`), so that the step-less
 * check on one range is not helped by the members added for the others.
 */
function fteMembers(side: Side, by: number, from: number, to: number, direction: 'backwards' | 'forwards'): AppMember[] {
  const members: AppMember[] = [];
  for (let left = by; left > 0; left -= 100) {
    const fte = hundredthsText(Math.min(left, 100));
    members.push(
      direction === 'forwards'
        ? newMember(side, { fte, start: isoOf(from), end: null })
        : newMember(side, { fte, start: isoOf(Math.min(from, to - 200)), end: isoOf(to) }),
    );
  }
  return members;
}

/** The teams whose school forms and contract education pass: D9's sum. */
const gatesPass = (team: Application['teams'][number]) => team.schoolForms.some((f) => f === 'grundskola' || f === 'gymnasieskola') && !team.contractEducation;

/**
 * The application with the finding's fix applied (fixData), or with one step less: `less`
 * names the number to lower (the index of an fte range, or 0 for days and kronor).
 */
function applyFix(application: Application, f: Finding, less?: number): Application {
  const fixed = structuredClone(application);
  const fix = f.fixData!;
  const team = f.team === undefined ? undefined : fixed.teams[f.team];
  switch (fix.kind) {
    case 'raise_fte': {
      const side: Side = fix.side === 'both' ? 'school' : fix.side;
      fix.ranges.forEach((range, k) => {
        const by = toHundredths(range.by) - (less === k ? 1 : 0);
        const direction = less !== undefined && k < less ? 'backwards' : 'forwards';
        const first = dayOf(range.from);
        const last = dayOf(range.to);
        if (team) {
          team.members.push(...fteMembers(side, by, first, last, direction));
          return;
        }
        // Application scope (D9): each day goes to the first team in the sum whose period has it.
        let day = first;
        while (day <= last) {
          const holder = fixed.teams.find((t) => gatesPass(t) && teamPeriod(fixed, t).first <= day && day <= teamPeriod(fixed, t).last);
          assert.ok(holder, `no team in the sum holds ${isoOf(day)}`);
          const end = Math.min(last, teamPeriod(fixed, holder).last);
          holder.members.push(...fteMembers(side, by, day, end, direction));
          day = end + 1;
        }
      });
      break;
    }
    case 'state_education':
      for (const id of fix.members) {
        const m = findMember(fixed, id);
        m.education = qualifyingFor[m.side];
      }
      break;
    case 'qualifying_education':
      findMember(fixed, fix.member).education = fix.options[0];
      break;
    case 'extend_engagement':
      findMember(fixed, fix.member).end = less === undefined ? fix.to : isoOf(dayOf(fix.to) - 1);
      break;
    case 'serve_school_form':
      team!.schoolForms.push(fix.options[0]);
      break;
    case 'exclude_contract_education':
      team!.contractEducation = false;
      break;
    case 'raise_social_services_cost': {
      // A new social-services line over the team's whole period costing `by` kronor (less: one
      // krona less): the least monthly fee, in öre, whose exact cost reaches it; the line's
      // cost then shows as `by` and its grant is rounded from the exact cost (D6).
      const cost = BigInt(fix.by) - (less === undefined ? 0n : 1n);
      if (cost === 0n) break;
      const period = teamPeriod(fixed, team!);
      const { num, den } = monthFraction(period);
      const ore = (cost * den * 100n + num - 1n) / num;
      team!.members.push(
        newMember('social_services', { start: isoOf(period.first - 400), monthlySalary: `${ore / 100n}.${String(ore % 100n).padStart(2, '0')}` }),
      );
      break;
    }
  }
  return fixed;
}

/** The numbers a fix can be lowered by one step: each fte range, the end date, the kronor. */
function lowerable(fix: FixData): number[] {
  if (fix.kind === 'raise_fte') return fix.ranges.map((_, k) => k);
  return fix.kind === 'extend_engagement' || fix.kind === 'raise_social_services_cost' ? [0] : [];
}

/** The finding in `after` at the same place still fails, needs review or (for a warning) warns. */
function stillOpen(after: Assessment, f: Finding): Finding | undefined {
  return after.findings.find(
    (g) =>
      g.rule === f.rule &&
      g.scope === f.scope &&
      g.team === f.team &&
      g.member === f.member &&
      (g.outcome === 'fail' || g.outcome === 'review' || (f.outcome === 'warn' && g.outcome === 'warn')),
  );
}

// ---------------------------------------------------------------------------------------------
// Shrunk counterexamples found by these properties, kept as fixed examples so every run tries
// them (builder defaults fill the rest: full-time, open-ended from the year before, new).

const member = (id: string, side: Side, extra: Record<string, unknown> = {}): SketchMember => ({ id, side, ...extra });

/** Two unknown-education members, listed in either order (property 3). */
const unknownPair: [Sketch, SketchMember[][]] = [
  {
    grantYear: 2026,
    teams: [
      {
        members: [
          member('t1m1', 'school', { fte: '0.50', education: 'unknown' }),
          member('t1m2', 'school', { education: 'unknown' }),
          member('t1m3', 'social_services'),
        ],
      },
    ],
  },
  [[member('t1m2', 'school', { education: 'unknown' }), member('t1m1', 'school', { fte: '0.50', education: 'unknown' }), member('t1m3', 'social_services')]],
];

/**
 * Found before decision D24: team 1 qualifies with team 2's staff (eligible_aggregate_only) and
 * the application is eligible. Adding a qualifying social-services member makes team 1 eligible
 * on its own *if* its unknown-education member qualifies; §5 then ranked that needs_review
 * above the certain eligible_aggregate_only, and team and application dropped to needs_review.
 * D24 ranks the certain status first.
 */
const aggregateThenReview = {
  sketch: {
    grantYear: 2026,
    teams: [
      {
        period: { from: '2026-01-01', to: '2026-06-30' },
        members: [member('t1m1', 'school', { education: 'unknown' }), member('t1m2', 'social_services', { fte: '0.50' })],
      },
      { members: [member('t2m1', 'school'), member('t2m2', 'social_services', { fte: '0.50' })] },
    ],
  } satisfies Sketch,
  team: 0,
  side: 'social_services' as Side,
  fte: '0.50',
};

/**
 * Found before decision D15: no team serves grundskola or gymnasieskola, so the three
 * application-scope staffing findings failed with advice that did not fix them. D15 makes them
 * info ("not tested").
 */
const noQualifyingSchoolForm: Sketch = {
  grantYear: 2026,
  teams: [{ schoolForms: ['forskoleklass'], members: [member('t1m1', 'school'), member('t1m2', 'social_services')] }],
};

// ---------------------------------------------------------------------------------------------

describe('engine properties (fast-check)', () => {
  test('pengarna stämmer på kronan: teamens, kommunernas och ansökans belopp är summor av de avrundade raderna', () => {
    fc.assert(
      fc.property(sketchArb, (sketch) => {
        const application = toApplication(sketch);
        const result = assessIn(application);
        const organiser = application.organiser.type;
        const withMatched = application.grantYear >= 2024;

        result.teams.forEach((team, t) => {
          const input = application.teams[t];
          const a = team.amounts;
          for (const value of [a.eligibleCost, a.skolverketGrant, a.socialServicesCost, a.socialServicesGrant]) {
            assert.match(value, KRONOR);
          }
          assert.deepEqual(
            team.members.map((m) => m.id),
            input.members.map((m) => m.id),
          );
          for (const m of team.members) {
            assert.match(m.eligibleCost, KRONOR);
            assert.match(m.grant, KRONOR);
            // |grant − cost/2| ≤ 1, in half-kronor.
            const gap = 2n * BigInt(m.grant) - BigInt(m.eligibleCost);
            assert.ok(gap >= -2n && gap <= 2n, `${m.id}: grant ${m.grant} is not half of ${m.eligibleCost}`);
            if (m.funded) {
              assert.ok(skolverketFunds(m.side, application.grantYear, organiser), `${m.id} is funded on a side Skolverket does not fund`);
              assert.notEqual(team.status, 'not_eligible');
            } else if (team.status !== 'not_eligible' && skolverketFunds(m.side, application.grantYear, organiser)) {
              assert.equal(m.grant, '0', `${m.id} on a funded side with a grant is not funded`);
            }
          }
          const funded = team.members.filter((m) => m.funded);
          assert.equal(BigInt(a.skolverketGrant), sum(funded.map((m) => m.grant)));
          if (team.status === 'not_eligible') assert.equal(a.skolverketGrant, '0');
          const fundedSide = team.members.filter((m) => skolverketFunds(m.side, application.grantYear, organiser));
          assert.equal(BigInt(a.eligibleCost), sum(fundedSide.map((m) => m.eligibleCost)));
          const social = team.members.filter((m) => m.side === 'social_services');
          assert.equal(BigInt(a.socialServicesCost), sum(social.map((m) => m.eligibleCost)));
          assert.equal(BigInt(a.socialServicesGrant), sum(social.map((m) => m.grant)));
          if (withMatched) {
            const matched = BigInt(a.skolverketGrant);
            const cap = BigInt(a.socialServicesGrant);
            const usable = matched < cap ? matched : cap;
            assert.equal(a.matched, matched.toString());
            assert.equal(a.matchedUsable, usable.toString());
            assert.equal(a.repaymentRisk, (matched - usable).toString());
          } else {
            assert.equal(a.matched, undefined);
            assert.equal(a.matchedUsable, undefined);
            assert.equal(a.repaymentRisk, undefined);
          }
        });

        assert.match(result.amounts.skolverketGrant, KRONOR);
        assert.match(result.amounts.eligibleCost, KRONOR);
        assert.equal(BigInt(result.amounts.skolverketGrant), sum(result.teams.map((t) => t.amounts.skolverketGrant)));
        assert.equal(BigInt(result.amounts.eligibleCost), sum(result.teams.map((t) => t.amounts.eligibleCost)));

        const expected = new Map<string, { matched: bigint; matchedUsable: bigint; repaymentRisk: bigint }>();
        if (withMatched) {
          for (const team of result.teams) {
            const totals = expected.get(team.municipalityCode) ?? { matched: 0n, matchedUsable: 0n, repaymentRisk: 0n };
            totals.matched += BigInt(team.amounts.matched!);
            totals.matchedUsable += BigInt(team.amounts.matchedUsable!);
            totals.repaymentRisk += BigInt(team.amounts.repaymentRisk!);
            expected.set(team.municipalityCode, totals);
          }
        }
        const codes = result.amounts.municipalities.map((m) => m.municipalityCode);
        assert.deepEqual(codes, [...expected.keys()].sort(), 'one entry per kommun, by kommunkod');
        for (const m of result.amounts.municipalities) {
          for (const value of [m.matched, m.matchedUsable, m.repaymentRisk]) assert.match(value, KRONOR);
          const totals = expected.get(m.municipalityCode)!;
          assert.deepEqual({ matched: BigInt(m.matched), matchedUsable: BigInt(m.matchedUsable), repaymentRisk: BigInt(m.repaymentRisk) }, totals);
        }
        if (withMatched) {
          assert.equal(sum(result.amounts.municipalities.map((m) => m.matched)), BigInt(result.amounts.skolverketGrant));
        }

        // D18: the totals by team status; every part sums its teams, and the parts add up.
        const keys = withMatched ? (['skolverketGrant', 'matched', 'matchedUsable', 'repaymentRisk'] as const) : (['skolverketGrant'] as const);
        const split = result.amounts.byTeamStatus;
        const statuses = ['eligible', 'eligible_aggregate_only', 'needs_review'] as const;
        assert.deepEqual(Object.keys(split).sort(), [...statuses].sort());
        for (const status of statuses) {
          assert.deepEqual(Object.keys(split[status]).sort(), [...keys].sort(), `${status}: the parts for ${application.grantYear}`);
          for (const key of keys) {
            assert.match(split[status][key]!, KRONOR);
            const ofStatus = result.teams.filter((t) => t.status === status);
            assert.equal(BigInt(split[status][key]!), sum(ofStatus.map((t) => t.amounts[key]!)), `${status} ${key}`);
          }
        }
        assert.equal(sum(statuses.map((s) => split[s].skolverketGrant)), BigInt(result.amounts.skolverketGrant));
        for (const m of result.amounts.municipalities) {
          for (const key of ['matched', 'matchedUsable', 'repaymentRisk'] as const) {
            assert.equal(sum(statuses.map((s) => m.byTeamStatus[s][key])), BigInt(m[key]), `${m.municipalityCode} ${key}`);
          }
        }
        if (withMatched) {
          for (const status of statuses) {
            for (const key of ['matched', 'matchedUsable', 'repaymentRisk'] as const) {
              assert.equal(
                sum(result.amounts.municipalities.map((m) => m.byTeamStatus[status][key])),
                BigInt(split[status][key]!),
                `${status} ${key} over kommuner`,
              );
            }
          }
        }
      }),
      run,
    );
  });

  test('samma ansökan bedöms likadant varje gång', () => {
    fc.assert(
      fc.property(sketchArb, (sketch) => {
        const application = toApplication(sketch);
        const snapshot = structuredClone(application);
        const first = assessIn(application);
        assert.deepEqual(application, snapshot, 'assess does not change its input');
        assert.deepEqual(assessIn(application), first);
        assert.deepEqual(assessIn(toApplication(sketch)), first);
      }),
      run,
    );
  });

  test('ordningen på medlemmarna i ett team påverkar inte bedömningen', () => {
    const shuffled = sketchArb.chain((sketch) =>
      fc.tuple(
        fc.constant(sketch),
        fc.tuple(...sketch.teams.map((team) => fc.shuffledSubarray(team.members, { minLength: team.members.length, maxLength: team.members.length }))),
      ),
    );
    fc.assert(
      fc.property(shuffled, ([sketch, memberLists]) => {
        const original = assessIn(toApplication(sketch));
        const reordered = assessIn(toApplication({ ...sketch, teams: sketch.teams.map((team, t) => ({ ...team, members: memberLists[t] })) }));
        assert.equal(reordered.status, original.status);
        assert.equal(reordered.teams.length, original.teams.length);
        original.teams.forEach((team, t) => {
          const other = reordered.teams[t];
          assert.equal(other.status, team.status, `team ${t} status`);
          assert.deepEqual(other.amounts, team.amounts, `team ${t} amounts`);
          assert.deepEqual(other.fte, team.fte, `team ${t} fte`);
          assert.equal(other.requestedFte, team.requestedFte, `team ${t} requested fte`);
          assert.deepEqual(other.priorityTier, team.priorityTier, `team ${t} priority tiers`);
          assert.deepEqual(other.priorityShares, team.priorityShares, `team ${t} priority shares`);
          const byId = new Map(other.members.map((m) => [m.id, m]));
          for (const member of team.members) assert.deepEqual(byId.get(member.id), member, `member ${member.id}`);
        });
        assert.deepEqual(reordered.amounts, original.amounts);
        assert.deepEqual(canonical(reordered.findings.map(idsInOrder)), canonical(original.findings.map(idsInOrder)));
      }),
      { ...run, examples: [[unknownPair]] },
    );
  });

  test('en kvalificerad medlem till gör aldrig ett teams eller ansökans status sämre (D24)', () => {
    const withExtra = fc.record({
      sketch: sketchArb,
      team: fc.nat(),
      side: fc.constantFrom<Side>('school', 'social_services'),
      fte: fteArb,
    });
    fc.assert(
      fc.property(withExtra, ({ sketch, team, side, fte }) => {
        const before = assessIn(toApplication(sketch));
        const index = team % sketch.teams.length;
        const grantStart = grantPeriodOf(sketch.grantYear).from;
        const extra: SketchMember = {
          id: 'extra',
          side,
          fte,
          start: isoOf(dayOf(grantStart) - 200),
          end: null,
          education: side === 'school' ? 'psychosocial_degree' : 'socionomexamen',
          origin: 'new',
        };
        const teams = sketch.teams.map((t, i) => (i === index ? { ...t, members: [...t.members, extra] } : t));
        assertNoWorse(before, assessIn(toApplication({ ...sketch, teams })));
      }),
      { ...run, examples: [[aggregateThenReview]] },
    );
  });

  test('varje åtgärd motorn föreslår rättar sitt fynd, gör ingen status sämre, och ett steg mindre räcker inte', () => {
    fc.assert(
      fc.property(sketchArb, (sketch) => {
        const application = toApplication(sketch);
        const before = assessIn(application);
        for (const f of before.findings) {
          if (!f.fixData) continue;
          const what = `${f.rule} ${JSON.stringify(f.fixData)}: `;
          const fixed = applyFix(application, f);
          const after = assessIn(fixed);
          assert.equal(stillOpen(after, f), undefined, `${what}not fixed: ${JSON.stringify(stillOpen(after, f))}`);
          assertNoWorse(before, after, what);
          if (f.fixData.kind === 'raise_social_services_cost') {
            const line = after.teams[f.team!].members.at(-1)!;
            assert.equal(line.eligibleCost, f.fixData.by, `${what}the added cost line`);
          }
          for (const step of lowerable(f.fixData)) {
            assert.ok(stillOpen(assessIn(applyFix(application, f, step)), f), `${what}one step less on ${step} also passes`);
          }
        }
      }),
      { numRuns: Math.ceil(NUM_RUNS / 2), examples: [[aggregateThenReview.sketch], [noQualifyingSchoolForm]] },
    );
  });

  test('lägsta tjänstgöringsgrad har två decimaler och den lägsta summan är minst summan av sidornas lägsta', () => {
    fc.assert(
      fc.property(sketchArb, (sketch) => {
        const result = assessIn(toApplication(sketch));
        for (const team of result.teams) {
          const { schoolMin, socialServicesMin, totalMin } = team.fte;
          for (const value of [schoolMin, socialServicesMin, totalMin, team.requestedFte]) assert.match(value, FTE);
          assert.ok(
            toHundredths(totalMin) >= toHundredths(schoolMin) + toHundredths(socialServicesMin),
            `totalMin ${totalMin} < ${schoolMin} + ${socialServicesMin}`,
          );
          for (const share of team.priorityShares) assert.match(share.fte, FTE);
        }
      }),
      run,
    );
  });

  test('varje underkänd eller osäker bemannings-, varaktighets- eller utbildningsbedömning säger hur den rättas', () => {
    const rules = new Set(['team-total-fte', 'school-staff-fte', 'social-services-fte', 'member-duration', 'member-education']);
    fc.assert(
      fc.property(sketchArb, (sketch) => {
        const result = assessIn(toApplication(sketch));
        for (const f of result.findings) {
          if (!rules.has(f.rule) || (f.outcome !== 'fail' && f.outcome !== 'review')) continue;
          assert.ok(typeof f.fix === 'string' && f.fix.trim().length > 0, `no fix: ${JSON.stringify(f)}`);
          assert.ok(f.fixData !== undefined, `no fixData: ${JSON.stringify(f)}`);
        }
      }),
      { ...run, examples: [[noQualifyingSchoolForm]] },
    );
  });

  test('svenska och engelska ger samma status och belopp; bara texterna skiljer', () => {
    const languageFree = (a: Assessment) => ({
      ...a,
      lang: undefined,
      ruleSet: { ...a.ruleSet, title: undefined },
      amounts: { ...a.amounts, notice: undefined },
      findings: a.findings.map((f) => ({ ...f, message: undefined, fix: f.fix === undefined ? undefined : 'fix' })),
    });
    fc.assert(
      fc.property(sketchArb, (sketch) => {
        const sv = assessIn(toApplication(sketch, 'sv'), 'sv');
        const en = assessIn(toApplication(sketch, 'en'), 'en');
        assert.equal(sv.lang, 'sv');
        assert.equal(en.lang, 'en');
        assert.deepEqual(languageFree(en), languageFree(sv));
        for (const f of [...sv.findings, ...en.findings]) assert.ok(f.message.length > 0);
      }),
      run,
    );
  });

  // Beyond the brief: the engine against independent computations of the rule book.

  test('varje medlems kostnad och bidrag stämmer med en exakt bråkräkning (D2, D3, D5, D6)', () => {
    fc.assert(
      fc.property(sketchArb, (sketch) => {
        const application = toApplication(sketch);
        const result = assessIn(application);
        application.teams.forEach((team, t) => {
          const period = teamPeriod(application, team);
          team.members.forEach((m, i) => {
            const got = result.teams[t].members[i];
            const counts = countsOracle(m);
            assert.equal(got.counts, counts, `${m.id} counts`);
            const want = costOracle(m, activeDays(m, period), counts && m.origin !== 'redistributed' && !team.contractEducation);
            assert.deepEqual({ eligibleCost: got.eligibleCost, grant: got.grant }, want, `${m.id} cost`);
          });
        });
      }),
      run,
    );
  });

  test('lägsta dagliga tjänstgöringsgrad och statusen bidragsberättigat stämmer med en räkning dag för dag (D1, D14)', () => {
    fc.assert(
      fc.property(sketchArb, (sketch) => {
        const application = toApplication(sketch);
        const result = assessIn(application);
        application.teams.forEach((team, t) => {
          const period = teamPeriod(application, team);
          const counting = team.members.filter(countsOracle).map((m) => ({ m, days: activeDays(m, period) }));
          let school = Infinity;
          let social = Infinity;
          let total = Infinity;
          for (let day = period.first; day <= period.last; day++) {
            let s = 0;
            let o = 0;
            for (const { m, days } of counting) {
              if (!days || day < days.first || day > days.last) continue;
              if (m.side === 'school') s += toHundredths(m.fte);
              else o += toHundredths(m.fte);
            }
            school = Math.min(school, s);
            social = Math.min(social, o);
            total = Math.min(total, s + o);
          }
          const got: TeamResult = result.teams[t];
          assert.deepEqual(got.fte, {
            schoolMin: hundredthsText(school),
            socialServicesMin: hundredthsText(social),
            totalMin: hundredthsText(total),
          });
          const gates = team.schoolForms.some((f) => f === 'grundskola' || f === 'gymnasieskola') && !team.contractEducation;
          const meets = school >= 100 && social >= 100 && total >= 200;
          assert.equal(got.status === 'eligible', gates && meets, `team ${t} status ${got.status}`);
          if (!gates) assert.equal(got.status, 'not_eligible');
        });
      }),
      run,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The settlement after the year (the year after the decision, D19–D23): bidragsår 2024 onwards.

const settlementArb = fc
  .record({
    raw: rawApplication.map((raw) => ({ ...raw, grantYear: raw.grantYear === 2023 ? 2026 : raw.grantYear })),
    /** Skolverket's decision per team, by team index. */
    decided: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 900_000 })), { minLength: 4, maxLength: 4 }),
    /** A ledger figure per member, in member order across teams, or none. */
    actualCosts: fc.array(fc.option(fc.integer({ min: 0, max: 80_000_000 }).map(hundredthsText), { nil: undefined, freq: 2 }), {
      minLength: 32,
      maxLength: 32,
    }),
  })
  .map(({ raw, decided, actualCosts }) => {
    const sketch = toSketch(raw);
    let n = 0;
    const withActual: Sketch = {
      ...sketch,
      teams: sketch.teams.map((team) => ({
        ...team,
        members: team.members.map((m) => {
          const actualCost = actualCosts[n++];
          return actualCost === undefined ? m : { ...m, actualCost };
        }),
      })),
    };
    return { sketch: withActual, decided: sketch.teams.map((_, t) => String(decided[t])) };
  });

const settleIn = (application: Application, decided: string[], applied?: Application) =>
  settle(
    { application, decision: { teams: decided.map((skolverketGrant) => ({ skolverketGrant })) }, ...(applied ? { applied } : {}) },
    { asOf: `${application.grantYear + 1}-01-20` },
  );

describe('settlement properties (fast-check)', () => {
  test('använt + outnyttjat = beslutat och användbart + att betala tillbaka = mottaget, per team, kommun och totalt', () => {
    fc.assert(
      fc.property(settlementArb, ({ sketch, decided }) => {
        const settlement = settleIn(toApplication(sketch), decided);
        settlement.teams.forEach((team, t) => {
          for (const value of [team.decided, team.justified, team.used, team.unused, team.matched.received, team.matched.usable, team.matched.repay])
            assert.match(value, KRONOR);
          assert.equal(team.decided, decided[t]);
          assert.equal(BigInt(team.used) + BigInt(team.unused), BigInt(team.decided));
          assert.ok(BigInt(team.used) <= BigInt(team.justified));
          assert.equal(team.matched.received, team.decided);
          assert.equal(BigInt(team.matched.usable) + BigInt(team.matched.repay), BigInt(team.matched.received));
          if (team.conditions !== 'not_met') assert.deepEqual(team.belowMinimum, []);
        });
        const { totals } = settlement;
        assert.equal(BigInt(totals.used) + BigInt(totals.unused), BigInt(totals.decided));
        for (const key of ['decided', 'justified', 'used', 'unused'] as const) assert.equal(BigInt(totals[key]), sum(settlement.teams.map((t) => t[key])));
        for (const kommun of settlement.municipalities) {
          const own = settlement.teams.filter((t) => t.matched.municipalityCode === kommun.municipalityCode).map((t) => t.matched);
          assert.equal(BigInt(kommun.usable) + BigInt(kommun.repay), BigInt(kommun.received));
          for (const key of ['received', 'usable', 'repay'] as const) assert.equal(BigInt(kommun[key]), sum(own.map((m) => m[key])));
        }
        assert.equal(sum(settlement.municipalities.map((m) => m.received)), BigInt(totals.decided));
      }),
      run,
    );
  });

  test('det motiverade bidraget är bedömningens bidrag när inget team saknar rätt till bidrag', () => {
    fc.assert(
      fc.property(settlementArb, ({ sketch, decided }) => {
        const application = toApplication(sketch);
        const settlement = settleIn(application, decided);
        const withoutActual = application.teams.every((team) => team.members.every((m) => m.actualCost === undefined));
        if (settlement.assessment.teams.some((t) => t.status === 'not_eligible')) return;
        assert.equal(settlement.totals.justified, settlement.assessment.amounts.skolverketGrant);
        settlement.teams.forEach((team, t) => {
          assert.equal(team.justified, settlement.assessment.teams[t].amounts.skolverketGrant);
        });
        if (withoutActual) assert.equal(settlement.totals.justified, assessIn(application).amounts.skolverketGrant);
      }),
      run,
    );
  });

  test('genomfört precis som ansökt med högsta beslut: inget outnyttjat, kommunen betalar tillbaka bedömningens risk, inga förändringar', () => {
    fc.assert(
      fc.property(
        sketchArb.filter((s) => s.grantYear >= 2024),
        (sketch) => {
          const application = toApplication(sketch);
          const assessment = assessIn(application);
          const settlement = settleIn(
            application,
            assessment.teams.map((t) => t.amounts.skolverketGrant),
            application,
          );
          assert.equal(settlement.totals.unused, '0');
          settlement.teams.forEach((team, t) => {
            assert.equal(team.unused, '0');
            assert.equal(team.matched.repay, assessment.teams[t].amounts.repaymentRisk);
            assert.equal(team.matched.usable, assessment.teams[t].amounts.matchedUsable);
          });
          assert.deepEqual(
            settlement.municipalities.map((m) => [m.municipalityCode, m.received, m.usable, m.repay]),
            assessment.amounts.municipalities.map((m) => [m.municipalityCode, m.matched, m.matchedUsable, m.repaymentRisk]),
          );
          assert.deepEqual(settlement.changes, []);
          assert.deepEqual(settlement.assessment.teams, assessment.teams);
        },
      ),
      run,
    );
  });
});
