/**
 * 2 § and 8 § förordningen (2023:179), [D12](../docs/decisions.md#d12): never promise money. Every amount is the
 * most 6 § allows, before Skolverket's selection when applications exceed funds; the latest
 * known demand ratio is given as context.
 */
import { Money } from './money.ts';
import type { RuleSet } from './params/rule-set.ts';
import type { Lang } from './types.ts';

export function demandNotice(ruleSet: RuleSet, lang: Lang): { notice: string; demandRatio: string | null } {
  const demand = ruleSet.knownDemand?.value;
  const ratio = demand ? new Money(demand.appliedFor).dividedBy(demand.granted).toDecimalPlaces(2).toFixed(2) : null;
  const base = {
    sv: 'Beloppen är de högsta som kan lämnas enligt 6 §. Bidrag lämnas bara i den mån det finns medel, och om ansökningarna överstiger medlen gör Skolverket ett urval enligt 8 §.',
    en: 'The amounts are the most that can be granted under section 6. Grants are given only as far as funds allow, and if applications exceed the funds Skolverket selects under section 8.',
  };
  if (!demand || !ratio) return { notice: base[lang], demandRatio: null };
  const shown = lang === 'sv' ? ratio.replace('.', ',') : ratio;
  const context = {
    sv: ` För bidragsår ${demand.year} söktes ${shown} gånger så mycket som fanns att fördela.`,
    en: ` For grant year ${demand.year}, ${shown} times the available funds were applied for.`,
  };
  return { notice: base[lang] + context[lang], demandRatio: ratio };
}
