/**
 * Förordningen (2023:179), 14–16 §§, lydelse SFS 2023:946:
 *
 * SUMMARY, not the ordinance's words: the whole of 14–16 §§ is missing. Searched on 2026-12-02,
 * the stored copies of the ordinance (lagen.nu/2023:179, riksdagen.se, rkrattsbaser.gov.se)
 * could be read only in their opening, in the original wording, which stops inside 5 § andra
 * stycket. The summary follows the product's rule book, which has it from a secondary source:
 *
 *   Reporting to each agency after the bidragsår (14 §), the duty to report changes without
 *   delay (15 §), and the grounds for repayment, among them money not used (16 §).
 *
 * How the product reads it:
 *
 * 14–16 §§ förordningen (2023:179), lydelse SFS 2023:946 (agency guidance): after the
 * bidragsår the huvudman reports to Skolverket and the kommun to Socialstyrelsen how the money
 * was used. [D19](../docs/decisions.md#d19): every amount of the settlement is the tool's estimate; this rule says
 * so. The settlement itself is put together in settlement.ts.
 */
import { finding, type Rule, type RuleDefinition } from './rule.ts';

export const settlementProvision: RuleDefinition = {
  id: 'settlement',
  title: { sv: 'Redovisning efter året', en: 'The report after the year' },
  scope: 'application',
  citation: '14–16 §§',
  outcomes: ['info'],
  guidance: true,
  summary: {
    sv: 'Efter bidragsåret jämförs Skolverkets beslut för varje team med det som faktiskt blev: personerna med sina verkliga datum, tjänstgöringsgrader och, där den är känd, den faktiska kostnaden från bokföringen. Den faktiska kostnaden ersätter den beräknade; andra statsbidrag dras av och reglerna om vem som ger kostnad gäller som i ansökan. Redovisningen finns från bidragsår 2024. Alla belopp är verktygets uppskattning: myndigheterna har inte publicerat någon formel, och det är Skolverket och Socialstyrelsen som beslutar.',
    en: "After the grant year, Skolverket's decision for each team is compared with what actually happened: the people with their real dates, fte and, where known, the actual cost from the ledger. The actual cost replaces the computed one; other state grants are deducted and the rules on who gives a cost apply as in the application. The report exists from grant year 2024. Every amount is the tool's estimate: the agencies have published no formula, and Skolverket and Socialstyrelsen decide.",
  },
};

/** The notice every settlement carries. */
export const settlementNotice = {
  sv: 'Alla belopp är verktygets uppskattning av redovisningen. Myndigheterna har inte publicerat någon formel för outnyttjat bidrag; Skolverket och Socialstyrelsen beslutar om återbetalning.',
  en: "Every amount is the tool's estimate of the report. The agencies have published no formula for unused grants; Skolverket and Socialstyrelsen decide on repayment.",
};

export const settlementRule: Rule = {
  definition: settlementProvision,
  checkSettlement: (c) => [finding(settlementProvision, c.lang, { scope: 'application' }, 'info', settlementNotice)],
};
