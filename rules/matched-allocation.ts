/**
 * Förordningen (2023:179), 9–12 §§, lydelse SFS 2023:946 (Socialstyrelsen's part, from
 * bidragsår 2024):
 *
 * SUMMARY, not the ordinance's words: the whole text of 9–12 §§ is missing. Searched on
 * 2026-12-02, the stored copies of the ordinance (lagen.nu/2023:179, riksdagen.se,
 * rkrattsbaser.gov.se) could be read only in their opening, in the original wording, which
 * stops inside 5 § andra stycket. The summary follows the product's rule book, which has it
 * from a secondary source:
 *
 *   Socialstyrelsen gives the kommun whose socialtjänst staff take part the same amount as
 *   Skolverket granted the school huvudman; the kommun requisitions it (no competition).
 *
 * Socialstyrelsen's own page for bidragsomgång 2024
 * (statsbidrag.socialstyrelsen.se/kommuner/skolsociala-team-2024/, checked 2026-12-02) states
 * the same equal-amount rule in its own words.
 *
 * How the product reads it:
 *
 * 9–12 §§ förordningen (2023:179), lydelse SFS 2023:946 (agency guidance): Socialstyrelsen
 * gives the kommun whose socialtjänst takes part the same amount as Skolverket granted for the
 * team; the kommun may use at most half its own social-services staff cost and repays the rest.
 * [D8](../docs/decisions.md#d8): matched = the team's Skolverket grant; usable = min(matched, the sum of the
 * team's social-services members' grants); repayment risk = matched − usable; per kommun, sums.
 */
import { formatKronor } from './format.ts';
import { finding, type Rule, type RuleDefinition } from './rule.ts';
import { sumKronor } from './money.ts';
import { splitByTeamStatus } from './skolverket-grant.ts';
import type { Finding, Lang, MatchedFigures, MunicipalityAmounts, TeamStatus } from './types.ts';

export const matchedAllocation: RuleDefinition = {
  id: 'matched-allocation',
  title: { sv: 'Socialstyrelsens motfinansiering till kommunen', en: "Socialstyrelsen's matched allocation to the municipality" },
  scope: 'team',
  citation: '9–12 §§',
  outcomes: ['info', 'warn'],
  guidance: true,
  summary: {
    sv: 'Från bidragsår 2024 får kommunen vars socialtjänst deltar i teamet rekvirera samma belopp från Socialstyrelsen som Skolverket beviljar huvudmannen för teamet. Kommunen får använda högst hälften av sin egen kostnad för personalen från socialtjänsten; resten ska betalas tillbaka.',
    en: 'From grant year 2024, the municipality whose social services take part in the team may requisition from Socialstyrelsen the same amount Skolverket grants the organiser for the team. The municipality may use at most half its own cost for the social-services staff; the rest must be repaid.',
  },
};

/** D8 for one team, from its Skolverket grant and its social-services members' grants. */
export function matchedAmounts(skolverketGrant: string, socialServicesGrant: string): MatchedFigures {
  const matched = BigInt(skolverketGrant);
  const cap = BigInt(socialServicesGrant);
  const usable = matched < cap ? matched : cap;
  return { matched: matched.toString(), matchedUsable: usable.toString(), repaymentRisk: (matched - usable).toString() };
}

export function checkMatchedAllocation(amounts: MatchedFigures, municipality: { code: string; team: number }, lang: Lang): Finding {
  const where = { scope: 'team' as const, team: municipality.team };
  const kr = (value: string) => ({ sv: formatKronor(value, 'sv'), en: formatKronor(value, 'en') });
  const matched = kr(amounts.matched);
  const usable = kr(amounts.matchedUsable);
  const details = { municipalityCode: municipality.code, ...amounts };
  if (amounts.matched === '0') {
    return finding(
      matchedAllocation,
      lang,
      where,
      'info',
      {
        sv: `Kommunen (${municipality.code}) får ingen tilldelning från Socialstyrelsen för teamet, eftersom Skolverkets bidrag för teamet är 0 kr.`,
        en: `The municipality (${municipality.code}) gets no allocation from Socialstyrelsen for the team, as Skolverket's grant for the team is SEK 0.`,
      },
      { details },
    );
  }
  if (amounts.repaymentRisk === '0') {
    return finding(
      matchedAllocation,
      lang,
      where,
      'info',
      {
        sv: `Kommunen (${municipality.code}) kan rekvirera högst ${matched.sv} från Socialstyrelsen för teamet och kan använda hela beloppet.`,
        en: `The municipality (${municipality.code}) can requisition at most ${matched.en} from Socialstyrelsen for the team and can use all of it.`,
      },
      { details },
    );
  }
  const risk = kr(amounts.repaymentRisk);
  // A new cost line of 2·risk − 1 kr gives a grant line of risk − 0.5, rounded half up to the
  // risk (D6); one krona less gives one krona too little.
  const extraCost = (BigInt(amounts.repaymentRisk) * 2n - 1n).toString();
  return finding(
    matchedAllocation,
    lang,
    where,
    'warn',
    {
      sv: `Kommunen (${municipality.code}) kan rekvirera högst ${matched.sv} från Socialstyrelsen för teamet men får bara använda ${usable.sv}, hälften av kostnaden för personalen från socialtjänsten. ${risk.sv} skulle behöva betalas tillbaka.`,
      en: `The municipality (${municipality.code}) can requisition at most ${matched.en} from Socialstyrelsen for the team but may use only ${usable.en}, half the cost of its social-services staff. ${risk.en} would have to be repaid.`,
    },
    {
      fix: {
        sv: `Öka kostnaden för teamets personal från socialtjänsten med ${formatKronor(extraCost, 'sv')} under teamets period, till exempel genom högre tjänstgöringsgrad, så kan hela beloppet användas.`,
        en: `Raise the cost of the team's social-services staff by ${formatKronor(extraCost, 'en')} during the team's period, for example with a higher fte, so that all of it can be used.`,
      },
      fixData: { kind: 'raise_social_services_cost', municipalityCode: municipality.code, by: extraCost },
      details,
    },
  );
}

const matchedKeys = ['matched', 'matchedUsable', 'repaymentRisk'] as const;

/** Per kommun, the sums over its teams (D8) and their split by team status (D18), ordered by kommunkod. */
export function municipalityTotals(teams: Array<{ municipalityCode: string; status: TeamStatus; amounts: MatchedFigures }>): MunicipalityAmounts[] {
  const codes = [...new Set(teams.map((t) => t.municipalityCode))].sort((a, b) => a.localeCompare(b));
  return codes.map((municipalityCode) => {
    const own = teams.filter((t) => t.municipalityCode === municipalityCode);
    return {
      municipalityCode,
      matched: sumKronor(own.map((t) => t.amounts.matched)),
      matchedUsable: sumKronor(own.map((t) => t.amounts.matchedUsable)),
      repaymentRisk: sumKronor(own.map((t) => t.amounts.repaymentRisk)),
      byTeamStatus: splitByTeamStatus(own, matchedKeys),
    };
  });
}

/** Effect (D8): each team's matched allocation and the kommun's totals. */
export const matchedAllocationRule: Rule = {
  definition: matchedAllocation,
  matchedMoney: { team: matchedAmounts, municipalities: municipalityTotals },
  checkTeam: (c) => c.matched && checkMatchedAllocation(c.matched, { code: c.facts.team.municipalityCode, team: c.facts.index }, c.lang),
};
