/** A draft's application through the same validation and engine as the JSON API. */
import { parseApplication, type ParseResult } from '../../forms/application.ts';
import { assess } from '../../rules/assess.ts';
import type { Application, Assessment, Lang } from '../../rules/types.ts';
import { todayInSweden } from '../lang.ts';
import type { DraftData } from './draft-data.ts';

export type DraftAssessment =
  | { ok: true; application: Application; assessment: Assessment; ruleSetId: string; asOf: string }
  | { ok: false; problems: Exclude<ParseResult, { ok: true }> };

export function assessDraft(data: DraftData, lang: Lang, asOf = todayInSweden()): DraftAssessment {
  const parsed = parseApplication(data.application, lang);
  if (!parsed.ok) return { ok: false, problems: parsed };
  return { ok: true, application: parsed.application, assessment: assess(parsed.application, { asOf, lang }), ruleSetId: parsed.ruleSet.id, asOf };
}
