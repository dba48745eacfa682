/**
 * assess(application, { asOf }) applies the rule set of the application's bidragsår and
 * returns every finding, each team's status and the amounts. Pure: the evaluation date is an
 * argument, nothing is read from the clock, the network or a database.
 *
 * The engine knows no rule by name: it runs the rules the rule set lists, looked up in the
 * registry (rules/registry.ts), and each rule brings its checks and its effects on counting
 * and money (rules/rule.ts, Rule).
 */
import { dateOf, dayNumber, overlap } from './dates.ts';
import { memberCost, type MemberCost } from './member-cost.ts';
import { sumKronor } from './money.ts';
import { demandNotice } from './notice.ts';
import type { RuleSet } from './params/rule-set.ts';
import { priorityShares } from './priority-tier.ts';
import { registry as defaultRegistry, type RuleRegistry } from './registry.ts';
import type { Counting, MemberFacts, Rule, Staffing, StaffingScope, TeamFacts } from './rule.ts';
import { ruleSetFor } from './rule-sets.ts';
import { skolverketFundsSide, splitByTeamStatus, teamCarriesMoney } from './skolverket-grant.ts';
import { dailyStaffing, examine, highest, hundredths, type Contribution, type DayRange } from './staffing.ts';
import { applicationStatus, teamStatus, type Minima, type TeamStatusQuestion } from './team-status.ts';
import type { Application, Assessment, Finding, Lang, Member, TeamResult } from './types.ts';

export interface AssessOptions {
  /** The evaluation date, YYYY-MM-DD (decides only whether the application window has closed). */
  asOf: string;
  lang?: Lang;
  /**
   * Use each member's `actualCost` where given (a settlement, [D19](../docs/decisions.md#d19)).
   * Off for an assessment of an application, which ignores it.
   */
  actualCosts?: boolean;
}

export class NoRuleSetError extends Error {
  constructor(readonly grantYear: number) {
    super(`No rule set for grant year ${grantYear}`);
  }
}

/** The rules a rule set applies, in its order, grouped by what they do. */
interface Plan {
  admitsTeam: Rule[];
  counts: Rule[];
  bearsCost: Rule[];
  checkApplication: Rule[];
  checkTeam: Rule[];
  checkMember: Rule[];
  matchedMoney: Rule['matchedMoney'];
}

const plans = new WeakMap<RuleSet, { registry: RuleRegistry; plan: Plan }>();

/** The plan of a rule set, made once per rule set and registry. */
function planOf(ruleSet: RuleSet, registry: RuleRegistry): Plan {
  const known = plans.get(ruleSet);
  if (known?.registry === registry) return known.plan;
  const plan = makePlan(ruleSet, registry);
  plans.set(ruleSet, { registry, plan });
  return plan;
}

function makePlan(ruleSet: RuleSet, registry: RuleRegistry): Plan {
  const rules = ruleSet.rules.map((id) => registry.get(id));
  const having = (hook: keyof Rule) => rules.filter((rule) => rule[hook] !== undefined);
  return {
    admitsTeam: having('admitsTeam'),
    counts: having('counts'),
    bearsCost: having('bearsCost'),
    checkApplication: having('checkApplication'),
    checkTeam: having('checkTeam'),
    checkMember: having('checkMember'),
    matchedMoney: rules.find((rule) => rule.matchedMoney)?.matchedMoney,
  };
}

const rank: Record<Counting, number> = { no: 0, unknown: 1, yes: 2 };

/** A member counts as the least of what every counting rule says. */
function countingOf(member: Member, ruleSet: RuleSet, plan: Plan): Counting {
  let counting: Counting = 'yes';
  for (const rule of plan.counts) {
    const said = rule.counts!(member, ruleSet);
    if (rank[said] < rank[counting]) counting = said;
  }
  return counting;
}

function contributions(members: MemberFacts[], counts: (m: MemberFacts) => boolean): Contribution[] {
  const result: Contribution[] = [];
  for (const m of members) {
    if (m.active && counts(m)) result.push({ side: m.member.side, hundredths: m.fte, days: m.active });
  }
  return result;
}

/** Sorted, merged day ranges. */
function union(ranges: DayRange[]): DayRange[] {
  const merged: DayRange[] = [];
  for (const range of [...ranges].sort((a, b) => a.first - b.first)) {
    const last = merged[merged.length - 1];
    if (last && range.first <= last.last + 1) last.last = Math.max(last.last, range.last);
    else merged.push({ ...range });
  }
  return merged;
}

/** Daily staffing over `span`, counting the members who count, and also those with unknown education (D4). */
function staffingOf(span: DayRange, members: MemberFacts[]): Staffing {
  return {
    qualifying: dailyStaffing(
      span,
      contributions(members, (m) => m.counting === 'yes'),
    ),
    withUnknown: dailyStaffing(
      span,
      contributions(members, (m) => m.counting !== 'no'),
    ),
  };
}

