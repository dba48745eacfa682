/**
 * Förordningen (2023:179), 16–19 §§, lydelse SFS 2023:946:
 *
 * SUMMARY, not the ordinance's words: the whole of 16–19 §§ is missing. Searched on 2026-12-02,
 * the stored copies of the ordinance (lagen.nu/2023:179, riksdagen.se, rkrattsbaser.gov.se)
 * could be read only in their opening, in the original wording, which stops inside 5 § andra
 * stycket. The summary follows the product's rule book, which has it from a secondary source:
 *
 *   Repayment grounds (among them money not used), recovery, interest, stop of payment.
 *
 * 6 §, the amount the justified grant is measured by, is summarised in member-cost.ts.
 *
 * How the product reads it:
 *
 * 16 § förordningen (2023:179), lydelse SFS 2023:946 (agency guidance): a grant that is not
 * used is repaid.
 * [D20](../docs/decisions.md#d20): a team's justified grant is the sum of its funded members' grants (D5–D7,
 * each rounded per D6) computed on the application as carried out, without D13's zeroing of a
 * team that is not eligible (D21 says what that team risks). Used = min(decided, justified);
 * unused = decided − used, never below 0. Totals are sums of the teams' rounded figures.
 * The agencies have published no formula: every figure is the product's estimate.
 */
import { formatKronor } from './format.ts';
import { sumKronor } from './money.ts';
import type { RuleSet } from './params/rule-set.ts';
import { finding, type Rule, type RuleDefinition } from './rule.ts';
import { skolverketFundsSide } from './skolverket-grant.ts';
import type { Finding, Lang, OrganiserType, TeamResult } from './types.ts';

export const unusedGrant: RuleDefinition = {
  id: 'unused-grant',
  title: { sv: 'Använt och outnyttjat bidrag från Skolverket', en: 'Used and unused grant from Skolverket' },
  scope: 'team',
  citation: '6 § och 16 §',
  outcomes: ['pass', 'warn'],
  guidance: true,
  summary: {
    sv: 'Efter året jämförs Skolverkets beslutade bidrag för varje team med det bidrag som den faktiska personalen motiverar: hälften av den bidragsgrundande kostnaden för skolpersonalen, räknad som i ansökan men på det som faktiskt blev, med den faktiska kostnaden från bokföringen där den är angiven. Det använda bidraget är det lägsta av de två; resten är outnyttjat och ska betalas tillbaka till Skolverket. Myndigheterna har inte publicerat någon formel, så beloppen är verktygets uppskattning.',
    en: "After the year, Skolverket's decided grant for each team is compared with the grant the actual staff justify: half the eligible cost of the school staff, counted as in the application but on what actually happened, with the actual cost from the ledger where given. The used grant is the lower of the two; the rest is unused and is repaid to Skolverket. The agencies have published no formula, so the amounts are the tool's estimate.",
  },
};

/** D20: the sum of the grants of the members whose side Skolverket funds (D7), whatever the team's status. */
export function justifiedGrant(team: Pick<TeamResult, 'members'>, organiser: OrganiserType, ruleSet: RuleSet): string {
  return sumKronor(team.members.filter((m) => skolverketFundsSide(m.side, organiser, ruleSet)).map((m) => m.grant));
}

export interface GrantUse {
  decided: string;
  justified: string;
  used: string;
  unused: string;
}

/** D20: used = min(decided, justified); unused = decided − used. */
export function grantUse(decided: string, justified: string): GrantUse {
  const used = BigInt(decided) < BigInt(justified) ? decided : justified;
  return { decided, justified, used, unused: (BigInt(decided) - BigInt(used)).toString() };
}

export function checkUnusedGrant(use: GrantUse, team: number, lang: Lang): Finding {
  const where = { scope: 'team' as const, team };
  const details = { decided: use.decided, justified: use.justified, used: use.used, unused: use.unused };
  const kr = (value: string) => ({ sv: formatKronor(value, 'sv'), en: formatKronor(value, 'en') });
  const decided = kr(use.decided);
  const justified = kr(use.justified);
  if (use.unused === '0') {
    return finding(
      unusedGrant,
      lang,
      where,
      'pass',
      {
        sv: `Enligt verktygets uppskattning motiverar den faktiska personalen ${justified.sv} i bidrag, så hela det beslutade bidraget på ${decided.sv} är använt. Skolverket prövar redovisningen.`,
        en: `By the tool's estimate the actual staff justify a grant of ${justified.en}, so all of the decided grant of ${decided.en} is used. Skolverket examines the report.`,
      },
      { details },
    );
  }
  const unused = kr(use.unused);
  return finding(
    unusedGrant,
    lang,
    where,
    'warn',
    {
      sv: `Enligt verktygets uppskattning motiverar den faktiska personalen bara ${justified.sv} av det beslutade bidraget på ${decided.sv}. ${unused.sv} är outnyttjat och ska betalas tillbaka till Skolverket (16 §). Skolverket beslutar om återbetalningen.`,
      en: `By the tool's estimate the actual staff justify only ${justified.en} of the decided grant of ${decided.en}. ${unused.en} is unused and is to be repaid to Skolverket (16 §). Skolverket decides on the repayment.`,
    },
    { details },
  );
}

export const unusedGrantRule: Rule = {
  definition: unusedGrant,
  checkSettledTeam: checkUnusedGrant,
};
