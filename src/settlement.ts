/**
 * A settlement as the public API names it (API.md "Settlements", RULEBOOK §6, D19–D23): the
 * request (the application as carried out, Skolverket's decision per team and, optionally, the
 * application as applied for) and the response the engine gives for it.
 */
import type { Application, Assessment, DateRange, Finding, Lang, Side, TeamStatus } from '../rules/types.ts';

export type Conditions = 'met' | 'needs_review' | 'not_met';
export type ChangeKind = 'ended_early' | 'started_later' | 'fte_lowered' | 'removed' | 'added';
export type Agency = 'skolverket' | 'socialstyrelsen';

export interface SettlementInput {
  application: Application;
  decision: { teams: Array<{ skolverketGrant: string }> };
  applied?: Application;
}

export interface BelowMinimum extends DateRange {
  side: 'school' | 'social_services' | 'total';
  lowest: string;
  minimum: string;
}

export interface SettlementMatched {
  received: string;
  usable: string;
  repay: string;
}

export interface SettlementTeam {
  name: string;
  status: TeamStatus;
  conditions: Conditions;
  decided: string;
  justified: string;
  used: string;
  unused: string;
  belowMinimum: BelowMinimum[];
  matched: SettlementMatched & { municipalityCode: string };
}

export interface ChangeToReport {
  member: string;
  team: number;
  side: Side;
  kind: ChangeKind;
  from: string;
  agencies: Agency[];
  message: string;
}

export interface Settlement {
  grantYear: number;
  ruleSet: { id: string; title: string; period: DateRange };
  lang: Lang;
  notice: string;
  teams: SettlementTeam[];
  totals: { decided: string; justified: string; used: string; unused: string };
  municipalities: Array<SettlementMatched & { municipalityCode: string }>;
  changesCompared: boolean;
  changes: ChangeToReport[];
  findings: Finding[];
  assessment: Assessment;
}
