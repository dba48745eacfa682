/**
 * Day-by-day staffing ([D1](../docs/decisions.md#d1), D2, D4, D14). For every day of a period the fte of the
 * members who count is summed per side, in hundredths so that the sums are exact integers.
 * The three staffing rules (school-staff-fte, social-services-fte, team-total-fte) read these
 * sums; this file holds what they share.
 */
import { dateOf } from './dates.ts';
import { capitalise, formatFte, formatList, lowerFirst } from './format.ts';
import { finding, type MemberFacts, type Rule, type RuleDefinition, type StaffingScope, type Text } from './rule.ts';
import type { Minima } from './team-status.ts';
import type { Finding, Lang, Scope, Side } from './types.ts';

/** An inclusive range of day numbers. */
export interface DayRange {
  first: number;
  last: number;
}

/** Fte "0.55" as 55 hundredths; inputs have at most two decimals. */
export function hundredths(fte: string): number {
  const [whole, fraction = ''] = fte.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

/**
 * The daily fte sums of each side over a span of days, as runs of days with the same sums:
 * the sums change only where someone starts or stops, so a team of a few members has a few
 * runs however long the period.
 */
export interface DailyStaffing {
  span: DayRange;
  /** Consecutive, covering the span. */
  runs: Array<DayRange & { school: number; socialServices: number }>;
}

export interface Contribution {
  side: Side;
  hundredths: number;
  days: DayRange;
}

export function dailyStaffing(span: DayRange, contributions: Iterable<Contribution>): DailyStaffing {
  // Changes in the sums: +fte on a member's first day, −fte the day after their last.
  const changes: Array<{ day: number; school: number; socialServices: number }> = [];
  for (const { side, hundredths: fte, days } of contributions) {
    const first = Math.max(days.first, span.first);
    const last = Math.min(days.last, span.last);
    if (first > last) continue;
    const school = side === 'school' ? fte : 0;
    const socialServices = side === 'school' ? 0 : fte;
    changes.push({ day: first, school, socialServices });
    if (last < span.last) changes.push({ day: last + 1, school: -school, socialServices: -socialServices });
  }
  changes.sort((a, b) => a.day - b.day);
  const runs: DailyStaffing['runs'] = [];
  let school = 0;
  let socialServices = 0;
  let runStart = span.first;
  for (let i = 0; i <= changes.length; i++) {
    const change = changes[i];
    const day = change ? change.day : span.last + 1;
    if (day > runStart) {
      runs.push({ first: runStart, last: day - 1, school, socialServices });
      runStart = day;
    }
    if (change) {
      school += change.school;
      socialServices += change.socialServices;
    }
  }
  return { span, runs };
}

/** What a staffing rule measures: one side, or both together. */
export type Measure = 'school' | 'social_services' | 'total';

function measuredValue(run: { school: number; socialServices: number }, measure: Measure): number {
  if (measure === 'school') return run.school;
  if (measure === 'social_services') return run.socialServices;
  return run.school + run.socialServices;
}

export interface Shortfall extends DayRange {
  /** The most fte (hundredths) missing on any day of the range. */
  deficit: number;
}

export interface Examination {
  /** The lowest daily sum over the tested days, in hundredths (0 when no day is tested). */
  lowest: number;
  /** Runs of consecutive tested days below the minimum. */
  shortfalls: Shortfall[];
  testedDays: number;
}

/** Calls `visit` with each stretch of tested days and its sums, in date order. */
function eachTestedStretch(staffing: DailyStaffing, tested: DayRange[], visit: (first: number, last: number, run: DailyStaffing['runs'][number]) => void) {
  for (const range of tested) {
    for (const run of staffing.runs) {
      const first = Math.max(run.first, range.first);
      const last = Math.min(run.last, range.last);
      if (first <= last) visit(first, last, run);
    }
  }
}

/** The lowest daily sum and the runs of days below `minimum` over the tested ranges. */
export function examine(staffing: DailyStaffing, measure: Measure, tested: DayRange[], minimum: number): Examination {
  let lowest = Number.POSITIVE_INFINITY;
  let testedDays = 0;
  const shortfalls: Shortfall[] = [];
  let open: Shortfall | undefined;
  eachTestedStretch(staffing, tested, (first, last, run) => {
    const value = measuredValue(run, measure);
    testedDays += last - first + 1;
    if (value < lowest) lowest = value;
    if (value >= minimum) {
      open = undefined;
    } else if (open && open.last + 1 === first) {
      open.last = last;
      open.deficit = Math.max(open.deficit, minimum - value);
    } else {
      open = { first, last, deficit: minimum - value };
      shortfalls.push(open);
    }
  });
  return { lowest: testedDays ? lowest : 0, shortfalls, testedDays };
}

/** True when the measure reaches the minimum on every tested day (and some day is tested). */
export function meets(staffing: DailyStaffing, measure: Measure, tested: DayRange[], minimum: number): boolean {
  let testedDays = 0;
  let short = false;
  eachTestedStretch(staffing, tested, (first, last, run) => {
    testedDays += last - first + 1;
    if (measuredValue(run, measure) < minimum) short = true;
  });
  return testedDays > 0 && !short;
}

/** The highest daily sum of the measure over the whole span. */
export function highest(staffing: DailyStaffing, measure: Measure): number {
  return staffing.runs.reduce((max, run) => Math.max(max, measuredValue(run, measure)), 0);
}

/** Everything a staffing rule needs to judge one team, or all teams together. */
export interface StaffingQuestion {
  where: { scope: Scope; team?: number };
  /** Counting only members with qualifying education (D2). */
  qualifying: DailyStaffing;
  /** Counting members with unknown education as well (D4). */
  withUnknown: DailyStaffing;
  tested: DayRange[];
  /** The ids of members with unknown education who would count on this measure's side(s). */
  unknownMembers: string[];
}

export interface StaffingRule {
  definition: RuleDefinition;
  measure: Measure;
  /** Who is measured, in a sentence: "teamets skolpersonal". */
  subject: { team: Text; application: Text };
}

function formatRange(range: DayRange): string {
  return `${dateOf(range.first)}–${dateOf(range.last)}`;
}

const MAX_RANGES_IN_TEXT = 3;

function raiseText(rule: StaffingRule, shortfalls: Shortfall[], lang: Lang): string {
  const parts = shortfalls
    .slice(0, MAX_RANGES_IN_TEXT)
    .map((s) =>
      lang === 'sv'
        ? `med ${formatFte(s.deficit, lang)} från ${dateOf(s.first)} till ${dateOf(s.last)}`
        : `by ${formatFte(s.deficit, lang)} from ${dateOf(s.first)} to ${dateOf(s.last)}`,
    );
  const more = shortfalls.length - MAX_RANGES_IN_TEXT;
  const tail = more > 0 ? (lang === 'sv' ? ` (och ${more} perioder till)` : ` (and ${more} more periods)`) : '';
  const what: Record<Measure, Text> = {
    school: { sv: 'Öka skolpersonalens tjänstgöringsgrad', en: "Raise the school staff's fte" },
    social_services: { sv: 'Öka tjänstgöringsgraden för personalen från socialtjänsten', en: "Raise the social-services staff's fte" },
    total: { sv: 'Öka teamets sammanlagda tjänstgöringsgrad', en: "Raise the team's total fte" },
  };
  return `${what[rule.measure][lang]} ${formatList(parts, lang)}${tail}.`;
}

/** The finding of one staffing rule (pass, review or fail) with its figures and fix. */
export function checkStaffing(rule: StaffingRule, minimum: number, question: StaffingQuestion, lang: Lang): Finding {
  const { measure, definition } = rule;
  const scope = question.where.scope === 'application' ? 'application' : 'team';
  const subject = rule.subject[scope];
  const seen = examine(question.qualifying, measure, question.tested, minimum);
  const first = seen.shortfalls[0];
  const details = {
    minimum: (minimum / 100).toFixed(2),
    lowest: (seen.lowest / 100).toFixed(2),
    firstBelow: first ? { from: dateOf(first.first), to: dateOf(first.last) } : null,
    daysBelow: seen.shortfalls.reduce((sum, s) => sum + s.last - s.first + 1, 0),
  };
  const min = { sv: formatFte(minimum, 'sv'), en: formatFte(minimum, 'en') };
  const low = { sv: formatFte(seen.lowest, 'sv'), en: formatFte(seen.lowest, 'en') };
  if (seen.testedDays === 0) {
    // D15: no team passes school forms and contract education, so there is nothing to sum;
    // the failing gate findings say why.
    return finding(
      definition,
      lang,
      question.where,
      'info',
      {
        sv: `Inte prövat: inget team arbetar i grundskolan eller gymnasieskolan utanför uppdragsutbildning, så ${subject.sv} räknas inte.`,
        en: `Not tested: no team serves grundskola or gymnasieskola outside contract education (uppdragsutbildning), so ${subject.en} are not counted.`,
      },
      { details },
    );
  }
  if (!first) {
    return finding(
      definition,
      lang,
      question.where,
      'pass',
      {
        sv: `${capitalise(subject.sv)} har minst ${min.sv} årsarbetskraft varje dag under perioden (lägst ${low.sv}).`,
        en: `Every day of the period, ${subject.en} count at least ${min.en} full-time equivalent in total (lowest ${low.en}).`,
      },
      { details },
    );
  }
  const below = formatRange(first);
  // Said as it is: short every day, on one stretch, or on several (the first named).
  const when: Text =
    details.daysBelow === seen.testedDays
      ? { sv: `hela perioden (lägst ${low.sv})`, en: `the whole period (lowest ${low.en})` }
      : seen.shortfalls.length === 1
        ? { sv: `en del av perioden: lägst ${low.sv}, ${below}`, en: `part of the period: lowest ${low.en}, ${below}` }
        : { sv: `delar av perioden: lägst ${low.sv}, första gången ${below}`, en: `parts of the period: lowest ${low.en}, first ${below}` };
  const shortMessage: Text = {
    sv: `${capitalise(subject.sv)} har mindre än ${min.sv} årsarbetskraft under ${when.sv}. Enligt Skolverkets vägledning gäller kravet varje dag under perioden.`,
    en: `During ${when.en}, ${subject.en} count less than ${min.en} full-time equivalent. According to Skolverket's guidance the requirement applies every day of the period.`,
  };
  if (meets(question.withUnknown, measure, question.tested, minimum)) {
    const ids = question.unknownMembers;
    const names = { sv: formatList(ids, 'sv'), en: formatList(ids, 'en') };
    return finding(
      definition,
      lang,
      question.where,
      'review',
      {
        sv: `${shortMessage.sv} Kravet uppfylls om ${names.sv} har relevant utbildning, men den är inte angiven.`,
        en: `${shortMessage.en} The requirement is met if ${names.en} have relevant education, but it is not given.`,
      },
      {
        fix: { sv: `Ange utbildningen för ${names.sv}.`, en: `State the education of ${names.en}.` },
        fixData: { kind: 'state_education', members: ids },
        details,
      },
    );
  }
  const fix = { sv: raiseText(rule, seen.shortfalls, 'sv'), en: raiseText(rule, seen.shortfalls, 'en') };
  if (question.unknownMembers.length > 0) {
    // Stating a missing education may shrink the change; say how far, without counting on it.
    const ids = question.unknownMembers;
    const ifKnown = examine(question.withUnknown, measure, question.tested, minimum).shortfalls;
    fix.sv += ` Om ${formatList(ids, 'sv')} har relevant utbildning räcker det att ${lowerFirst(raiseText(rule, ifKnown, 'sv'))}`;
    fix.en += ` If ${formatList(ids, 'en')} have relevant education, it is enough to ${lowerFirst(raiseText(rule, ifKnown, 'en'))}`;
  }
  return finding(definition, lang, question.where, 'fail', shortMessage, {
    fix,
    fixData: {
      kind: 'raise_fte',
      side: measure === 'total' ? 'both' : measure,
      ranges: seen.shortfalls.map((s) => ({ from: dateOf(s.first), to: dateOf(s.last), by: (s.deficit / 100).toFixed(2) })),
    },
    details,
  });
}

/** Members with unknown education who would count on the measured side(s) (D4). */
function unknownOn(measure: Measure, members: MemberFacts[]): string[] {
  return members.filter((m) => m.active && m.counting === 'unknown' && (measure === 'total' || measure === m.member.side)).map((m) => m.member.id);
}

/** A staffing requirement as a rule: the same check for the teams together (D9) and for each team. */
export function staffingRuleOf(rule: StaffingRule): Rule {
  const { measure } = rule;
  const minimumOf = (minima: Minima) => (measure === 'school' ? minima.school : measure === 'social_services' ? minima.socialServices : minima.total);
  const ask = (scope: StaffingScope, minima: Minima, lang: Lang) =>
    checkStaffing(
      rule,
      minimumOf(minima),
      {
        where: scope.where,
        qualifying: scope.staffing.qualifying,
        withUnknown: scope.staffing.withUnknown,
        tested: scope.tested,
        unknownMembers: unknownOn(measure, scope.members),
      },
      lang,
    );
  return {
    definition: rule.definition,
    checkApplication: (c) => ask(c.together, c.minima, c.lang),
    checkTeam: (c) => ask(c.own, c.minima, c.lang),
  };
}
