/**
 * RULEBOOK section 5, status of a team and of the application, with D1 (staffing every day),
 * D4 (unknown education needs review) and D9 (a team short on its own may be funded, at lower
 * priority, when the huvudman's teams together meet the staffing requirements).
 */
import { meets, type DailyStaffing, type DayRange } from './staffing.ts';
import type { ApplicationStatus, TeamStatus } from './types.ts';

/** The staffing minima in hundredths of an fte. */
export interface Minima {
  school: number;
  socialServices: number;
  total: number;
}

/** D1: on every tested day each side reaches its minimum and both together the team minimum. */
export function meetsStaffing(staffing: DailyStaffing, tested: DayRange[], minima: Minima): boolean {
  return (
    meets(staffing, 'school', tested, minima.school) &&
    meets(staffing, 'social_services', tested, minima.socialServices) &&
    meets(staffing, 'total', tested, minima.total)
  );
}

export interface TeamStatusQuestion {
  /** School forms and contract education pass (1 §, 3 §, 4 §). */
  gatesPass: boolean;
  /** The team's own period. */
  period: DayRange;
  own: { qualifying: DailyStaffing; withUnknown: DailyStaffing };
  together: { qualifying: DailyStaffing; withUnknown: DailyStaffing };
}

export function teamStatus(question: TeamStatusQuestion, minima: Minima): TeamStatus {
  if (!question.gatesPass) return 'not_eligible';
  const tested = [question.period];
  if (meetsStaffing(question.own.qualifying, tested, minima)) return 'eligible';
  if (meetsStaffing(question.own.withUnknown, tested, minima)) return 'needs_review';
  if (meetsStaffing(question.together.qualifying, tested, minima)) return 'eligible_aggregate_only';
  if (meetsStaffing(question.together.withUnknown, tested, minima)) return 'needs_review';
  return 'not_eligible';
}

export function applicationStatus(teams: TeamStatus[]): ApplicationStatus {
  if (teams.some((s) => s === 'eligible' || s === 'eligible_aggregate_only')) return 'eligible';
  if (teams.includes('needs_review')) return 'needs_review';
  return 'not_eligible';
}