/**
 * Each team's staffing day by day, alone and together with the huvudman's other teams (D1,
 * D9): what its status is decided on. A settlement reads it for the conditions during the
 * year (D21).
 */
export function staffingByTeam(application: Application, ruleSet: RuleSet, registry: RuleRegistry = defaultRegistry): TeamStatusQuestion[] {
  const grantPeriod = ruleSet.year.grantPeriod.value;
  const span = { first: dayNumber(grantPeriod.from), last: dayNumber(grantPeriod.to) };
  const teams = factsOf(application, ruleSet, planOf(ruleSet, registry));
  const together = staffingOf(
    span,
    teams.filter((t) => t.admitted).flatMap((t) => t.members),
  );
  return teams.map((t) => ({ gatesPass: t.admitted, period: t.period, own: staffingOf(t.period, t.members), together }));
}

export function minimaOf(ruleSet: RuleSet): Minima {
  return {
    school: hundredths(ruleSet.minSchoolFte.value),
    socialServices: hundredths(ruleSet.minSocialServicesFte.value),
    total: hundredths(ruleSet.minTeamFte.value),
  };
}

function factsOf(application: Application, ruleSet: RuleSet, plan: Plan): TeamFacts[] {
  const grantPeriod = ruleSet.year.grantPeriod.value;
  return application.teams.map((team, index) => {
    const from = team.period?.from ?? grantPeriod.from;
    const to = team.period?.to ?? grantPeriod.to;
    const period = { first: dayNumber(from), last: dayNumber(to) };
    const members = team.members.map((member) => ({
      member,
      counting: countingOf(member, ruleSet, plan),
      active: overlap({ first: dayNumber(member.start), last: member.end === null ? Number.POSITIVE_INFINITY : dayNumber(member.end) }, period),
      fte: hundredths(member.fte),
    }));
    const admitted = plan.admitsTeam.every((rule) => rule.admitsTeam!(team));
    return { team, index, period, periodDates: { from, to }, admitted, members };
  });
}

export function assess(application: Application, options: AssessOptions): Assessment {
  const ruleSet = ruleSetFor(application.grantYear);
  if (!ruleSet) throw new NoRuleSetError(application.grantYear);
  return assessUnder(ruleSet, application, options);
}

/** The assessment under a given rule set, running its rules from `registry`. */
export function assessUnder(ruleSet: RuleSet, application: Application, options: AssessOptions, registry: RuleRegistry = defaultRegistry): Assessment {
  const plan = planOf(ruleSet, registry);
  const lang = options.lang ?? 'sv';
  const minima = minimaOf(ruleSet);
  const grantPeriod = ruleSet.year.grantPeriod.value;
  const span = { first: dayNumber(grantPeriod.from), last: dayNumber(grantPeriod.to) };
  const teams = factsOf(application, ruleSet, plan);

  // D9: all teams every rule admits, summed over the grant period.
  const admitted = teams.filter((t) => t.admitted);
  const togetherMembers = admitted.flatMap((t) => t.members);
  const together: StaffingScope = {
    where: { scope: 'application' },
    staffing: staffingOf(span, togetherMembers),
    tested: union(admitted.map((t) => t.period)),
    members: togetherMembers,
  };

  const findings: Finding[] = [];
  const check = { application, ruleSet, minima, lang, asOf: options.asOf, together };
  for (const rule of plan.checkApplication) {
    const found = rule.checkApplication!(check);
    if (found) findings.push(found);
  }

  const teamContext: TeamContext = {
    application,
    ruleSet,
    minima,
    lang,
    plan,
    together: together.staffing,
    findings,
    actualCosts: options.actualCosts ?? false,
  };
  const teamResults = teams.map((facts) => assessTeam(facts, teamContext));

  const matched = plan.matchedMoney;
  const teamMoney = teamResults.map((t) => ({
    municipalityCode: t.municipalityCode,
    status: t.status,
    amounts: {
      skolverketGrant: t.amounts.skolverketGrant,
      matched: t.amounts.matched ?? '0',
      matchedUsable: t.amounts.matchedUsable ?? '0',
      repaymentRisk: t.amounts.repaymentRisk ?? '0',
    },
  }));
  return {
    status: applicationStatus(teamResults.map((t) => t.status)),
    grantYear: application.grantYear,
    ruleSet: { id: ruleSet.id, title: ruleSet.title[lang], period: { ...grantPeriod } },
    assessedOn: options.asOf,
    lang,
    findings,
    teams: teamResults,
    amounts: {
      eligibleCost: sumKronor(teamResults.map((t) => t.amounts.eligibleCost)),
      skolverketGrant: sumKronor(teamResults.map((t) => t.amounts.skolverketGrant)),
      municipalities: matched ? matched.municipalities(teamMoney) : [],
      // D18: without a matched allocation (2023) only the grant is split.
      byTeamStatus: splitByTeamStatus(
        teamMoney,
        matched ? (['skolverketGrant', 'matched', 'matchedUsable', 'repaymentRisk'] as const) : (['skolverketGrant'] as const),
      ),
      ...demandNotice(ruleSet, lang),
    },
  };
}

