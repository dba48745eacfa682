/**
 * A settlement as the public API names it (API.md "Settlements", RULEBOOK §6, D19–D23): the
 * request (the application as carried out, Skolverket's decision per team and, optionally, the
 * application as applied for) and the response the engine gives for it.
 */
import type { Application, Assessment } from '../rules/types.ts';

export type Conditions = 'met' | 'needs_review' | 'not_met';
export type MinimumSide = 'school' | 'social_services' | 'total';
export type ChangeKind = 'ended_early' | 'started_later' | 'fte_lowered' | 'removed' | 'added';

export interface SettlementRequest {
  application: Application;
  /** One entry per team of `application.teams`, in order; `decidedOn` (YYYY-MM-DD) where the user gave it. */
  decision: { teams: Array<{ skolverketGrant: string; decidedOn?: string }> };
  applied?: Application;
}

export interface MatchedSettlement {
  municipalityCode: string;
  received: string;
  usable: string;
  repay: string;
}

export interface SettlementTeam {
  name: string;
  conditions: Conditions;
  decided: string;
  justified: string;
  used: string;
  unused: string;
  belowMinimum: Array<{ side: MinimumSide; from: string; to: string; lowest: string }>;
  matched: MatchedSettlement;
}

export interface Settlement {
  grantYear: number;
  teams: SettlementTeam[];
  totals: { decided: string; used: string; unused: string };
  municipalities: MatchedSettlement[];
  changes: Array<{ member: string; kind: ChangeKind; from: string; message: string }>;
  assessment: Assessment;
}
