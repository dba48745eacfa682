/**
 * Opening and saving a draft as the pages work with it: the stored draft with its data read
 * into shape. Missing answers undefined or false; what that means to a request (a 404 page) is
 * src/http/draft-request.ts's.
 */
import { asDraftData, type DraftData } from './draft-data.ts';
import type { HistoryEvent } from './handoff.ts';
import type { Draft, DraftStore } from './store.ts';

export interface LoadedDraft {
  draft: Draft;
  data: DraftData;
}

/** The draft and its data; undefined when it is missing, deleted or expired. */
export async function openDraft(drafts: DraftStore, id: string): Promise<LoadedDraft | undefined> {
  const draft = await drafts.get(id);
  return draft && { draft, data: asDraftData(draft.data) };
}

/**
 * Saves the draft's data; false if it was deleted or expired in the meantime. `change`, when
 * given, goes into the draft's history as made by the coordinator.
 */
export async function saveDraftData(
  drafts: DraftStore,
  loaded: LoadedDraft,
  options: { ruleSetId?: string | null; change?: HistoryEvent } = {},
): Promise<boolean> {
  const saved = await drafts.save(loaded.draft.id, loaded.data, { ruleSetId: options.ruleSetId });
  if (!saved) return false;
  if (options.change) await drafts.addHistory(loaded.draft.id, 'coordinator', options.change);
  return true;
}
