/**
 * assess(application, { asOf }) applies the rule set of the application's bidragsår and
 * returns every finding, each team's status and the amounts. Pure: the evaluation date is an
 * argument, nothing is read from the clock, the network or a database.
 */
import { checkApplicationWindow } from './application-window.ts';
import { checkContractEducation } from './contract-education.ts';
import { dateOf, dayNumber, overlap } from './dates.ts';
import { checkGrantYear } from './grant-year.ts';
import { checkIndependentOwnStaff } from './independent-own-staff.ts';
import { checkMatchedAllocation, matchedAmounts, municipalityTotals } from './matched-allocation.ts';
import { checkMemberCost, memberCost, type MemberCost } from './member-cost.ts';
import { lastsLongEnough, checkMemberDuration } from './member-duration.ts';
import { checkMemberEducation, educationClass, type EducationClass } from './member-education.ts';
import { checkMemberOrigin } from './member-origin.ts';
import { checkMemberOtherFunding } from './member-other-funding.ts';
import { sumKronor } from './money.ts';
import { demandNotice } from './notice.ts';
import { checkOrganiserType } from './organiser-type.ts';
import type { RuleSet } from './params/rule-set.ts';
import { priorityShares } from './priority-tier.ts';
import { ruleSetFor } from './rule-sets.ts';
import { checkSchoolForms, servesQualifyingSchoolForm } from './school-forms.ts';
import { schoolStaffing } from './school-staff-fte.ts';
import { skolverketFundsSide, splitByTeamStatus, teamCarriesMoney } from './skolverket-grant.ts';
import { socialServicesStaffing } from './social-services-fte.ts';
import {
  checkStaffing,
  dailyStaffing,
  examine,
  highest,
  hundredths,
  type Contribution,
  type DailyStaffing,
  type DayRange,
  type StaffingQuestion,
  type StaffingRule,
} from './staffing.ts';
import { teamTotalStaffing } from './team-total-fte.ts';
import { applicationStatus, checkPriorityReview, teamStatus, type Minima, type TeamStatusQuestion } from './team-status.ts';
import type { Application, Assessment, Finding, Lang, Member, Team, TeamResult } from './types.ts';

export interface AssessOptions {
  /** The evaluation date, YYYY-MM-DD (decides only whether the application window has closed). */
  asOf: string;
  lang?: Lang;
  /**
   * Use each member's `actualCost` where given (a settlement, RULEBOOK D19). Off for an
   * assessment of an application, which ignores it.
   */
  actualCosts?: boolean;
}

export class NoRuleSetError extends Error {
  constructor(readonly grantYear: number) {
    super(`No rule set for grant year ${grantYear}`);
  }
}

/** What the engine knows about one member before any rule speaks. */
interface MemberFacts {
  member: Member;
  education: EducationClass;
  longEnough: boolean;
  /** The days the member is active inside the team's period (D2), if any. */
  active: DayRange | undefined;
  fte: number;
}

interface TeamFacts {
  team: Team;
  index: number;
  period: DayRange;
  periodDates: { from: string; to: string };
  /** School forms and contract education pass: the team can take part in D9's sum. */
  gatesPass: boolean;
  members: MemberFacts[];
}

const staffingRules: StaffingRule[] = [teamTotalStaffing, schoolStaffing, socialServicesStaffing];

const countsWhenQualifying = (m: MemberFacts) => m.longEnough && (m.education === 'qualifies' || m.education === 'assessed');
const countsWhenUnknownQualifies = (m: MemberFacts) => countsWhenQualifying(m) || (m.longEnough && m.education === 'unknown');

function contributions(members: MemberFacts[], counts: (m: MemberFacts) => boolean): Contribution[] {
  const result: Contribution[] = [];
  for (const m of members) {
    if (m.active && counts(m)) result.push({ side: m.member.side, hundredths: m.fte, days: m.active });
  }
  return result;
}

