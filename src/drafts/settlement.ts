/**
 * A settlement draft (the year after the decision, D19–D23): started from an application draft, it is a draft
 * of its own whose application is the application as carried out, beside the application as
 * applied for and Skolverket's decision per team. Only bidragsår whose rule set has settlement
 * rules (sfs-2023-946, 2024 onwards) can be settled.
 */
import { parseSettlement } from '../../forms/settlement.ts';
import { settle, settlementRuleSetFor } from '../../rules/settlement.ts';
import type { Lang, Settlement } from '../../rules/types.ts';
import { todayInSweden } from '../lang.ts';
import type { DraftData, SettlementData } from './draft-data.ts';

/** Whether the bidragsår can be settled (its rule set has settlement rules). */
export function settlesYear(grantYear: number | undefined): boolean {
  return grantYear !== undefined && settlementRuleSetFor(grantYear) !== undefined;
}

/**
 * A new settlement's data from an application draft's: the application carried out as applied
 * for (same team and member ids, to be corrected), a snapshot of it as applied for, and no
 * decisions yet. What the user confirmed about unusual values carries over; the last result
 * seen does not (it was the application's).
 */
export function startSettlement(data: DraftData): DraftData {
  const { lastResult: _seen, settlement: _none, ...rest } = structuredClone(data);
  return { ...rest, settlement: { applied: structuredClone(data.application), decisions: {} } };
}

export type DraftSettlement =
  | { ok: true; settlement: Settlement }
  | { ok: false; reason: 'decisions'; missing: string[] }
  | { ok: false; reason: 'year' | 'invalid' };

/**
 * A settlement draft through the same validation and engine as POST /api/v1/settlements: the
 * application as carried out, Skolverket's decision for each of its teams in order, and the
 * application as applied for. Not worked out while a team's decision is missing (the names of
 * those teams), the bidragsår cannot be settled, or the application is not complete.
 */
export function settleDraft(data: DraftData & { settlement: SettlementData }, lang: Lang, asOf = todayInSweden()): DraftSettlement {
  const { application, settlement } = data;
  if (!settlesYear(application.grantYear)) return { ok: false, reason: 'year' };
  const missing = application.teams.filter((t) => settlement.decisions[t.id]?.skolverketGrant === undefined).map((t) => t.name);
  if (missing.length) return { ok: false, reason: 'decisions', missing };
  const decision = { teams: application.teams.map((t) => ({ skolverketGrant: settlement.decisions[t.id].skolverketGrant! })) };
  const parsed = parseSettlement({ application, decision, applied: settlement.applied }, lang);
  if (!parsed.ok) return { ok: false, reason: 'invalid' };
  return { ok: true, settlement: settle(parsed.input, { asOf, lang }) };
}
