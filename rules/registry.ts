/**
 * Every rule the engine can run, by id. A rule set names the rules it applies (its `rules` and
 * `settlementRules`, rules/params); the engine looks each one up here, and the documentation
 * reads each definition from here in the rule sets' order (rules/catalogue.ts). Adding a rule
 * is its file, its cases, one line in a rule set's list and its line below.
 *
 * The line below stays a line: finding the rules by reading rules/ would mean importing every
 * file there at run time (`await import()` of a directory listing), which makes loading the
 * engine asynchronous in the server, the CLI and the worker threads, needs a convention to tell
 * a rule file from the engine's other modules, and gives up the type check on the list.
 *
 * The rule sets are checked against the registry when this module loads, so a rule set naming
 * a rule the engine does not know stops the program at start-up instead of being silently
 * ignored.
 */
import { applicationWindowRule } from './application-window.ts';
import { changesToReportRule } from './changes-to-report.ts';
import { conditionsDuringYearRule } from './conditions-during-year.ts';
import { contractEducationRule } from './contract-education.ts';
import { grantYearRule } from './grant-year.ts';
import { independentOwnStaffRule } from './independent-own-staff.ts';
import { matchedAllocationRule } from './matched-allocation.ts';
import { matchedSettlementRule } from './matched-settlement.ts';
import { memberCostRule } from './member-cost.ts';
import { memberDurationRule } from './member-duration.ts';
import { memberEducationRule } from './member-education.ts';
import { memberOriginRule } from './member-origin.ts';
import { memberOtherFundingRule } from './member-other-funding.ts';
import { organiserTypeRule } from './organiser-type.ts';
import type { RuleSetDefinition } from './params/rule-set.ts';
import type { Rule } from './rule.ts';
import { ruleSetDefinitions } from './rule-sets.ts';
import { schoolFormsRule } from './school-forms.ts';
import { schoolStaffFteRule } from './school-staff-fte.ts';
import { settlementRule } from './settlement-notice.ts';
import { socialServicesFteRule } from './social-services-fte.ts';
import { teamStatusRule } from './team-status.ts';
import { teamTotalFteRule } from './team-total-fte.ts';
import { unusedGrantRule } from './unused-grant.ts';

export class UnknownRuleError extends Error {
  constructor(
    readonly ruleId: string,
    readonly ruleSet?: string,
  ) {
    super(ruleSet ? `Rule set ${ruleSet} names the unknown rule ${ruleId}` : `Unknown rule ${ruleId}`);
  }
}

export class RuleRegistry {
  readonly #rules = new Map<string, Rule>();

  constructor(rules: Iterable<Rule>) {
    for (const rule of rules) {
      if (this.#rules.has(rule.definition.id)) throw new Error(`Rule ${rule.definition.id} is registered twice`);
      this.#rules.set(rule.definition.id, rule);
    }
  }

  /** The rule with this id; throws for an id the registry does not know. */
  get(id: string): Rule {
    const rule = this.#rules.get(id);
    if (!rule) throw new UnknownRuleError(id);
    return rule;
  }

  /** Throws UnknownRuleError for the first rule a rule set names that is not registered. */
  validate(definitions: readonly Pick<RuleSetDefinition, 'id' | 'rules' | 'settlementRules'>[]): void {
    for (const definition of definitions) {
      for (const id of [...definition.rules, ...(definition.settlementRules ?? [])]) {
        if (!this.#rules.has(id)) throw new UnknownRuleError(id, definition.id);
      }
    }
  }
}

export const engineRules: readonly Rule[] = [
  grantYearRule,
  organiserTypeRule,
  applicationWindowRule,
  teamTotalFteRule,
  schoolStaffFteRule,
  socialServicesFteRule,
  schoolFormsRule,
  contractEducationRule,
  teamStatusRule,
  matchedAllocationRule,
  memberEducationRule,
  memberDurationRule,
  memberOriginRule,
  memberCostRule,
  memberOtherFundingRule,
  independentOwnStaffRule,
  settlementRule,
  unusedGrantRule,
  conditionsDuringYearRule,
  matchedSettlementRule,
  changesToReportRule,
];

export const registry = new RuleRegistry(engineRules);
registry.validate(ruleSetDefinitions);