/** Members with unknown education who would count if it qualified (D4), on the measured sides. */
function unknownMembers(members: MemberFacts[], rule: StaffingRule): Array<{ id: string; side: Member['side'] }> {
  return members
    .filter((m) => m.active && m.longEnough && m.education === 'unknown')
    .filter((m) => rule.measure === 'total' || rule.measure === m.member.side)
    .map((m) => ({ id: m.member.id, side: m.member.side }));
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

/** Daily staffing over `span`, counting qualifying members, and also those with unknown education (D4). */
function staffingOf(span: DayRange, members: MemberFacts[]): { qualifying: DailyStaffing; withUnknown: DailyStaffing } {
  return {
    qualifying: dailyStaffing(span, contributions(members, countsWhenQualifying)),
    withUnknown: dailyStaffing(span, contributions(members, countsWhenUnknownQualifies)),
  };
}

/**
 * Each team's staffing day by day, alone and together with the huvudman's other teams (D1,
 * D9): what its status is decided on. A settlement reads it for the conditions during the
 * year (D21).
 */
export function staffingByTeam(application: Application, ruleSet: RuleSet): TeamStatusQuestion[] {
  const grantPeriod = ruleSet.year.grantPeriod.value;
  const span = { first: dayNumber(grantPeriod.from), last: dayNumber(grantPeriod.to) };
  const teams = factsOf(application, ruleSet);
  const together = staffingOf(span, teams.filter((t) => t.gatesPass).flatMap((t) => t.members));
  return teams.map((t) => ({ gatesPass: t.gatesPass, period: t.period, own: staffingOf(t.period, t.members), together }));
}

export function minimaOf(ruleSet: RuleSet): Minima {
  return {
    school: hundredths(ruleSet.minSchoolFte.value),
    socialServices: hundredths(ruleSet.minSocialServicesFte.value),
    total: hundredths(ruleSet.minTeamFte.value),
  };
}

function minimumFor(rule: StaffingRule, minima: Minima): number {
  return rule.measure === 'school' ? minima.school : rule.measure === 'social_services' ? minima.socialServices : minima.total;
}

function factsOf(application: Application, ruleSet: RuleSet): TeamFacts[] {
  const grantPeriod = ruleSet.year.grantPeriod.value;
  const months = ruleSet.minEngagementMonths.value;
  return application.teams.map((team, index) => {
    const from = team.period?.from ?? grantPeriod.from;
    const to = team.period?.to ?? grantPeriod.to;
    const period = { first: dayNumber(from), last: dayNumber(to) };
    const members = team.members.map((member) => ({
      member,
      education: educationClass(member.education),
      longEnough: lastsLongEnough(member, months),
      active: overlap(
        { first: dayNumber(member.start), last: member.end === null ? Number.POSITIVE_INFINITY : dayNumber(member.end) },
        period,
      ),
      fte: hundredths(member.fte),
    }));
    return { team, index, period, periodDates: { from, to }, gatesPass: servesQualifyingSchoolForm(team) && !team.contractEducation, members };
  });
}

export function assess(application: Application, options: AssessOptions): Assessment {
  const ruleSet = ruleSetFor(application.grantYear);
  if (!ruleSet) throw new NoRuleSetError(application.grantYear);
  const lang = options.lang ?? 'sv';
  const applies = new Set(ruleSet.rules);
  const minima = minimaOf(ruleSet);
  const grantPeriod = ruleSet.year.grantPeriod.value;
  const span = { first: dayNumber(grantPeriod.from), last: dayNumber(grantPeriod.to) };
  const teams = factsOf(application, ruleSet);

  // D9: all teams that pass school forms and contract education, summed over the grant period.
  const together = teams.filter((t) => t.gatesPass);
  const togetherMembers = together.flatMap((t) => t.members);
  const togetherStaffing = staffingOf(span, togetherMembers);
  const togetherDays = union(together.map((t) => t.period));

  const findings: Finding[] = [];
  if (applies.has('grant-year')) findings.push(checkGrantYear(ruleSet, lang));
  if (applies.has('organiser-type')) findings.push(checkOrganiserType(application.organiser.type, lang));
  if (applies.has('application-window')) findings.push(checkApplicationWindow(ruleSet, options.asOf, lang));
  for (const rule of staffingRules) {
    if (!applies.has(rule.definition.id)) continue;
    const question: StaffingQuestion = {
      where: { scope: 'application' },
      ...togetherStaffing,
      tested: togetherDays,
      unknownMembers: unknownMembers(togetherMembers, rule),
    };
    findings.push(checkStaffing(rule, minimumFor(rule, minima), question, lang));
  }

  const actualCosts = options.actualCosts ?? false;
  const teamResults = teams.map((facts) => assessTeam(facts, { application, ruleSet, applies, minima, lang, togetherStaffing, findings, actualCosts }));

  const matched = applies.has('matched-allocation');
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
      municipalities: matched ? municipalityTotals(teamMoney) : [],
      // D18: for 2023 there is no matched allocation, so only the grant is split.
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
  applies: Set<string>;
  minima: Minima;
  lang: Lang;
  togetherStaffing: { qualifying: DailyStaffing; withUnknown: DailyStaffing };
  /** Findings are appended here, team by team, in rule-set order. */
  findings: Finding[];
  actualCosts: boolean;
}

function assessTeam(facts: TeamFacts, context: TeamContext): TeamResult {
  const { team, index, period, members } = facts;
  const { ruleSet, applies, minima, lang, findings } = context;
  const own = staffingOf(period, members);
  const statusQuestion: TeamStatusQuestion = { gatesPass: facts.gatesPass, period, own, together: context.togetherStaffing };
  const status = teamStatus(statusQuestion, minima);
  const carriesMoney = teamCarriesMoney(status);

  // D5–D7: every member's cost and grant; Skolverket funds the sides D7 names.
  const organiserType = context.application.organiser.type;
  const actualCost = (m: MemberFacts) => (context.actualCosts ? m.member.actualCost : undefined);
  const costs: MemberCost[] = members.map((m) =>
    memberCost(
      m.member,
      m.active,
      countsWhenQualifying(m) && m.member.origin !== 'redistributed' && !team.contractEducation,
      ruleSet.grantShare.value,
      actualCost(m),
    ),
  );
  const fundedSide = members.map((m) => skolverketFundsSide(m.member.side, organiserType, ruleSet));
  const social = members.map((m) => m.member.side === 'social_services');
  const pick = (lines: string[], keep: boolean[]) => sumKronor(lines.filter((_, i) => keep[i]));
  const eligibleCost = pick(costs.map((c) => c.eligibleCost), fundedSide);
  const skolverketGrant = carriesMoney ? pick(costs.map((c) => c.grant), fundedSide) : '0';
  const socialServicesGrant = pick(costs.map((c) => c.grant), social);
  const matched = applies.has('matched-allocation') ? matchedAmounts(skolverketGrant, socialServicesGrant) : undefined;

  // D10: requested fte is the highest daily sum of the funded school-side members.
  const requestingMembers = members.filter((m, i) => m.member.side === 'school' && costs[i].eligibleCost !== '0');
  const requested = highest(dailyStaffing(period, contributions(requestingMembers, () => true)), 'school');
  const shares = ruleSet.priorityTiers.value
    ? priorityShares(team, status, requested, hundredths(team.previouslyGrantedFte))
    : [];

  const where = { scope: 'team' as const, team: index };
  for (const id of ruleSet.rules) {
    const staffingRule = staffingRules.find((r) => r.definition.id === id);
    if (staffingRule) {
      const question: StaffingQuestion = { where, ...own, tested: [period], unknownMembers: unknownMembers(members, staffingRule) };
      findings.push(checkStaffing(staffingRule, minimumFor(staffingRule, minima), question, lang));
    } else if (id === 'school-forms') findings.push(checkSchoolForms(team, index, lang));
    else if (id === 'contract-education') findings.push(checkContractEducation(team, index, lang));
    else if (id === 'team-status') {
      const unknown = unknownMembers(members, teamTotalStaffing).map((m) => m.id);
      const review = checkPriorityReview(status, statusQuestion, minima, unknown, index, lang);
      if (review) findings.push(review);
    }
    else if (id === 'matched-allocation' && matched) {
      findings.push(checkMatchedAllocation(matched, { code: team.municipalityCode, team: index }, lang));
    }
  }
  members.forEach(({ member }, i) => {
    for (const id of ruleSet.rules) {
      if (id === 'member-education') findings.push(checkMemberEducation(member, index, lang));
      else if (id === 'member-duration') findings.push(checkMemberDuration(member, index, ruleSet.minEngagementMonths.value, lang));
      else if (id === 'member-origin') findings.push(checkMemberOrigin(member, index, facts.periodDates.from, lang));
      else if (id === 'member-cost') findings.push(checkMemberCost(member, costs[i], index, lang, actualCost(members[i]) !== undefined));
      else if (id === 'member-other-funding') findings.push(checkMemberOtherFunding(member, index, lang));
      else if (id === 'independent-own-staff') {
        const info = checkIndependentOwnStaff(member, index, organiserType, lang);
        if (info) findings.push(info);
      }
    }
  });

  // D14: the lowest daily sums, counting only members with qualifying education.
  const lowest = (measure: 'school' | 'social_services' | 'total') =>
    (examine(own.qualifying, measure, [period], 0).lowest / 100).toFixed(2);
  return {
    name: team.name,
    municipalityCode: team.municipalityCode,
    period: { ...facts.periodDates },
    status,
    fte: { schoolMin: lowest('school'), socialServicesMin: lowest('social_services'), totalMin: lowest('total') },
    staffing: own.qualifying.runs.map((run) => ({
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
      socialServicesCost: pick(costs.map((c) => c.eligibleCost), social),
      socialServicesGrant,
      ...matched,
    },
    members: members.map((m, i) => ({
      id: m.member.id,
      side: m.member.side,
      counts: countsWhenQualifying(m),
      funded: carriesMoney && fundedSide[i] && costs[i].eligibleCost !== '0',
      eligibleCost: costs[i].eligibleCost,
      grant: costs[i].grant,
    })),
  };
}
