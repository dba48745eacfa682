/**
 * A settlement draft (RULEBOOK §6, D19–D23): started from an application draft, it is a draft
 * of its own whose application is the application as carried out, beside the application as
 * applied for and Skolverket's decision per team. Only bidragsår under the rule set
 * sfs-2023-946 (2024 onwards) can be settled.
 */
import type { FastifyRequest } from 'fastify';
import { ruleSetFor } from '../../rules/rule-sets.ts';
import { isSettlement, type DraftApplication, type DraftData, type SettlementData } from './draft-data.ts';
import { loadDraft, NotFoundError, type LoadedDraft } from './load.ts';

/** The only rule set whose bidragsår can be settled. */
export const SETTLEMENT_RULE_SET = 'sfs-2023-946';

/** Whether the bidragsår can be settled. */
export function settlesYear(grantYear: number | undefined): boolean {
  return grantYear !== undefined && ruleSetFor(grantYear)?.id === SETTLEMENT_RULE_SET;
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

/** The engine's input for a settlement draft, or the ids of the teams whose decision is still missing. */
export function settlementInput(data: DraftData & { settlement: SettlementData }):
  | { ok: true; input: { application: DraftApplication; decision: { teams: Array<{ skolverketGrant: string }> }; applied: DraftApplication } }
  | { ok: false; missing: string[] } {
  const { application, settlement } = data;
  const missing = application.teams.filter((t) => settlement.decisions[t.id]?.skolverketGrant === undefined).map((t) => t.id);
  if (missing.length) return { ok: false, missing };
  return {
    ok: true,
    input: {
      application,
      decision: { teams: application.teams.map((t) => ({ skolverketGrant: settlement.decisions[t.id].skolverketGrant! })) },
      applied: settlement.applied,
    },
  };
}

/** The settlement draft named by the route's :id; a 404 page for an application draft, as for a missing one. */
export async function loadSettlement(request: FastifyRequest): Promise<LoadedDraft & { data: DraftData & { settlement: SettlementData } }> {
  const loaded = await loadDraft(request);
  if (!isSettlement(loaded.data)) throw new NotFoundError();
  return loaded as LoadedDraft & { data: DraftData & { settlement: SettlementData } };
}
