/**
 * Förordningen (2023:179), 3 § första meningen, in its original wording:
 *
 *   > Statsbidrag får inte lämnas för insatser som bidrag lämnas för på annat sätt.
 *
 * SFS 2023:946 (from bidragsår 2024) reprints the ordinance; its wording of this paragraph is
 * not quoted here because it has not been checked against the reprint.
 *
 * How the product reads it:
 *
 * 3 § förordningen (2023:179): no grant for measures that are funded another way.
 * [D5](../docs/decisions.md#d5): the member's cost is reduced by the share other state grants fund.
 */
import { Money } from './money.ts';
import { finding, type Rule, type RuleDefinition } from './rule.ts';
import type { Finding, Lang, Member } from './types.ts';

export const memberOtherFunding: RuleDefinition = {
  id: 'member-other-funding',
  title: { sv: 'Ingen dubbel finansiering', en: 'No double funding' },
  scope: 'member',
  citation: '3 §',
  outcomes: ['pass', 'warn', 'fail'],
  summary: {
    sv: 'Bidrag ges inte för det som redan finansieras på annat sätt. Den del av en persons kostnad som betalas av andra statsbidrag räknas bort.',
    en: "No grant is given for what is already funded another way. The part of a person's cost paid by other state grants is left out.",
  },
};

export function checkMemberOtherFunding(member: Member, team: number, lang: Lang): Finding {
  const where = { scope: 'member' as const, team, member: member.id };
  const id = member.id;
  if (member.otherFundingShare === '0') {
    return finding(memberOtherFunding, lang, where, 'pass', {
      sv: `${id}:s kostnad finansieras inte av andra statsbidrag.`,
      en: `${id}'s cost is not funded by other state grants.`,
    });
  }
  const share = new Money(member.otherFundingShare);
  const percent = share.times(100).toDecimalPlaces(2).toString();
  const shown = lang === 'sv' ? percent.replace('.', ',') : percent;
  if (share.gte(1)) {
    return finding(memberOtherFunding, lang, where, 'fail', {
      sv: `Hela ${id}:s kostnad finansieras av andra statsbidrag, så den ger inget bidrag. ${id} räknas ändå in i teamets bemanning.`,
      en: `All of ${id}'s cost is funded by other state grants, so it gives no grant. ${id} still counts towards the team's staffing.`,
    });
  }
  return finding(
    memberOtherFunding,
    lang,
    where,
    'warn',
    {
      sv: `${shown} % av ${id}:s kostnad finansieras av andra statsbidrag. Den delen räknas bort från kostnaden.`,
      en: `${shown}% of ${id}'s cost is funded by other state grants. That part is left out of the cost.`,
    },
    { details: { otherFundingShare: member.otherFundingShare } },
  );
}

/** The share other grants pay is deducted in memberCost (member-cost.ts). */
export const memberOtherFundingRule: Rule = {
  definition: memberOtherFunding,
  checkMember: (c) => checkMemberOtherFunding(c.member.member, c.facts.index, c.lang),
};
