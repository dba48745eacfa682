/**
 * RULEBOOK section 5, status of a team and of the application, with D1 (staffing every day),
 * D4 (unknown education needs review) and D9 (a team short on its own may be funded, at lower
 * priority, when the huvudman's teams together meet the staffing requirements).
 */
import type { RuleDefinition } from './rule.ts';
import { meets, type DailyStaffing, type DayRange } from './staffing.ts';
import type { ApplicationStatus, TeamStatus } from './types.ts';

export const teamStatusProvision: RuleDefinition = {
  id: 'team-status',
  title: { sv: 'Teamets och ansökans status', en: 'Status of the team and the application' },
  scope: 'team',
  citation: '4 § och 8 §',
  outcomes: [],
  guidance: true,
  summary: {
    sv: 'Ett team är inte bidragsberättigat om det inte arbetar i grundskolan eller gymnasieskolan eller om arbetet gäller uppdragsutbildning. Annars är det bidragsberättigat om det självt uppfyller bemanningskraven varje dag. Ett team som inte gör det kan ändå få bidrag, med lägre prioritet, om huvudmannens team tillsammans uppfyller kraven. Om resultatet beror på personer med okänd utbildning behöver det bedömas.',
    en: 'A team is not eligible if it does not work in grundskola or gymnasieskola, or if its work concerns contract education. Otherwise it is eligible if it meets the staffing requirements on its own every day. A team that does not can still be funded, at lower priority, if the organiser\'s teams together meet them. If the result depends on people with unknown education, it needs review.',
  },
};

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
