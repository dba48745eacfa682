/**
 * 14–16 §§ förordningen (2023:179), lydelse SFS 2023:946 (agency guidance): after the
 * bidragsår the huvudman reports to Skolverket and the kommun to Socialstyrelsen how the money
 * was used; changes are reported without delay; money not used is repaid.
 * [D19](../docs/decisions.md#d19): a settlement compares Skolverket's decided grant for each team (0 for a team
 * not granted) with the application as carried out during the year; a member's `actualCost`
 * from the ledger, when given, replaces the computed cost (D5) before the other-funding share
 * and D5's zero rules apply. Only for the rule set sfs-2023-946 (the settlement rules are data
 * in its parameters). D20–D23 are in their own files; this one puts them together.
 *
 * settle(input, { asOf, lang }) is pure: the evaluation date is an argument (it is passed on
 * to the assessment of the carried-out application and decides nothing in the settlement).
 */
import { minimaOf, staffingByTeam, assess } from './assess.ts';
import { changesBetween } from './changes-to-report.ts';
import { belowMinimum, conditionsOf } from './conditions-during-year.ts';
import { matchedAfterYear, municipalitiesAfterYear } from './matched-settlement.ts';
import { sumKronor } from './money.ts';
import type { RuleSet } from './params/rule-set.ts';
import { registry } from './registry.ts';
import { ruleSetFor } from './rule-sets.ts';
import { settlementNotice } from './settlement-notice.ts';
import { grantUse, justifiedGrant } from './unused-grant.ts';
import type { Finding, Lang, Settlement, SettlementInput, SettlementTeam } from './types.ts';

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

export interface SettleOptions {
  /** YYYY-MM-DD, passed on to the assessment of the carried-out application. */
  asOf: string;
  lang?: Lang;
}

/**
 * The settlement of a bidragsår (the settlement after the year, D19–D23 in docs/decisions.md). The input is validated
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
  for (const rule of ruleSet.settlementRules.map((id) => registry.get(id))) {
    if (rule.checkSettlement) findings.push(...rule.checkSettlement({ teams, changes, lang }));
    const { checkSettledTeam } = rule;
    if (checkSettledTeam)
      teams.forEach((team, index) => {
        findings.push(checkSettledTeam(team, index, lang));
      });
  }

  const total = (key: 'decided' | 'justified' | 'used' | 'unused') => sumKronor(teams.map((t) => t[key]));
  return {
    grantYear: application.grantYear,
    ruleSet: assessment.ruleSet,
    lang,
    notice: settlementNotice[lang],
    teams,
    totals: { decided: total('decided'), justified: total('justified'), used: total('used'), unused: total('unused') },
    municipalities: municipalitiesAfterYear(teams),
    changesCompared: changes !== undefined,
    changes: changes ?? [],
    findings,
    assessment,
  };
}
