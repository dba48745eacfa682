/**
 * Förordningen (2023:179), 4 § första stycket, in its original wording, from lagen.nu/2023:179,
 * riksdagen.se and rkrattsbaser.gov.se (checked 2026-12-02):
 *
 *   > Statsbidrag lämnas till en huvudman för grundskola eller gymnasieskola för
 *   > personalkostnader i skolsociala team, om
 *   > 1. det skolsociala teamet omfattar minst två årsarbetskrafter, och
 *   > 2. minst en årsarbetskraft avser skolpersonal med relevant utbildning inom psykosocialt
 *   > arbete och minst en årsarbetskraft avser personal från socialtjänsten med socionomexamen
 *   > eller annan relevant examen på minst grundnivå i högskolan.
 *
 * SFS 2023:946 (from bidragsår 2024) reprints the ordinance; its wording of this paragraph was
 * not found (the sources could be read only in their opening, in the original wording), so it
 * is not quoted here.
 *
 * Förordningen (2023:179), 8 §:
 *
 * SUMMARY, not the ordinance's words: the whole of 8 §, in the original wording and in
 * SFS 2023:946's, is missing. Searched on 2026-12-02, the stored copies of the ordinance
 * (lagen.nu/2023:179, riksdagen.se, rkrattsbaser.gov.se) could be read only in their opening,
 * in the original wording, which stops inside 5 § andra stycket. The summary follows the
 * product's rule book, which has it from a secondary source:
 *
 *   If applications exceed funds, Skolverket selects in this order: (1) keeping the
 *   årsarbetskrafter in grundskola teams previously funded, (2) new grundskola teams, (3)
 *   reinforcing existing grundskola teams, (4) gymnasieskola teams; geographic spread is also
 *   weighed.
 *
 * How the product reads it:
 *
 * The status of a team and of the application, with D1 (staffing every day),
 * D4 (unknown education needs review) and D9 (a team short on its own may be funded, at lower
 * priority, when the huvudman's teams together meet the staffing requirements), in the order
 * of D24 (amended 2026-12-02): a status that holds on the facts given ranks above one that
 * depends on a review, so adding a qualifying member never makes a status worse.
 */
import { formatList } from './format.ts';
import { finding, type Rule, type RuleDefinition } from './rule.ts';
import { meets, type DailyStaffing, type DayRange } from './staffing.ts';
import type { ApplicationStatus, Finding, Lang, TeamStatus } from './types.ts';

export const teamStatusProvision: RuleDefinition = {
  id: 'team-status',
  title: { sv: 'Teamets och ansökans status', en: 'Status of the team and the application' },
  scope: 'team',
  citation: '4 § och 8 §',
  outcomes: ['review'],
  guidance: true,
  summary: {
    sv: 'Ett team är inte bidragsberättigat om det inte arbetar i grundskolan eller gymnasieskolan eller om arbetet gäller uppdragsutbildning. Annars är det bidragsberättigat om det självt uppfyller bemanningskraven varje dag. Ett team som inte gör det kan ändå få bidrag, med lägre prioritet, om huvudmannens team tillsammans uppfyller kraven. Först om inget av det gäller, men teamet själv eller teamen tillsammans skulle uppfylla kraven om personer med okänd utbildning räknas, behöver det bedömas. Ett team som uppfyller kraven tillsammans med andra team, men själv skulle göra det om okänd utbildning räknas, får veta att utbildningen kan ge teamet högre prioritet.',
    en: "A team is not eligible if it does not work in grundskola or gymnasieskola, or if its work concerns contract education. Otherwise it is eligible if it meets the staffing requirements on its own every day. A team that does not can still be funded, at lower priority, if the organiser's teams together meet them. Only if neither holds, but the team alone or the teams together would meet them if people with unknown education count, does it need review. A team that meets them together with other teams, but would on its own if unknown education counts, is told that the education may raise its priority.",
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

/**
 * Section 5 as amended by D24: a status that holds on the facts given (alone, then together
 * with the huvudman's other teams) ranks above one that depends on unknown education.
 */
export function teamStatus(question: TeamStatusQuestion, minima: Minima): TeamStatus {
  if (!question.gatesPass) return 'not_eligible';
  const tested = [question.period];
  if (meetsStaffing(question.own.qualifying, tested, minima)) return 'eligible';
  if (meetsStaffing(question.together.qualifying, tested, minima)) return 'eligible_aggregate_only';
  if (meetsStaffing(question.own.withUnknown, tested, minima)) return 'needs_review';
  if (meetsStaffing(question.together.withUnknown, tested, minima)) return 'needs_review';
  return 'not_eligible';
}

/**
 * D24: a team eligible only together with the other teams that would be eligible alone if
 * its members with unknown education qualify gets a review finding: stating the education
 * may raise the team's priority (8 §). Nothing otherwise.
 */
export function checkPriorityReview(
  status: TeamStatus,
  question: TeamStatusQuestion,
  minima: Minima,
  unknownMembers: string[],
  team: number,
  lang: Lang,
): Finding | undefined {
  if (status !== 'eligible_aggregate_only' || !meetsStaffing(question.own.withUnknown, [question.period], minima)) return undefined;
  const names = { sv: formatList(unknownMembers, 'sv'), en: formatList(unknownMembers, 'en') };
  return finding(
    teamStatusProvision,
    lang,
    { scope: 'team', team },
    'review',
    {
      sv: `Teamet uppfyller bemanningskraven tillsammans med huvudmannens andra team. Om ${names.sv} har relevant utbildning uppfyller teamet dem på egen hand, och utbildningen kan då ge teamet högre prioritet.`,
      en: `The team meets the staffing requirements together with the organiser's other teams. If ${names.en} have relevant education, the team meets them on its own, and the education may then raise the team's priority.`,
    },
    {
      fix: { sv: `Ange utbildningen för ${names.sv}.`, en: `State the education of ${names.en}.` },
      fixData: { kind: 'state_education', members: unknownMembers },
    },
  );
}

export function applicationStatus(teams: TeamStatus[]): ApplicationStatus {
  if (teams.some((s) => s === 'eligible' || s === 'eligible_aggregate_only')) return 'eligible';
  if (teams.includes('needs_review')) return 'needs_review';
  return 'not_eligible';
}

/** The status itself (teamStatus above) decides every team's money; the rule's finding is D24's review. */
export const teamStatusRule: Rule = {
  definition: teamStatusProvision,
  checkTeam: (c) => {
    const unknown = c.own.members.filter((m) => m.active && m.counting === 'unknown').map((m) => m.member.id);
    return checkPriorityReview(c.status, c.statusQuestion, c.minima, unknown, c.facts.index, c.lang);
  },
};
