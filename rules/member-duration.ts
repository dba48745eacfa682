/**
 * Förordningen (2023:179), 5 § första stycket, in its original wording:
 *
 *   > Personalkostnaderna enligt 4 § ska avse en anställning eller ett uppdrag som varar minst
 *   > sex månader på heltid eller deltid.
 *
 * SFS 2023:946 (from bidragsår 2024) reprints the ordinance; its wording of this paragraph is
 * not quoted here because it has not been checked against the reprint.
 *
 * How the product reads it:
 *
 * 5 § första stycket förordningen (2023:179): the costs must concern an employment or an
 * assignment of at least six months, full-time or part-time.
 * [D3](../docs/decisions.md#d3): measured on the whole engagement, not clipped to the bidragsår; S to E
 * (inclusive) lasts six months if E ≥ addMonths(S, 6) − 1 day; open-ended passes.
 */
import { addDays, addMonths } from './dates.ts';
import { finding, type Rule, type RuleDefinition } from './rule.ts';
import type { Finding, Lang, Member } from './types.ts';

export const memberDuration: RuleDefinition = {
  id: 'member-duration',
  title: { sv: 'Minst sex månader', en: 'At least six months' },
  scope: 'member',
  citation: '5 § första stycket',
  outcomes: ['pass', 'fail'],
  summary: {
    sv: 'Anställningen eller uppdraget ska vara minst sex månader, på hel- eller deltid. Hela anställningen räknas, även den del som ligger utanför bidragsåret. En tillsvidareanställning uppfyller kravet.',
    en: 'The employment or assignment must last at least six months, full-time or part-time. The whole engagement counts, including any part outside the grant year. An open-ended engagement meets the requirement.',
  },
};

/** The earliest end date that makes an engagement from `start` last `months` months (D3). */
export function earliestQualifyingEnd(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}

export function lastsLongEnough(member: Pick<Member, 'start' | 'end'>, months: number): boolean {
  return member.end === null || member.end >= earliestQualifyingEnd(member.start, months);
}

export function checkMemberDuration(member: Member, team: number, months: number, lang: Lang): Finding {
  const where = { scope: 'member' as const, team, member: member.id };
  const id = member.id;
  if (member.end === null) {
    return finding(memberDuration, lang, where, 'pass', {
      sv: `${id} är anställd eller har uppdrag tills vidare.`,
      en: `${id} is engaged until further notice.`,
    });
  }
  const required = earliestQualifyingEnd(member.start, months);
  const details = { start: member.start, end: member.end, earliestQualifyingEnd: required };
  if (member.end >= required) {
    return finding(
      memberDuration,
      lang,
      where,
      'pass',
      {
        sv: `${id}:s anställning eller uppdrag ${member.start}–${member.end} är minst ${months} månader.`,
        en: `${id}'s engagement ${member.start} to ${member.end} lasts at least ${months} months.`,
      },
      { details },
    );
  }
  return finding(
    memberDuration,
    lang,
    where,
    'fail',
    {
      sv: `${id}:s anställning eller uppdrag ${member.start}–${member.end} är kortare än ${months} månader. ${id} räknas inte in i teamet och kostnaden ger inget bidrag.`,
      en: `${id}'s engagement ${member.start} to ${member.end} is shorter than ${months} months. ${id} does not count towards the team and the cost gives no grant.`,
    },
    {
      fix: {
        sv: `Förläng ${id}:s anställning eller uppdrag till minst ${required}.`,
        en: `Extend ${id}'s engagement to at least ${required}.`,
      },
      fixData: { kind: 'extend_engagement', member: id, to: required },
      details,
    },
  );
}

/** Effect (D2): an engagement shorter than the minimum neither counts nor gives a cost. */
export const memberDurationRule: Rule = {
  definition: memberDuration,
  counts: (member, ruleSet) => (lastsLongEnough(member, ruleSet.minEngagementMonths.value) ? 'yes' : 'no'),
  checkMember: (c) => checkMemberDuration(c.member.member, c.facts.index, c.ruleSet.minEngagementMonths.value, c.lang),
};
