/**
 * 14–16 §§ förordningen (2023:179), lydelse SFS 2023:946 (agency guidance): after the
 * bidragsår the huvudman reports to Skolverket and the kommun to Socialstyrelsen how the money
 * was used; changes are reported without delay; money not used is repaid.
 * RULEBOOK D19: a settlement compares Skolverket's decided grant for each team (0 for a team
 * not granted) with the application as carried out during the year; a member's `actualCost`
 * from the ledger, when given, replaces the computed cost (D5) before the other-funding share
 * and D5's zero rules apply. Only for the rule set sfs-2023-946 (the settlement rules are data
 * in its parameters). D20–D23 are in their own files; this one puts them together.
 *
 * settle(input, { asOf, lang }) is pure: the evaluation date is an argument (it is passed on
 * to the assessment of the carried-out application and decides nothing in the settlement).
 */
import { minimaOf, staffingByTeam, assess } from './assess.ts';
import { changesBetween, checkChanges } from './changes-to-report.ts';
import { belowMinimum, checkConditions, conditionsOf } from './conditions-during-year.ts';
import { checkMatchedSettlement, matchedAfterYear, municipalitiesAfterYear } from './matched-settlement.ts';
import { sumKronor } from './money.ts';
import type { RuleSet } from './params/rule-set.ts';
import { finding, type RuleDefinition } from './rule.ts';
import { ruleSetFor } from './rule-sets.ts';
import { checkUnusedGrant, grantUse, justifiedGrant } from './unused-grant.ts';
import type { Finding, Lang, Settlement, SettlementInput, SettlementTeam } from './types.ts';

export const settlementProvision: RuleDefinition = {
  id: 'settlement',
  title: { sv: 'Redovisning efter året', en: 'The report after the year' },
  scope: 'application',
  citation: '14–16 §§',
  outcomes: ['info'],
  guidance: true,
  summary: {
    sv: 'Efter bidragsåret jämförs Skolverkets beslut för varje team med det som faktiskt blev: personerna med sina verkliga datum, tjänstgöringsgrader och, där den är känd, den faktiska kostnaden från bokföringen. Den faktiska kostnaden ersätter den beräknade; andra statsbidrag dras av och reglerna om vem som ger kostnad gäller som i ansökan. Redovisningen finns från bidragsår 2024. Alla belopp är verktygets uppskattning: myndigheterna har inte publicerat någon formel, och det är Skolverket och Socialstyrelsen som beslutar.',
    en: 'After the grant year, Skolverket\'s decision for each team is compared with what actually happened: the people with their real dates, fte and, where known, the actual cost from the ledger. The actual cost replaces the computed one; other state grants are deducted and the rules on who gives a cost apply as in the application. The report exists from grant year 2024. Every amount is the tool\'s estimate: the agencies have published no formula, and Skolverket and Socialstyrelsen decide.',
  },
};

export class NoSettlementRulesError extends Error {
  constructor(readonly grantYear: number) {
    super(`No settlement rules for grant year ${grantYear}`);
  }
}

/** The rule set of a bidragsår when it has settlement rules (D19), else undefined. */
export function settlementRuleSetFor(grantYear: number): RuleSet | undefined {
  const ruleSet = ruleSetFor(grantYear);
  return ruleSet?.settlementRules ? ruleSet : undefined;
}

const notice = {
  sv: 'Alla belopp är verktygets uppskattning av redovisningen. Myndigheterna har inte publicerat någon formel för outnyttjat bidrag; Skolverket och Socialstyrelsen beslutar om återbetalning.',
  en: 'Every amount is the tool\'s estimate of the report. The agencies have published no formula for unused grants; Skolverket and Socialstyrelsen decide on repayment.',
};

export interface SettleOptions {
  /** YYYY-MM-DD, passed on to the assessment of the carried-out application. */
  asOf: string;
  lang?: Lang;
}

/**
 * The settlement of a bidragsår (RULEBOOK §6, D19–D23). The input is validated
 * (forms/settlement.ts): one decision per team of the carried-out application.
 */
export function settle(input: SettlementInput, options: SettleOptions): Settlement {
  const { application, decision, applied } = input;
  const ruleSet = settlementRuleSetFor(application.grantYear);
  if (!ruleSet?.settlementRules) throw new NoSettlementRulesError(application.grantYear);
  const lang = options.lang ?? 'sv';
  const assessment = assess(application, { asOf: options.asOf, lang, actualCosts: true });
  const staffing = staffingByTeam(application, ruleSet);
  const minima = minimaOf(ruleSet);
  const grantPeriod = ruleSet.year.grantPeriod.value;

  const teams: SettlementTeam[] = assessment.teams.map((result, index) => {
    const use = grantUse(decision.teams[index].skolverketGrant, justifiedGrant(result, application.organiser.type, ruleSet));
    const conditions = conditionsOf(result.status);
    return {
      name: result.name,
      status: result.status,
      conditions,
      ...use,
      belowMinimum: conditions === 'not_met' ? belowMinimum(staffing[index], minima) : [],
      matched: { municipalityCode: result.municipalityCode, ...matchedAfterYear(use.decided, result.amounts.socialServicesGrant) },
    };
  });
  const changes = applied ? changesBetween(applied, application, grantPeriod, lang) : undefined;

  const findings: Finding[] = [];
  for (const id of ruleSet.settlementRules) {
    if (id === 'settlement') findings.push(finding(settlementProvision, lang, { scope: 'application' }, 'info', notice));
    else if (id === 'changes-to-report') findings.push(...checkChanges(changes, lang));
    teams.forEach((team, index) => {
      if (id === 'unused-grant') findings.push(checkUnusedGrant(team, index, lang));
      else if (id === 'conditions-during-year') findings.push(checkConditions(team.conditions, team.belowMinimum, team.decided, index, lang));
      else if (id === 'matched-settlement') findings.push(checkMatchedSettlement(team.matched, index, lang));
    });
  }

  const total = (key: 'decided' | 'justified' | 'used' | 'unused') => sumKronor(teams.map((t) => t[key]));
  return {
    grantYear: application.grantYear,
    ruleSet: assessment.ruleSet,
    lang,
    notice: notice[lang],
    teams,
    totals: { decided: total('decided'), justified: total('justified'), used: total('used'), unused: total('unused') },
    municipalities: municipalitiesAfterYear(teams),
    changesCompared: changes !== undefined,
    changes: changes ?? [],
    findings,
    assessment,
  };
}
