/** Loading and saving the draft a page belongs to. */
import type { FastifyRequest } from 'fastify';
import { asDraftData, type DraftData } from './draft-data.ts';
import type { HistoryEvent } from './handoff.ts';
import type { Draft } from './store.ts';

export class NotFoundError extends Error {
  readonly statusCode = 404;
  constructor() {
    super('Not found');
  }
}

export interface LoadedDraft {
  draft: Draft;
  data: DraftData;
}

/**
 * The draft named by the route's :id; a 404 page when it is missing, deleted or expired. The
 * page then shows the draft's link (src/plugins/way-back.ts).
 */
export async function loadDraft(request: FastifyRequest): Promise<LoadedDraft> {
  const { id } = request.params as { id: string };
  const draft = await request.server.drafts.get(id);
  if (!draft) throw new NotFoundError();
  const data = asDraftData(draft.data);
  request.journeyDraftId = draft.id;
  request.journeyData = data;
  return { draft, data };
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
  const saved = await request.server.drafts.save(loaded.draft.id, loaded.data, { ruleSetId: options.ruleSetId });
  if (!saved) throw new NotFoundError();
  if (options.change) await request.server.drafts.addHistory(loaded.draft.id, 'coordinator', options.change);
}
