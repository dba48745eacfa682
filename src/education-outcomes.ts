/**
 * Where one member's unknown education is all that stands between a team that needs review
 * and money (decision D4): the result can then give both outcomes, "if it counts, up to N kr;
 * otherwise 0 kr". Found by assessing the application again with that member's education
 * qualifying and with it not qualifying; the engine is pure, so this is exact.
 */
import { assess, type AssessOptions } from '../rules/assess.ts';
import type { Application, Assessment, Education, Member } from '../rules/types.ts';

/**
 * At most two assessments per member with unknown education (about 12 ms each for 20 teams of
 * 20 members); beyond this many such members, none is tried.
 */
const MAX_UNKNOWN = 8;

const qualifying: Record<Member['side'], Education> = { school: 'psychosocial_degree', social_services: 'socionomexamen' };

export interface DecidingEducation {
  team: number;
  member: string;
  /** The team's Skolverket grant if the education counts (whole kronor). */
  upTo: string;
}

function withEducation(application: Application, team: number, member: number, education: Education): Application {
  const teams = application.teams.map((t, i) => (i !== team ? t : { ...t, members: t.members.map((m, j) => (j === member ? { ...m, education } : m)) }));
  return { ...application, teams };
}

/**
 * For each team that needs review and whose outcome one member's education alone decides:
 * eligible (alone or together) if it counts, not eligible if it does not.
 */
export function decidingEducations(application: Application, assessment: Assessment, options: AssessOptions): DecidingEducation[] {
  const inReview = assessment.teams.flatMap((t, i) => (t.status === 'needs_review' ? [i] : []));
  const unknown = application.teams.flatMap((t, team) => t.members.flatMap((m, member) => (m.education === 'unknown' ? [{ team, member, m }] : [])));
  if (inReview.length === 0 || unknown.length > MAX_UNKNOWN) return [];
  const found = new Map<number, DecidingEducation[]>();
  for (const { team, member, m } of unknown) {
    const counts = assess(withEducation(application, team, member, qualifying[m.side]), options);
    const raised = inReview.filter((t) => counts.teams[t].status === 'eligible' || counts.teams[t].status === 'eligible_aggregate_only');
    if (raised.length === 0) continue;
    const notCounts = assess(withEducation(application, team, member, 'none'), options);
    for (const t of raised.filter((i) => notCounts.teams[i].status === 'not_eligible')) {
      found.set(t, [...(found.get(t) ?? []), { team: t, member: m.id, upTo: counts.teams[t].amounts.skolverketGrant }]);
    }
  }
  return [...found.values()].filter((list) => list.length === 1).map(([one]) => one);
}
