/**
 * The draft's history in words, in the viewer's language: each stored event (src/drafts/
 * handoff.ts HistoryEvent) worded when shown. People are named by the role they have in the
 * draft now ("Skolkurator (p1)"), or by their id once removed. Rows stored before the history
 * became data keep the Swedish words they were written in.
 */
import { municipalityLabel } from '../../forms/municipalities.ts';
import { formatCountOf } from '../../rules/format.ts';
import type { Lang } from '../../rules/types.ts';
import type { DraftApplication } from '../../forms/draft-application.ts';
import type { HistoryActor, HistoryEntry, HistoryEvent } from '../drafts/handoff.ts';
import { personLabel } from '../result-words.ts';
import { words } from './index.ts';

/** Who, in words: the coordinator, the API, or a link by side and team. */
function actorWords(actor: HistoryActor, event: HistoryEvent, lang: Lang): string {
  const w = words[lang].history.actor;
  if (actor === 'coordinator' || actor === 'api') return w[actor];
  const side = actor === 'link:school' ? 'school' : 'social_services';
  return w.link(side, 'teamName' in event ? event.teamName : '');
}

/** What, in words. */
function eventWords(event: HistoryEvent, application: DraftApplication, lang: Lang): string {
  const w = words[lang].history.event;
  const people = (n: number) => formatCountOf(n, words[lang].count.people, lang);
  const person = (id: string) => personLabel(application.teams.flatMap((t) => t.members).find((m) => m.id === id) ?? { id });
  switch (event.kind) {
    case 'grant_year_chosen':
      return w.grantYearChosen(event.year);
    case 'organiser_changed':
      return w.organiserChanged;
    case 'team_added':
      return w.teamAdded(event.teamName);
    case 'team_changed':
      return w.teamChanged(event.teamName);
    case 'team_removed':
      return w.teamRemoved(event.teamName);
    case 'member_added':
      return w.memberAdded(person(event.member));
    case 'member_saved':
      return w.memberSaved(person(event.member));
    case 'member_removed':
      return w.memberRemoved(person(event.member));
    case 'members_imported':
      return w.membersImported(people(event.added), event.teamName, event.skipped ? people(event.skipped) : undefined);
    case 'members_replaced':
      return w.membersReplaced(people(event.added), event.teamName, people(event.removed));
    case 'link_done':
      return w.linkDone;
    case 'settlement_started':
      return w.settlementStarted;
    case 'decisions_saved':
      return w.decisionsSaved;
    case 'shared_with_overview':
      return w.shared(municipalityLabel(event.municipality), event.year);
    case 'withdrawn_from_overview':
      return w.withdrawn(municipalityLabel(event.municipality), event.year);
  }
}

/** One row of the history page: who and what in words (the time is the caller's). */
export function historyWords(entry: HistoryEntry, application: DraftApplication, lang: Lang): { who: string; what: string } {
  if (!entry.event) return { who: entry.actor, what: entry.change };
  return { who: actorWords(entry.actor, entry.event, lang), what: eventWords(entry.event, application, lang) };
}