interface TeamContext {
  application: Application;
  ruleSet: RuleSet;
  minima: Minima;
  lang: Lang;
  plan: Plan;
  together: Staffing;
  /** Findings are appended here, team by team, in rule-set order. */
  findings: Finding[];
  actualCosts: boolean;
}

function assessTeam(facts: TeamFacts, context: TeamContext): TeamResult {
  const { team, index, period, members } = facts;
  const { ruleSet, plan, minima, lang, findings } = context;
  const own: StaffingScope = { where: { scope: 'team', team: index }, staffing: staffingOf(period, members), tested: [period], members };
  const statusQuestion: TeamStatusQuestion = { gatesPass: facts.admitted, period, own: own.staffing, together: context.together };
  const status = teamStatus(statusQuestion, minima);
  const carriesMoney = teamCarriesMoney(status);

  // D5–D7: every member's cost and grant; Skolverket funds the sides D7 names.
  const organiserType = context.application.organiser.type;
  const actualCost = (m: MemberFacts) => (context.actualCosts ? m.member.actualCost : undefined);
  const costs: MemberCost[] = members.map((m) =>
    memberCost(
      m.member,
      m.active,
      m.counting === 'yes' && plan.bearsCost.every((rule) => rule.bearsCost!(m.member, team)),
      ruleSet.grantShare.value,
      actualCost(m),
    ),
  );
  const fundedSide = members.map((m) => skolverketFundsSide(m.member.side, organiserType, ruleSet));
  const social = members.map((m) => m.member.side === 'social_services');
  const pick = (lines: string[], keep: boolean[]) => sumKronor(lines.filter((_, i) => keep[i]));
  const eligibleCost = pick(
    costs.map((c) => c.eligibleCost),
    fundedSide,
  );
  const skolverketGrant = carriesMoney
    ? pick(
        costs.map((c) => c.grant),
        fundedSide,
      )
    : '0';
  const socialServicesGrant = pick(
    costs.map((c) => c.grant),
    social,
  );
  const matched = plan.matchedMoney?.team(skolverketGrant, socialServicesGrant);

  // D10: requested fte is the highest daily sum of the funded school-side members.
  const requestingMembers = members.filter((m, i) => m.member.side === 'school' && costs[i].eligibleCost !== '0');
  const requested = highest(
    dailyStaffing(
      period,
      contributions(requestingMembers, () => true),
    ),
    'school',
  );
  const shares = ruleSet.priorityTiers.value ? priorityShares(team, status, requested, hundredths(team.previouslyGrantedFte)) : [];

  const { application } = context;
  const teamCheck = { application, ruleSet, minima, lang, facts, own, status, statusQuestion, matched };
  for (const rule of plan.checkTeam) {
    const found = rule.checkTeam!(teamCheck);
    if (found) findings.push(found);
  }
  members.forEach((member, i) => {
    const check = { application, ruleSet, minima, lang, facts, member, cost: costs[i], actualCost: actualCost(member) !== undefined };
    for (const rule of plan.checkMember) {
      const found = rule.checkMember!(check);
      if (found) findings.push(found);
    }
  });

  // D14: the lowest daily sums, counting only members with qualifying education.
  const lowest = (measure: 'school' | 'social_services' | 'total') => (examine(own.staffing.qualifying, measure, [period], 0).lowest / 100).toFixed(2);
  return {
    name: team.name,
    municipalityCode: team.municipalityCode,
    period: { ...facts.periodDates },
    status,
    fte: { schoolMin: lowest('school'), socialServicesMin: lowest('social_services'), totalMin: lowest('total') },
    staffing: own.staffing.qualifying.runs.map((run) => ({
      from: dateOf(run.first),
      to: dateOf(run.last),
      school: (run.school / 100).toFixed(2),
      socialServices: (run.socialServices / 100).toFixed(2),
    })),
    requestedFte: (requested / 100).toFixed(2),
    priorityTier: shares.map((s) => s.tier),
    priorityShares: shares.map((s) => ({ tier: s.tier, fte: (s.hundredths / 100).toFixed(2) })),
    amounts: {
      eligibleCost,
      skolverketGrant,
      socialServicesCost: pick(
        costs.map((c) => c.eligibleCost),
        social,
      ),
      socialServicesGrant,
      ...matched,
    },
    members: members.map((m, i) => ({
      id: m.member.id,
      side: m.member.side,
      counts: m.counting === 'yes',
      funded: carriesMoney && fundedSide[i] && costs[i].eligibleCost !== '0',
      eligibleCost: costs[i].eligibleCost,
      grant: costs[i].grant,
    })),
  };
}
