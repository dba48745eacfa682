/**
 * What a draft holds: the application as far as the user has come, in the public API's shape
 * (so it can be assessed, downloaded and sent to the API as it is), and what the last result
 * the user last saw, so the result page can say whether and how it has changed since.
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

/**
 * The parts of a result a person would notice changing: the rule set, the statuses, each
 * finding's outcome and the amounts. Codes and numbers only, never words, so the language the
 * page is read in does not count as a change. Drafts saved before `version` 2 hold only the
 * first four fields (and others of an older shape).
 */
export interface ResultSummary {
  version: 2;
  ruleSetId: string;
  status: string;
  skolverketGrant: string;
  teams: Array<{ name: string; status: string }>;
  municipalities: Array<{ code: string; matched: string; matchedUsable: string; repaymentRisk: string }>;
  /** Outcome by finding key (see `findingKey`). */
  findings: Record<string, string>;
}

/** "rule/team/member", with the team's index and the member's id empty where they do not apply. */
export function findingKey(f: { rule: string; team?: number; member?: string }): string {
  return `${f.rule}/${f.team ?? ''}/${f.member ?? ''}`;
}

export interface DraftData {
  application: DraftApplication;
  /** Member ids are p1, p2, …, never reused in a draft. */
  nextMember: number;
  lastResult?: ResultSummary;
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
  return { application: candidate.application, nextMember: Number(candidate.nextMember) || 1, lastResult: candidate.lastResult };
}

export function summarise(assessment: Assessment, ruleSetId: string): ResultSummary {
  return {
    version: 2,
    ruleSetId,
    status: assessment.status,
    skolverketGrant: assessment.amounts.skolverketGrant,
    teams: assessment.teams.map((t) => ({ name: t.name, status: t.status })),
    municipalities: assessment.amounts.municipalities.map((m) => ({ code: m.municipalityCode, matched: m.matched, matchedUsable: m.matchedUsable, repaymentRisk: m.repaymentRisk })),
    findings: Object.fromEntries(assessment.findings.map((f) => [findingKey(f), f.outcome])),
  };
}
