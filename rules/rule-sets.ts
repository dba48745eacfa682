import { sfs2023179 } from './params/sfs-2023-179.ts';
import { sfs2023946 } from './params/sfs-2023-946.ts';
import type { RuleSet, RuleSetDefinition } from './params/rule-set.ts';

/** Every wording of the ordinance the product knows, oldest first. */
export const ruleSetDefinitions: readonly RuleSetDefinition[] = [sfs2023179, sfs2023946];

const resolved = new Map<number, RuleSet>(
  ruleSetDefinitions.flatMap(({ years, ...definition }) =>
    Object.entries(years).map(([year, parameters]): [number, RuleSet] => [Number(year), { ...definition, grantYear: Number(year), year: parameters }]),
  ),
);

/** All bidragsår with a rule set, ascending. */
export function knownGrantYears(): number[] {
  return ruleSetDefinitions.flatMap((d) => Object.keys(d.years).map(Number)).sort((a, b) => a - b);
}

/**
 * The rule set for a bidragsår, chosen by the year applied for, never by today's date.
 * Undefined for a year no wording covers: the caller says so and evaluates nothing.
 */
export function ruleSetFor(grantYear: number): RuleSet | undefined {
  return resolved.get(grantYear);
}
