/**
 * What a draft holds: the application as far as the user has come, in the public API's shape
 * (so it can be assessed, downloaded and sent to the API as it is), and what the last result
 * was, so a resumed draft can say whether the result has changed. What the user confirmed when
 * asked about an unusual value (forms/plausible.ts) is kept beside the application, not in it.
 */
import type { Assessment } from '../../rules/types.ts';

export interface DraftMember {
  id: string;
  side: string;
  role: string;
  engagement: string;
  fte: string;
  start: string;
  end: string | null;
  education: string;
  educationNote: string;
  origin: string;
  monthlySalary: string;
  employerCostRate: string;
  otherFundingShare: string;
}

export interface DraftTeam {
  name: string;
  schoolForms: string[];
  municipalityCode: string;
  period: { from: string; to: string } | null;
  status: string;
  previouslyGrantedFte: string;
  contractEducation: boolean;
  members: DraftMember[];
}

export interface DraftApplication {
  grantYear?: number;
  organiser?: { name: string; orgNumber: string; type: string };
  teams: DraftTeam[];
}

/** The parts of a result a person would notice changing. */
export interface ResultSummary {
  ruleSetId: string;
  status: string;
  teams: string[];
  skolverketGrant: string;
  matched: string[];
}

export interface DraftData {
  application: DraftApplication;
  /** Member ids are p1, p2, …, never reused in a draft. */
  nextMember: number;
  lastResult?: ResultSummary;
  /** Unusual values the user confirmed, by member id and field: { p1: { monthlySalary: '4200' } }. */
  confirmed?: Record<string, Record<string, string>>;
}

export function emptyDraft(): DraftData {
  return { application: { teams: [] }, nextMember: 1 };
}

/** A stored draft's data, or an empty one if it is not of this shape (never trust storage blindly). */
export function asDraftData(data: unknown): DraftData {
  const candidate = data as Partial<DraftData> | null;
  if (!candidate || typeof candidate !== 'object' || !candidate.application || !Array.isArray(candidate.application.teams)) {
    return emptyDraft();
  }
  const confirmed = candidate.confirmed && typeof candidate.confirmed === 'object' ? candidate.confirmed : undefined;
  return { application: candidate.application, nextMember: Number(candidate.nextMember) || 1, lastResult: candidate.lastResult, ...(confirmed && { confirmed }) };
}

/** Keeps what the user confirmed about a member's values, or forgets it when nothing needed confirming. */
export function keepConfirmed(data: DraftData, memberId: string, confirmed: Record<string, string> | undefined): void {
  const all = { ...data.confirmed };
  delete all[memberId];
  if (confirmed) all[memberId] = confirmed;
  data.confirmed = all;
}

export function summarise(assessment: Assessment, ruleSetId: string): ResultSummary {
  return {
    ruleSetId,
    status: assessment.status,
    teams: assessment.teams.map((t) => t.status),
    skolverketGrant: assessment.amounts.skolverketGrant,
    matched: assessment.amounts.municipalities.map((m) => `${m.municipalityCode}:${m.matched}:${m.matchedUsable}`),
  };
}
