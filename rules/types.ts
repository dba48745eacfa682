/**
 * The shapes the engine works on. An `Application` is what the public API accepts after
 * validation (forms/application.ts): decimals are strings, dates are `YYYY-MM-DD`, every
 * optional field has its default. An `Assessment` is what the engine returns.
 * Field names follow the public interface (docs/api.md).
 */

export type Lang = 'sv' | 'en';

export type OrganiserType = 'municipal' | 'independent' | 'region' | 'municipal_association';
export type SchoolForm = 'grundskola' | 'gymnasieskola' | 'anpassad_grundskola' | 'anpassad_gymnasieskola' | 'forskoleklass' | 'specialskola' | 'sameskola';
export type TeamStatusInput = 'new' | 'existing';
export type Side = 'school' | 'social_services';
export type Engagement = 'employment' | 'assignment';
export type Education = 'psychosocial_degree' | 'psychosocial_training' | 'socionomexamen' | 'other_relevant_degree' | 'none' | 'unknown';
export type Origin = 'new' | 'previously_funded' | 'redistributed';

export interface DateRange {
  from: string;
  to: string;
}

export interface Member {
  id: string;
  side: Side;
  role: string;
  engagement: Engagement;
  /** Tjänstgöringsgrad in the team, "0.01" … "1.00". */
  fte: string;
  start: string;
  /** Inclusive; null means open-ended (tillsvidare). */
  end: string | null;
  education: Education;
  educationNote: string;
  origin: Origin;
  /** Monthly salary (or fee) at full time, kronor. */
  monthlySalary: string;
  /** Employer cost rate as a fraction, e.g. "0.3142". */
  employerCostRate: string;
  /** Share of the member's cost funded by other state grants, "0" … "1". */
  otherFundingShare: string;
  /**
   * The member's actual personnel cost in the team's period, employer costs included, kronor
   * (from the ledger). Only a settlement reads it ([D19](../docs/decisions.md#d19)); an assessment ignores it.
   */
  actualCost?: string;
}

export interface Team {
  name: string;
  schoolForms: SchoolForm[];
  municipalityCode: string;
  /** Null means the whole grant period. */
  period: DateRange | null;
  status: TeamStatusInput;
  previouslyGrantedFte: string;
  contractEducation: boolean;
  members: Member[];
}

export interface Organiser {
  name: string;
  orgNumber: string;
  type: OrganiserType;
}

export interface Application {
  grantYear: number;
  organiser: Organiser;
  teams: Team[];
}

export type Outcome = 'pass' | 'fail' | 'warn' | 'review' | 'info';
export type Scope = 'application' | 'team' | 'member';

/** The smallest change that would turn a finding into a pass, as data. */
export type FixData =
  | { kind: 'raise_fte'; side: Side | 'both'; ranges: Array<DateRange & { by: string }> }
  | { kind: 'state_education'; members: string[] }
  | { kind: 'qualifying_education'; member: string; options: Education[] }
  | { kind: 'extend_engagement'; member: string; to: string }
  | { kind: 'serve_school_form'; options: SchoolForm[] }
  | { kind: 'exclude_contract_education' }
  | { kind: 'raise_social_services_cost'; municipalityCode: string; by: string };

export interface Finding {
  rule: string;
  scope: Scope;
  team?: number;
  member?: string;
  outcome: Outcome;
  citation: string;
  message: string;
  fix?: string;
  fixData?: FixData;
  /** Figures behind the verdict (lowest fte, date ranges, amounts). */
  details?: Record<string, unknown>;
}

export type TeamStatus = 'eligible' | 'eligible_aggregate_only' | 'needs_review' | 'not_eligible';
/** The statuses whose teams carry money (D13). */
export type TeamStatusWithMoney = Exclude<TeamStatus, 'not_eligible'>;
export type ApplicationStatus = 'eligible' | 'needs_review' | 'not_eligible';

export interface MemberResult {
  id: string;
  side: Side;
  /** Counts towards the staffing minimum (qualifying education and six months, D2). */
  counts: boolean;
  /** Its grant is part of Skolverket's grant for the team (D7, D13). */
  funded: boolean;
  eligibleCost: string;
  grant: string;
}

export interface TeamAmounts {
  /** Eligible cost of the members whose cost Skolverket funds (D7). */
  eligibleCost: string;
  skolverketGrant: string;
  /** Eligible cost of the team's social-services members (D5). */
  socialServicesCost: string;
  /** Half of it, line by line: the most of the matched allocation the kommun may use (D8). */
  socialServicesGrant: string;
  matched?: string;
  matchedUsable?: string;
  repaymentRisk?: string;
}

