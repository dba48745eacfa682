/**
 * Förordningen (2023:179), 4 § första stycket 2, in its original wording:
 *
 *   > Statsbidrag lämnas till en huvudman för grundskola eller gymnasieskola för
 *   > personalkostnader i skolsociala team, om
 *   > 2. minst en årsarbetskraft avser skolpersonal med relevant utbildning inom psykosocialt
 *   > arbete och minst en årsarbetskraft avser personal från socialtjänsten med socionomexamen
 *   > eller annan relevant examen på minst grundnivå i högskolan.
 *
 * SFS 2023:946 (from bidragsår 2024) reprints the ordinance; its wording of this paragraph is
 * not quoted here because it has not been checked against the reprint.
 *
 * How the product reads it:
 *
 * 4 § första stycket 2 förordningen (2023:179): at least one årsarbetskraft of school staff
 * with relevant education in psychosocial work. [D1](../docs/decisions.md#d1) (every day of the period, the
 * agency's reading), D2 (who counts), D4 (unknown education), D9 (teams together), D14.
 */
import type { RuleDefinition } from './rule.ts';
import { staffingRuleOf, type StaffingRule } from './staffing.ts';

export const schoolStaffFte: RuleDefinition = {
  id: 'school-staff-fte',
  title: { sv: 'Minst en årsarbetskraft skolpersonal', en: 'At least one full-time equivalent of school staff' },
  scope: 'team and application',
  citation: '4 § första stycket 2',
  outcomes: ['pass', 'fail', 'review', 'info'],
  guidance: true,
  summary: {
    sv: 'Teamet ska ha minst en årsarbetskraft skolpersonal med relevant utbildning i psykosocialt arbete. Enligt Skolverkets vägledning gäller det varje dag under den period som söks: 0,5 tjänst i tolv månader räcker inte, två personer på 0,5 tjänst hela perioden räcker. Bara personer med godkänd utbildning och minst sex månaders anställning räknas.',
    en: "The team needs at least one full-time equivalent of school staff with relevant education in psychosocial work. According to Skolverket's guidance this applies on every day of the period applied for: 0.5 fte for twelve months is not enough; two people at 0.5 fte for the whole period are. Only people with qualifying education and an engagement of at least six months count.",
  },
};

export const schoolStaffing: StaffingRule = {
  definition: schoolStaffFte,
  measure: 'school',
  subject: {
    team: { sv: 'teamets skolpersonal', en: "the team's school staff" },
    application: { sv: 'skolpersonalen i huvudmannens team tillsammans', en: "the school staff of the organiser's teams together" },
  },
};

export const schoolStaffFteRule = staffingRuleOf(schoolStaffing);
