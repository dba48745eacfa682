/**
 * Förordningen (2023:179), 4 § första stycket 1, in its original wording:
 *
 *   > Statsbidrag lämnas till en huvudman för grundskola eller gymnasieskola för
 *   > personalkostnader i skolsociala team, om
 *   > 1. det skolsociala teamet omfattar minst två årsarbetskrafter, och
 *
 * SFS 2023:946 (from bidragsår 2024) reprints the ordinance; its wording of this paragraph is
 * not quoted here because it has not been checked against the reprint.
 *
 * How the product reads it:
 *
 * 4 § första stycket 1 förordningen (2023:179): the team has at least two årsarbetskrafter.
 * [D1](../docs/decisions.md#d1): both sides together, every day of the period; implied by the two side rules
 * but reported on its own. D14: the lowest daily sum of both sides, not the sum of the minima.
 */
import type { RuleDefinition } from './rule.ts';
import { staffingRuleOf, type StaffingRule } from './staffing.ts';

export const teamTotalFte: RuleDefinition = {
  id: 'team-total-fte',
  title: { sv: 'Minst två årsarbetskrafter i teamet', en: 'At least two full-time equivalents in the team' },
  scope: 'team and application',
  citation: '4 § första stycket 1',
  outcomes: ['pass', 'fail', 'review', 'info'],
  guidance: true,
  summary: {
    sv: 'Teamet ska ha minst två årsarbetskrafter sammanlagt, varje dag under den period som söks. Det följer av kraven på en årsarbetskraft från varje sida men redovisas för sig.',
    en: 'The team needs at least two full-time equivalents in total, every day of the period applied for. This follows from the one-per-side requirements but is reported on its own.',
  },
};

export const teamTotalStaffing: StaffingRule = {
  definition: teamTotalFte,
  measure: 'total',
  subject: {
    team: { sv: 'teamet', en: "the team's members" },
    application: { sv: 'huvudmannens team tillsammans', en: "the organiser's teams together" },
  },
};

export const teamTotalFteRule = staffingRuleOf(teamTotalStaffing);
