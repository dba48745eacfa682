import type { Source } from './sources.ts';
import type { DateRange } from '../types.ts';

/** A value from the law or the agencies, with where it comes from. */
export interface Parameter<T> {
  value: T;
  source: Source;
  /** Shown beside the value, e.g. "uppskattning" for an estimate. */
  note?: string;
}

/** A window an agency sets for a bidragsår, with the day its source was last checked. */
export interface Window extends Parameter<DateRange> {
  /** YYYY-MM-DD. */
  checked: string;
  /** Not yet published: the product's estimate from earlier years, shown as "preliminär". */
  preliminary?: true;
}

/** What differs from one bidragsår to the next inside a rule set. */
export interface YearParameters {
  grantPeriod: Parameter<DateRange>;
  /** Skolverket's application window; absent where neither known nor estimated. */
  applicationWindow?: Window;
  /** Socialstyrelsen's window for the kommun's rekvisition of the matched money (2024+). */
  requisitionWindow?: Window;
  /** Skolverket's window for the huvudman's redovisning of the year (after the year). */
  reportingWindow?: Window;
  skolverketAppropriation: Parameter<string>;
  socialstyrelsenAppropriation?: Parameter<string>;
}

/**
 * A wording of the ordinance and the bidragsår it applies to. Everything the rules read that
 * comes from the law is here; the rule files hold only logic.
 */
export interface RuleSetDefinition {
  id: string;
  title: { sv: string; en: string };
  /** Which wording of the ordinance, as the user sees it. */
  wording: string;
  grantShare: Parameter<string>;
  minSchoolFte: Parameter<string>;
  minSocialServicesFte: Parameter<string>;
  minTeamFte: Parameter<string>;
  minEngagementMonths: Parameter<number>;
  /**
   * Whose eligible cost Skolverket funds (D7): school staff always; social-services staff
   * for every huvudman, for none, or for all but an enskild (independent) huvudman.
   */
  skolverketFundsSocialServices: Parameter<'all' | 'none' | 'not_independent'>;
  /** Skolverket's selection order (8 §) as priority tiers, D10. */
  priorityTiers: Parameter<boolean>;
  /** Kronor applied for and granted in the latest round known, for context (D12). */
  knownDemand: Parameter<{ year: number; appliedFor: string; granted: string }> | undefined;
  /** The rule ids this wording applies, in the order findings are reported. */
  rules: string[];
  /**
   * The rule ids of the settlement after the year (the settlement after the year, D19–D23 in docs/decisions.md), in the order
   * findings are reported; absent where the product has no settlement rules for the wording.
   */
  settlementRules?: string[];
  years: Record<number, YearParameters>;
}

/** A rule set resolved for one bidragsår. */
export interface RuleSet extends Omit<RuleSetDefinition, 'years'> {
  grantYear: number;
  year: YearParameters;
}
