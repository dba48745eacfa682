/**
 * Every provision the engine encodes, in the order a reader meets them: the rules that give
 * findings, then the calculations behind the status and the amounts, then the settlement after
 * the year. The rule documentation, /regler, the case book and the rule-set API are generated
 * from this list.
 *
 * The rules are read from the rule sets' own lists (rules/params), in the order the results
 * report them, oldest wording first and then what later wordings add, with each definition from
 * its rule file through the registry: a new rule named in a rule set is documented with no line
 * here.
 */
import { priorityTierProvision } from './priority-tier.ts';
import { registry } from './registry.ts';
import type { RuleDefinition } from './rule.ts';
import { ruleSetDefinitions } from './rule-sets.ts';
import { skolverketGrantProvision } from './skolverket-grant.ts';
import { teamStatusProvision } from './team-status.ts';

/**
 * What the engine works out itself rather than as a rule set's check. The team's status is
 * also a rule (its review finding), but a reader looks for it beside the amounts it decides.
 */
const calculations: RuleDefinition[] = [teamStatusProvision, skolverketGrantProvision, priorityTierProvision];

/** The definitions of the rules the lists name, each once, in the order first named, the calculations left out. */
function definitionsIn(lists: readonly (readonly string[] | undefined)[]): RuleDefinition[] {
  const ids = new Set(lists.flatMap((list) => list ?? []));
  return [...ids].filter((id) => !calculations.some((c) => c.id === id)).map((id) => registry.get(id).definition);
}

export const ruleCatalogue: { findings: RuleDefinition[]; calculations: RuleDefinition[]; settlement: RuleDefinition[] } = {
  findings: definitionsIn(ruleSetDefinitions.map((d) => d.rules)),
  calculations,
  settlement: definitionsIn(ruleSetDefinitions.map((d) => d.settlementRules)),
};

/** Every rule in the catalogue, in the documentation's order: the findings, the calculations, the settlement's. */
export const allRuleDefinitions: readonly RuleDefinition[] = [...ruleCatalogue.findings, ...ruleCatalogue.calculations, ...ruleCatalogue.settlement];

/** The definition of a rule a rule set names; every name is in the catalogue (tested). */
export function ruleDefinition(id: string): RuleDefinition {
  const rule = allRuleDefinitions.find((r) => r.id === id);
  if (!rule) throw new Error(`Unknown rule ${id}`);
  return rule;
}
