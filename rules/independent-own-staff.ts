/**
 * Förordningen (2023:179), 4 § andra stycket, ursprunglig lydelse (bidragsår 2023), in its original wording:
 *
 *   > En enskild huvudman kan endast få bidrag för sin personal i ett skolsocialt team.
 *
 * The rule applies only to the rule set sfs-2023-179; from 2024 Skolverket funds the school
 * staff of every huvudman (D7).
 *
 * How the product reads it:
 *
 * 4 § andra stycket förordningen (2023:179), ursprunglig lydelse (bidragsår 2023): an enskild
 * huvudman can receive a grant only for its own staff. [D7](../docs/decisions.md#d7): its team still needs one
 * årsarbetskraft from socialtjänsten, but that staff's cost is shown, not granted.
 */
import { finding, type Rule, type RuleDefinition } from './rule.ts';
import type { Finding, Lang, Member, OrganiserType } from './types.ts';

export const independentOwnStaff: RuleDefinition = {
  id: 'independent-own-staff',
  title: { sv: 'Enskild huvudmans egen personal (2023)', en: "An independent organiser's own staff (2023)" },
  scope: 'member',
  citation: '4 § andra stycket (lydelse 2023)',
  outcomes: ['info'],
  summary: {
    sv: 'Bidragsår 2023: en enskild huvudman får bidrag bara för sin egen personal. Personalen från socialtjänsten räknas in i teamets bemanning, men dess kostnad ger inget bidrag till huvudmannen.',
    en: "Grant year 2023: an independent organiser receives a grant only for its own staff. The social-services staff count towards the team's staffing, but their cost gives the organiser no grant.",
  },
};

/** The finding for a social-services member of an independent huvudman; none otherwise. */
export function checkIndependentOwnStaff(member: Member, team: number, organiserType: OrganiserType, lang: Lang): Finding | undefined {
  if (organiserType !== 'independent' || member.side !== 'social_services') return undefined;
  return finding(independentOwnStaff, lang, { scope: 'member', team, member: member.id }, 'info', {
    sv: `${member.id} kommer från socialtjänsten. En enskild huvudman får bidrag bara för sin egen personal, så kostnaden visas men ger inget bidrag. ${member.id} räknas ändå in i teamets bemanning.`,
    en: `${member.id} is from social services. An independent organiser is funded only for its own staff, so the cost is shown but gives no grant. ${member.id} still counts towards the team's staffing.`,
  });
}

/** Its effect on money is D7's: Skolverket funds an enskild huvudman's school side only (skolverket-grant.ts). */
export const independentOwnStaffRule: Rule = {
  definition: independentOwnStaff,
  checkMember: (c) => checkIndependentOwnStaff(c.member.member, c.facts.index, c.application.organiser.type, c.lang),
};
