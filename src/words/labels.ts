/**
 * The labels every output shares, in the viewer's language: a staffing suggestion in words (the
 * kommun's overview, its CSV and the quick estimate). The labels themselves live in the
 * catalogue (words[lang].labels); this holds what needs numbers formatted.
 */
import { showDecimal } from '../../forms/input.ts';
import { formatKronor } from '../../rules/format.ts';
import type { StaffingSuggestion } from '../../rules/staffing-suggestion.ts';
import type { Lang } from '../../rules/types.ts';
import { words } from './index.ts';

/** "0,60 tjänst mer från socialtjänsten under 12,00 månader (400 000 kr mer i kostnad)". */
export function staffingSuggestionText(s: Omit<StaffingSuggestion, 'monthlyCostPerFte'>, lang: Lang): string {
  return words[lang].labels.staffingSuggestion(showDecimal(s.fte, lang), showDecimal(s.months, lang), formatKronor(s.extraCost, lang), s.basis === 'school');
}
