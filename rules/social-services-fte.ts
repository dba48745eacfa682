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
 * 4 § första stycket 2 förordningen (2023:179): at least one årsarbetskraft of staff from
 * socialtjänsten with a socionomexamen or another relevant degree at least at grundnivå.
 * [D1](../docs/decisions.md#d1) (every day of the period, the agency's reading), D2, D4, D9, D14.
 */
import type { RuleDefinition } from './rule.ts';
import { staffingRuleOf, type StaffingRule } from './staffing.ts';

export const socialServicesFte: RuleDefinition = {
  id: 'social-services-fte',
  title: { sv: 'Minst en årsarbetskraft från socialtjänsten', en: 'At least one full-time equivalent from social services' },
  scope: 'team and application',
  citation: '4 § första stycket 2',
  outcomes: ['pass', 'fail', 'review', 'info'],
  guidance: true,
  summary: {
    sv: 'Teamet ska ha minst en årsarbetskraft personal från socialtjänsten med socionomexamen eller annan relevant examen på minst grundnivå. Enligt Skolverkets vägledning gäller det varje dag under den period som söks. Om någon slutar och ersätts senare saknas bemanning de dagar som ligger emellan.',
    en: "The team needs at least one full-time equivalent of social-services staff with a socionomexamen or another relevant degree at least at first-cycle level. According to Skolverket's guidance this applies on every day of the period applied for. If someone leaves and is replaced later, the days in between are short.",
  },
};

export const socialServicesStaffing: StaffingRule = {
  definition: socialServicesFte,
  measure: 'social_services',
  subject: {
    team: { sv: 'teamets personal från socialtjänsten', en: "the team's social-services staff" },
    application: {
      sv: 'personalen från socialtjänsten i huvudmannens team tillsammans',
      en: "the social-services staff of the organiser's teams together",
    },
  },
};

export const socialServicesFteRule = staffingRuleOf(socialServicesStaffing);
