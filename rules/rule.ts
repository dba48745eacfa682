import type { Finding, FixData, Lang, Outcome, Scope } from './types.ts';

/**
 * What every rule file declares about itself: its id (as in the public API), where it applies,
 * the provision it encodes and what that provision asks, in plain Swedish and English. The
 * rule documentation (docs/rules.md) and the rule-set API are generated from these.
 */
export interface RuleDefinition {
  id: string;
  /** A short heading for the rule, as on the result page. */
  title: Record<Lang, string>;
  scope: Scope | 'team and application';
  citation: string;
  /** The outcomes the rule can give. */
  outcomes: Outcome[];
  /** What the provision asks and how the product reads it, in plain language. */
  summary: Record<Lang, string>;
  /** True where the reading rests on the agencies' guidance rather than the ordinance's words. */
  guidance?: boolean;
}

/** A message in both languages; the engine picks one. */
export type Text = Record<Lang, string>;

/** Builds a finding that carries its rule's citation, in the language asked for. */
export function finding(
  rule: RuleDefinition,
  lang: Lang,
  where: { scope: Scope; team?: number; member?: string },
  outcome: Outcome,
  message: Text,
  extra: { fix?: Text; fixData?: FixData; details?: Record<string, unknown> } = {},
): Finding {
  // Built key by key so the JSON reads rule, scope, team, member, outcome, … in that order.
  const result = { rule: rule.id, scope: where.scope } as Finding;
  if (where.team !== undefined) result.team = where.team;
  if (where.member !== undefined) result.member = where.member;
  result.outcome = outcome;
  result.citation = rule.citation;
  result.message = message[lang];
  if (extra.fix) result.fix = extra.fix[lang];
  if (extra.fixData) result.fixData = extra.fixData;
  if (extra.details) result.details = extra.details;
  return result;
}
