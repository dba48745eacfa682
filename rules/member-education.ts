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
 * 4 § första stycket 2 förordningen (2023:179): the team's school staff need relevant
 * education in psychosocial work, its social-services staff a socionomexamen or another
 * relevant degree at least at grundnivå in higher education.
 * The education accepted on each side and D4 (unknown education needs review).
 */
import { finding, type Rule, type RuleDefinition, type Text } from './rule.ts';
import type { Education, Finding, Lang, Member } from './types.ts';

export const memberEducation: RuleDefinition = {
  id: 'member-education',
  title: { sv: 'Utbildning', en: 'Education' },
  scope: 'member',
  citation: '4 § första stycket 2',
  outcomes: ['pass', 'warn', 'fail', 'review'],
  summary: {
    sv: 'Skolpersonal ska ha relevant utbildning i psykosocialt arbete (examen eller kurser som KBT, MI, familjeterapi). Personal från socialtjänsten ska ha socionomexamen eller annan relevant examen på minst grundnivå. Okänd utbildning måste bedömas av en person innan teamet kan räknas som godkänt.',
    en: 'School staff need relevant education in psychosocial work (a degree, or courses such as CBT, MI, family therapy). Social-services staff need a socionomexamen (social work degree) or another relevant degree at least at first-cycle level. Unknown education must be assessed by a person before the team can pass.',
  },
};

/** How an education counts: qualifies, qualifies but its relevance is assessed, does not, or unknown. */
export type EducationClass = 'qualifies' | 'assessed' | 'fails' | 'unknown';

const classes: Record<Education, EducationClass> = {
  psychosocial_degree: 'qualifies',
  psychosocial_training: 'assessed',
  socionomexamen: 'qualifies',
  other_relevant_degree: 'assessed',
  none: 'fails',
  unknown: 'unknown',
};

export function educationClass(education: Education): EducationClass {
  return classes[education];
}

/** The educations that qualify on each side, for the fix of a member without one. */
const qualifyingOnSide: Record<Member['side'], Education[]> = {
  school: ['psychosocial_degree', 'psychosocial_training'],
  social_services: ['socionomexamen', 'other_relevant_degree'],
};

const messages = {
  qualifies: (id: string): Text => ({
    sv: `${id} har en utbildning som uppfyller kravet.`,
    en: `${id} has an education that meets the requirement.`,
  }),
  assessedSchool: (id: string): Text => ({
    sv: `${id} har utbildning i psykosocialt arbete genom kurser. Det räcker, men Skolverket bedömer om utbildningen är relevant.`,
    en: `${id} has psychosocial training through courses. That is enough, but Skolverket assesses whether it is relevant.`,
  }),
  assessedSocial: (id: string): Text => ({
    sv: `${id} har en annan examen än socionomexamen. Den räcker om den är relevant och på minst grundnivå; Skolverket bedömer relevansen och nämner 180 hp-examina som exempel.`,
    en: `${id} has a degree other than a socionomexamen. It is enough if it is relevant and at least at first-cycle level; Skolverket assesses relevance and gives 180-credit degrees as examples.`,
  }),
  fails: (id: string, side: Member['side']): Text =>
    side === 'school'
      ? {
          sv: `${id} saknar utbildning i psykosocialt arbete och räknas inte in i teamets skolpersonal. Kostnaden ger inget bidrag.`,
          en: `${id} has no education in psychosocial work and does not count towards the team's school staff. The cost gives no grant.`,
        }
      : {
          sv: `${id} saknar socionomexamen eller annan relevant examen och räknas inte in i teamets personal från socialtjänsten. Kostnaden ger inget bidrag.`,
          en: `${id} has no socionomexamen or other relevant degree and does not count towards the team's social-services staff. The cost gives no grant.`,
        },
  failsFix: (id: string, side: Member['side']): Text =>
    side === 'school'
      ? {
          sv: `Låt en person med utbildning i psykosocialt arbete ha ${id}:s uppdrag i teamet.`,
          en: `Give ${id}'s place in the team to someone with education in psychosocial work.`,
        }
      : {
          sv: `Låt en person med socionomexamen eller annan relevant examen ha ${id}:s uppdrag i teamet.`,
          en: `Give ${id}'s place in the team to someone with a socionomexamen or another relevant degree.`,
        },
  unknown: (id: string): Text => ({
    sv: `Utbildningen för ${id} är inte angiven. Tills den är känd räknas ${id} inte med i bidraget och resultatet behöver bedömas.`,
    en: `The education of ${id} is not given. Until it is known, ${id} is left out of the amounts and the result needs review.`,
  }),
  unknownFix: (id: string): Text => ({
    sv: `Ange utbildningen för ${id}.`,
    en: `State the education of ${id}.`,
  }),
};

export function checkMemberEducation(member: Member, team: number, lang: Lang): Finding {
  const where = { scope: 'member' as const, team, member: member.id };
  const id = member.id;
  switch (educationClass(member.education)) {
    case 'qualifies':
      return finding(memberEducation, lang, where, 'pass', messages.qualifies(id));
    case 'assessed':
      return finding(memberEducation, lang, where, 'warn', member.side === 'school' ? messages.assessedSchool(id) : messages.assessedSocial(id));
    case 'fails':
      return finding(memberEducation, lang, where, 'fail', messages.fails(id, member.side), {
        fix: messages.failsFix(id, member.side),
        fixData: { kind: 'qualifying_education', member: id, options: qualifyingOnSide[member.side] },
      });
    case 'unknown':
      return finding(memberEducation, lang, where, 'review', messages.unknown(id), {
        fix: messages.unknownFix(id),
        fixData: { kind: 'state_education', members: [id] },
      });
  }
}

/** Effect (D2, D4): qualifying or assessed education counts; unknown counts only if it turns out to qualify. */
export const memberEducationRule: Rule = {
  definition: memberEducation,
  counts: (member) => {
    const education = educationClass(member.education);
    return education === 'qualifies' || education === 'assessed' ? 'yes' : education === 'unknown' ? 'unknown' : 'no';
  },
  checkMember: (c) => checkMemberEducation(c.member.member, c.facts.index, c.lang),
};