export interface TeamResult {
  name: string;
  municipalityCode: string;
  period: DateRange;
  status: TeamStatus;
  fte: { schoolMin: string; socialServicesMin: string; totalMin: string };
  /** Day-by-day staffing as runs of days with the same sums, counting qualifying members (D14). */
  staffing: Array<DateRange & { school: string; socialServices: string }>;
  /** Requested school-side fte (D10) and the tiers it falls in. */
  requestedFte: string;
  priorityTier: number[];
  priorityShares: Array<{ tier: number; fte: string }>;
  amounts: TeamAmounts;
  members: MemberResult[];
}

export interface MatchedFigures {
  matched: string;
  matchedUsable: string;
  repaymentRisk: string;
}

export interface MunicipalityAmounts extends MatchedFigures {
  municipalityCode: string;
  /** D18: the kommun's figures split by the status of the teams they come from. */
  byTeamStatus: Record<TeamStatusWithMoney, MatchedFigures>;
}

/** D18: the part of the totals that comes from teams of one status (2023: the grant only). */
export interface StatusAmounts extends Partial<MatchedFigures> {
  skolverketGrant: string;
}

export interface Assessment {
  status: ApplicationStatus;
  grantYear: number;
  ruleSet: { id: string; title: string; period: DateRange };
  assessedOn: string;
  lang: Lang;
  findings: Finding[];
  teams: TeamResult[];
  amounts: {
    eligibleCost: string;
    skolverketGrant: string;
    municipalities: MunicipalityAmounts[];
    /** D18: the totals split by the status of the teams they come from; the parts add up. */
    byTeamStatus: Record<TeamStatusWithMoney, StatusAmounts>;
    /** D12: amounts are maxima; the latest known demand gives context. */
    notice: string;
    demandRatio: string | null;
  };
}

// ---------------------------------------------------------------------------------------------
// The settlement after the year (the settlement after the year, D19–D23 in docs/decisions.md).

/** Skolverket's decision: the granted amount per team, in the order of the application's teams. */
export interface Decision {
  teams: Array<{ skolverketGrant: string }>;
}

export interface SettlementInput {
  /** The application as carried out during the bidragsår (members may carry actualCost). */
  application: Application;
  decision: Decision;
  /** The application as applied for, to list the changes to report (D23). */
  applied?: Application;
}

/** D21: the carried-out team's status under §5, in a word. */
export type Conditions = 'met' | 'needs_review' | 'not_met';

/** D21: a range of days in which the team fell below a minimum, with its lowest daily fte. */
export interface BelowMinimum extends DateRange {
  side: 'school' | 'social_services' | 'total';
  /** The team's own lowest daily fte in the range, two decimals. */
  lowest: string;
  /** The minimum it fell below, two decimals. */
  minimum: string;
}

/** D22: the kommun's matched money, all whole kronor. */
export interface SettlementMatched {
  received: string;
  usable: string;
  repay: string;
}

export interface SettlementTeam {
  name: string;
  /** The carried-out team's status under §5. */
  status: TeamStatus;
  conditions: Conditions;
  decided: string;
  justified: string;
  used: string;
  unused: string;
  belowMinimum: BelowMinimum[];
  matched: SettlementMatched & { municipalityCode: string };
}

export type ChangeKind = 'ended_early' | 'started_later' | 'fte_lowered' | 'removed' | 'added';
export type Agency = 'skolverket' | 'socialstyrelsen';

/** D23: a change to report without delay (15 §), from the day it applies. */
export interface ChangeToReport {
  member: string;
  /** The team's index (in the carried-out application; in the applied one for a removed member). */
  team: number;
  side: Side;
  kind: ChangeKind;
  from: string;
  /** What the application said and what happened: an end date (null: open-ended), a start date or an fte. */
  applied?: string | null;
  actual?: string | null;
  /** Who the change is reported to. */
  agencies: Agency[];
  message: string;
}

export interface Settlement {
  grantYear: number;
  ruleSet: { id: string; title: string; period: DateRange };
  lang: Lang;
  /** Every figure is the product's estimate; the agencies decide. */
  notice: string;
  teams: SettlementTeam[];
  totals: { decided: string; justified: string; used: string; unused: string };
  municipalities: Array<SettlementMatched & { municipalityCode: string }>;
  /** True when the applied-for application was given, so changes could be listed. */
  changesCompared: boolean;
  changes: ChangeToReport[];
  findings: Finding[];
  /** The full assessment of the carried-out application, with the actual costs (D19). */
  assessment: Assessment;
}
