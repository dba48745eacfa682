/**
 * The draft a page's request names, for the route files: the route's :id, :team and :member
 * read from the request, a 404 page for anything missing, and the request marked as belonging
 * to the draft (src/plugins/way-back.ts). The store below (src/drafts/) knows nothing of
 * requests; this is where its undefined becomes a 404.
 */
import type { FastifyRequest } from 'fastify';
import { isSettlement, type DraftData, type SettlementData } from '../drafts/draft-data.ts';
import type { HistoryEvent } from '../drafts/handoff.ts';
import { openDraft, saveDraftData, type LoadedDraft } from '../drafts/load.ts';

export type { LoadedDraft };

export class NotFoundError extends Error {
  readonly statusCode = 404;
  constructor() {
    super('Not found');
  }
}

/**
 * The draft named by the route's :id; a 404 page when it is missing, deleted or expired. The
 * page then shows the draft's link (src/plugins/way-back.ts).
 */
export async function loadDraft(request: FastifyRequest): Promise<LoadedDraft> {
  const { id } = request.params as { id: string };
  const loaded = await openDraft(request.server.drafts, id);
  if (!loaded) throw new NotFoundError();
  request.journeyDraftId = loaded.draft.id;
  request.journeyData = loaded.data;
  return loaded;
}

/**
 * Saves the draft's data; a 404 page if it was deleted or expired in the meantime. `change`,
 * when given, goes into the draft's history as made by the coordinator.
 */
export async function saveDraft(
  request: FastifyRequest,
  loaded: LoadedDraft,
  options: { ruleSetId?: string | null; change?: HistoryEvent } = {},
): Promise<void> {
  if (!(await saveDraftData(request.server.drafts, loaded, options))) throw new NotFoundError();
}

type LoadedSettlement = LoadedDraft & { data: DraftData & { settlement: SettlementData } };

/** The settlement draft named by the route's :id; a 404 page for an application draft, as for a missing one. */
export async function loadSettlement(request: FastifyRequest): Promise<LoadedSettlement> {
  const loaded = await loadDraft(request);
  if (!isSettlement(loaded.data)) throw new NotFoundError();
  return loaded as LoadedSettlement;
}

/** The team's index from its number in the path (1-based), or 'ny' for a new one; a 404 page for any other. */
export function teamParam(request: FastifyRequest, data: DraftData, { allowNew = false } = {}): number | 'ny' {
  const { team } = request.params as { team: string };
  if (allowNew && team === 'ny') return 'ny';
  const index = /^[1-9]\d{0,2}$/.test(team) ? Number(team) - 1 : -1;
  if (index < 0 || index >= data.application.teams.length) throw new NotFoundError();
  return index;
}

export function existingTeam(request: FastifyRequest, data: DraftData): number {
  return teamParam(request, data) as number;
}

/** The member's position in the team from their id in the path, or 'ny' for a new one; a 404 page for any other. */
export function memberParam(request: FastifyRequest, data: DraftData, team: number, { allowNew = false } = {}): number | 'ny' {
  const { member } = request.params as { member: string };
  if (allowNew && member === 'ny') return 'ny';
  const index = data.application.teams[team].members.findIndex((m) => m.id === member);
  if (index < 0) throw new NotFoundError();
  return index;
}
