import type { MemberCost } from './member-cost.ts';
import type { RuleSet } from './params/rule-set.ts';
import type { DailyStaffing, DayRange } from './staffing.ts';
import type { Minima, TeamStatusQuestion } from './team-status.ts';
import type {
  Application,
  ChangeToReport,
  Finding,
  FixData,
  Lang,
  MatchedFigures,
  Member,
  MunicipalityAmounts,
  Outcome,
  Scope,
  SettlementTeam,
  Team,
  TeamStatus,
} from './types.ts';

/**
 * What every rule file declares about itself: its id (as in the public API), where it applies,
 * the provision it encodes and what that provision asks, in plain Swedish and English. The
 * rule documentation (docs/rules.md) and the rule-set API are generated from these.
 */
export interface RuleDefinition {
  id: string;
  /** A short heading for the rule, as on the result page. */
  title: Record<Lang, string>;
  scope: Scope | 'team and application';
  citation: string;
  /** The outcomes the rule can give. */
  outcomes: Outcome[];
  /** What the provision asks and how the product reads it, in plain language. */
  summary: Record<Lang, string>;
  /** True where the reading rests on the agencies' guidance rather than the ordinance's words. */
  guidance?: boolean;
}

/** A message in both languages; the engine picks one. */
export type Text = Record<Lang, string>;

/** Builds a finding that carries its rule's citation, in the language asked for. */
export function finding(
  rule: RuleDefinition,
  lang: Lang,
  where: { scope: Scope; team?: number; member?: string },
  outcome: Outcome,
  message: Text,
  extra: { fix?: Text; fixData?: FixData; details?: Record<string, unknown> } = {},
): Finding {
  // Built key by key so the JSON reads rule, scope, team, member, outcome, … in that order.
  const result = { rule: rule.id, scope: where.scope } as Finding;
  if (where.team !== undefined) result.team = where.team;
  if (where.member !== undefined) result.member = where.member;
  result.outcome = outcome;
  result.citation = rule.citation;
  result.message = message[lang];
  if (extra.fix) result.fix = extra.fix[lang];
  if (extra.fixData) result.fixData = extra.fixData;
  if (extra.details) result.details = extra.details;
  return result;
}

/**
 * Whether a member counts towards the staffing: yes, only if their unknown education turns
 * out to qualify (D4), or no. A member counts as the least of what every rule says.
 */
export type Counting = 'yes' | 'unknown' | 'no';

/** What the engine knows about one member once the rules' effects are applied. */
export interface MemberFacts {
  member: Member;
  counting: Counting;
  /** The days the member is active inside the team's period (D2), if any. */
  active: DayRange | undefined;
  /** The member's fte in hundredths. */
  fte: number;
}

export interface TeamFacts {
  team: Team;
  index: number;
  period: DayRange;
  periodDates: { from: string; to: string };
  /** Every rule admits the team (school forms, contract education): it takes part in D9's sum. */
  admitted: boolean;
  members: MemberFacts[];
}

/** Daily staffing counting the members who count, and also those whose education is unknown (D4). */
export interface Staffing {
  qualifying: DailyStaffing;
  withUnknown: DailyStaffing;
}

/** The staffing a staffing rule is asked about: the application's teams together, or one team. */
export interface StaffingScope {
  where: { scope: 'application' } | { scope: 'team'; team: number };
  staffing: Staffing;
  /** The days the requirement applies on. */
  tested: DayRange[];
  members: MemberFacts[];
}

interface Context {
  application: Application;
  ruleSet: RuleSet;
  minima: Minima;
  lang: Lang;
}

export interface ApplicationCheck extends Context {
  asOf: string;
  /** The teams that pass every gate, together over the grant period (D9). */
  together: StaffingScope;
}

export interface TeamCheck extends Context {
  facts: TeamFacts;
  own: StaffingScope;
  status: TeamStatus;
  statusQuestion: TeamStatusQuestion;
  /** The municipality's matched allocation for the team, where the rule set has one (D8). */
  matched: MatchedFigures | undefined;
}

export interface MemberCheck extends Context {
  facts: TeamFacts;
  member: MemberFacts;
  cost: MemberCost;
  /** The cost is the actual one from the ledger (D19). */
  actualCost: boolean;
}

export interface SettlementCheck {
  teams: SettlementTeam[];
  changes: ChangeToReport[] | undefined;
  lang: Lang;
}

/**
 * A rule: its definition, the checks that give its findings and its effects on counting and
 * money. The engine runs the rules a rule set names, in the rule set's order, through the
 * registry (rules/registry.ts); a rule without a hook for a scope gives nothing there.
 */
export interface Rule {
  definition: RuleDefinition;
  /** Effect: whether the team can take part at all (a team a rule does not admit is not eligible and has no cost). */
  admitsTeam?(team: Team): boolean;
  /** Effect: whether the member counts towards the staffing. */
  counts?(member: Member, ruleSet: RuleSet): Counting;
  /** Effect: whether a member who counts also has an eligible cost. */
  bearsCost?(member: Member, team: Team): boolean;
  /** Effect: the money the rule adds to each team and to each kommun (D8). */
  matchedMoney?: {
    team(skolverketGrant: string, socialServicesGrant: string): MatchedFigures;
    municipalities(teams: Array<{ municipalityCode: string; status: TeamStatus; amounts: MatchedFigures }>): MunicipalityAmounts[];
  };
  checkApplication?(check: ApplicationCheck): Finding | undefined;
  checkTeam?(check: TeamCheck): Finding | undefined;
  checkMember?(check: MemberCheck): Finding | undefined;
  /** The settlement after the year (the settlement after the year): findings for the application, then per team. */
  checkSettlement?(check: SettlementCheck): Finding[];
  checkSettledTeam?(team: SettlementTeam, index: number, lang: Lang): Finding;
}
