/**
 * Förordningen (2023:179), 9–12 §§ och 16 §, lydelse SFS 2023:946:
 *
 * SUMMARY, not the ordinance's words: the whole text of 9–12 §§ and of 16 § is missing.
 * Searched on 2026-12-02, the stored copies of the ordinance (lagen.nu/2023:179, riksdagen.se,
 * rkrattsbaser.gov.se) could be read only in their opening, in the original wording, which
 * stops inside 5 § andra stycket. The summary follows the product's rule book, which has it
 * from a secondary source:
 *
 *   The kommun receives the same amount as Skolverket granted; money the kommun does not use
 *   for its social-services staff is repaid.
 *
 * How the product reads it:
 *
 * 9–12 §§ and 16 § förordningen (2023:179), lydelse SFS 2023:946 (agency guidance):
 * Socialstyrelsen gives the kommun whose socialtjänst takes part the same amount as Skolverket
 * granted for the team; the kommun may use at most half its own cost for the social-services
 * staff, and repays what it cannot use.
 * [D22](../docs/decisions.md#d22): received = the team's decided grant, paid to the team's kommunkod; usable =
 * min(received, the sum of the carried-out team's social-services members' grants, D5–D6);
 * to repay = received − usable. Per kommun, sums over its teams. The same as D8, with the
 * decided grant in place of the maximum and the carried-out costs.
 */
import { formatKronor } from './format.ts';
import { matchedAmounts } from './matched-allocation.ts';
import { sumKronor } from './money.ts';
import { finding, type Rule, type RuleDefinition } from './rule.ts';
import type { Finding, Lang, SettlementMatched } from './types.ts';

export const matchedSettlement: RuleDefinition = {
  id: 'matched-settlement',
  title: { sv: 'Kommunens motfinansiering efter året', en: "The municipality's matched money after the year" },
  scope: 'team',
  citation: '9–12 §§ och 16 §',
  outcomes: ['info', 'pass', 'warn'],
  guidance: true,
  summary: {
    sv: 'Kommunen vars socialtjänst deltar i teamet får från Socialstyrelsen samma belopp som Skolverket beslutade för teamet. Kommunen får använda högst hälften av den faktiska kostnaden för sin personal i teamet; resten ska betalas tillbaka till Socialstyrelsen. För varje kommun läggs teamen ihop. Beloppen är verktygets uppskattning; Socialstyrelsen beslutar.',
    en: "The municipality whose social services take part in the team receives from Socialstyrelsen the same amount as Skolverket decided for the team. The municipality may use at most half the actual cost of its staff in the team; the rest is repaid to Socialstyrelsen. For each municipality the teams are added up. The amounts are the tool's estimate; Socialstyrelsen decides.",
  },
};

/** D22 for one team, from its decided grant and its carried-out social-services members' grants. */
export function matchedAfterYear(decided: string, socialServicesGrant: string): SettlementMatched {
  const { matched, matchedUsable, repaymentRisk } = matchedAmounts(decided, socialServicesGrant);
  return { received: matched, usable: matchedUsable, repay: repaymentRisk };
}

/** Per kommun, the sums over its teams, ordered by kommunkod. */
export function municipalitiesAfterYear(
  teams: Array<{ matched: SettlementMatched & { municipalityCode: string } }>,
): Array<SettlementMatched & { municipalityCode: string }> {
  const codes = [...new Set(teams.map((t) => t.matched.municipalityCode))].sort((a, b) => a.localeCompare(b));
  return codes.map((municipalityCode) => {
    const own = teams.filter((t) => t.matched.municipalityCode === municipalityCode).map((t) => t.matched);
    return {
      municipalityCode,
      received: sumKronor(own.map((m) => m.received)),
      usable: sumKronor(own.map((m) => m.usable)),
      repay: sumKronor(own.map((m) => m.repay)),
    };
  });
}

export function checkMatchedSettlement(matched: SettlementMatched & { municipalityCode: string }, team: number, lang: Lang): Finding {
  const where = { scope: 'team' as const, team };
  const code = matched.municipalityCode;
  const kr = (value: string) => ({ sv: formatKronor(value, 'sv'), en: formatKronor(value, 'en') });
  const received = kr(matched.received);
  const usable = kr(matched.usable);
  const details = { ...matched };
  if (matched.received === '0') {
    return finding(
      matchedSettlement,
      lang,
      where,
      'info',
      {
        sv: `Kommunen (${code}) får ingen motfinansiering för teamet, eftersom Skolverket inte beslutade något bidrag för det.`,
        en: `The municipality (${code}) receives no matched money for the team, as Skolverket decided no grant for it.`,
      },
      { details },
    );
  }
  if (matched.repay === '0') {
    return finding(
      matchedSettlement,
      lang,
      where,
      'pass',
      {
        sv: `Kommunen (${code}) får ${received.sv} från Socialstyrelsen för teamet och kan enligt verktygets uppskattning använda hela beloppet, eftersom hälften av den faktiska kostnaden för personalen från socialtjänsten räcker. Socialstyrelsen prövar redovisningen.`,
        en: `The municipality (${code}) receives ${received.en} from Socialstyrelsen for the team and by the tool's estimate can use all of it, as half the actual cost of the social-services staff is enough. Socialstyrelsen examines the report.`,
      },
      { details },
    );
  }
  const repay = kr(matched.repay);
  return finding(
    matchedSettlement,
    lang,
    where,
    'warn',
    {
      sv: `Kommunen (${code}) får ${received.sv} från Socialstyrelsen för teamet men kan enligt verktygets uppskattning bara använda ${usable.sv}, hälften av den faktiska kostnaden för personalen från socialtjänsten. ${repay.sv} ska betalas tillbaka till Socialstyrelsen (16 §). Socialstyrelsen beslutar.`,
      en: `The municipality (${code}) receives ${received.en} from Socialstyrelsen for the team but by the tool's estimate can use only ${usable.en}, half the actual cost of the social-services staff. ${repay.en} is to be repaid to Socialstyrelsen (16 §). Socialstyrelsen decides.`,
    },
    { details },
  );
}

export const matchedSettlementRule: Rule = {
  definition: matchedSettlement,
  checkSettledTeam: (team, index, lang) => checkMatchedSettlement(team.matched, index, lang),
};
