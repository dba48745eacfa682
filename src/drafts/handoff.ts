/**
 * Hand-off links and the draft's history. A link opens one team's school-staff or
 * social-services section of a draft for editing, without an account: the token (16 random
 * bytes, base64url) is the only key, it expires after HANDOFF_LINK_DAYS and the coordinator can
 * revoke it. Every change through a link, by the coordinator or through the API is recorded in
 * draft_history as data (HistoryEvent), worded when shown. Malformed tokens and ids are rejected before any SQL.
 */
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Queryable } from './db.ts';
import type { DraftApplication, DraftTeam } from '../../forms/draft-application.ts';

export const HANDOFF_LINK_DAYS = 14;

/** A link that has expired or been revoked is listed (as such) to the coordinator this many days more, then deleted. */
export const LINK_KEPT_DAYS = 7;

export type HandoffSide = 'school' | 'social_services';

/** Who made a change, as the history stores it: the coordinator, the drafts API, or a link's holder by side. */
export type HistoryActor = 'coordinator' | 'api' | `link:${HandoffSide}`;

/** A team as a history event names it: its id, and its name when the change was made. */
interface TeamRef {
  team: string;
  teamName: string;
}

/**
 * One change, as the history stores it: its kind and parameters, never words. The history page
 * words it in the viewer's language (src/words/history.ts).
 */
export type HistoryEvent =
  | { kind: 'grant_year_chosen'; year: number }
  | { kind: 'organiser_changed' }
  | ({ kind: 'team_added' | 'team_changed' | 'team_removed' } & TeamRef)
  | ({ kind: 'member_added' | 'member_saved' | 'member_removed'; member: string } & TeamRef)
  | ({ kind: 'members_imported'; added: number; skipped: number } & TeamRef)
  | ({ kind: 'members_replaced'; added: number; removed: number } & TeamRef)
  | ({ kind: 'link_done' } & TeamRef)
  | { kind: 'settlement_started' | 'decisions_saved' }
  | { kind: 'shared_with_overview' | 'withdrawn_from_overview'; municipality: string; year: number };

const teamRef = (team: DraftTeam): TeamRef => ({ team: team.id, teamName: team.name });

/** A member added, saved or removed in a team. */
export const memberEvent = (kind: 'member_added' | 'member_saved' | 'member_removed', team: DraftTeam, member: string): HistoryEvent => ({
  kind,
  member,
  ...teamRef(team),
});

/** A team added, changed or removed. */
export const teamEvent = (kind: 'team_added' | 'team_changed' | 'team_removed', team: DraftTeam): HistoryEvent => ({ kind, ...teamRef(team) });

/**
 * What changed from one application to the next, as history events: the year, the organiser,
 * teams (by id) added, changed or removed, and members (by id) added, changed or removed. A
 * team only moved in the list is no change.
 */
export function changesBetween(before: DraftApplication, after: DraftApplication): HistoryEvent[] {
  const changes: HistoryEvent[] = [];
  if (after.grantYear !== undefined && after.grantYear !== before.grantYear) changes.push({ kind: 'grant_year_chosen', year: after.grantYear });
  if (!isDeepStrictEqual(after.organiser, before.organiser)) changes.push({ kind: 'organiser_changed' });
  const teamsBefore = new Map(before.teams.map((t) => [t.id, t]));
  const teamsAfter = new Map(after.teams.map((t) => [t.id, t]));
  const withoutMembers = ({ members: _, ...team }: DraftTeam) => team;
  for (const team of after.teams) {
    const old = teamsBefore.get(team.id);
    if (!old) changes.push(teamEvent('team_added', team));
    else if (!isDeepStrictEqual(withoutMembers(old), withoutMembers(team))) changes.push(teamEvent('team_changed', team));
  }
  for (const team of before.teams) if (!teamsAfter.has(team.id)) changes.push(teamEvent('team_removed', team));
  const membersOf = (application: DraftApplication) => new Map(application.teams.flatMap((t) => t.members.map((m) => [m.id, { member: m, team: t }])));
  const membersBefore = membersOf(before);
  const membersAfter = membersOf(after);
  for (const [id, { member, team }] of membersAfter) {
    const old = membersBefore.get(id);
    if (!old) changes.push(memberEvent('member_added', team, id));
    else if (!isDeepStrictEqual(old.member, member)) changes.push(memberEvent('member_saved', team, id));
  }
  for (const [id, { team }] of membersBefore) if (!membersAfter.has(id)) changes.push(memberEvent('member_removed', team, id));
  return changes;
}

export interface HandoffLink {
  token: string;
  draftId: string;
  /** The team's id in the draft (t1, t2, …); the link stops working when that team is removed. */
  teamId: string;
  side: HandoffSide;
  label: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** When the holder last said they were done ("Jag är klar"). */
  doneAt: string | null;
}

/**
 * One row of the history. Rows written since the history is stored as data have an `event`
 * and an actor code; older rows have only the Swedish words they were written in (`actor`,
 * `change`), shown as they are.
 */
export type HistoryEntry = { at: string } & ({ actor: HistoryActor; event: HistoryEvent } | { actor: string; change: string; event?: undefined });

/** Tokens and draft ids are both 16 random bytes in base64url: 22 characters. */
const KEY = /^[A-Za-z0-9_-]{22}$/;
export const isKey = (value: string): boolean => KEY.test(value);

const SIDES: readonly string[] = ['school', 'social_services'];

interface LinkRow {
  token: string;
  draft_id: string;
  team_id: string;
  side: HandoffSide;
  label: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  done_at: Date | null;
}

const COLUMNS = 'token, draft_id, team_id, side, label, created_at, expires_at, revoked_at, done_at';

const toLink = (row: LinkRow): HandoffLink => ({
  token: row.token,
  draftId: row.draft_id,
  teamId: row.team_id,
  side: row.side,
  label: row.label,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
  revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
  doneAt: row.done_at ? row.done_at.toISOString() : null,
});

export interface NewLink {
  draftId: string;
  teamId: string;
  side: HandoffSide;
  label: string;
  /** When the link is made (default: the database's clock); it expires HANDOFF_LINK_DAYS later. */
  now?: Date;
}

/** Undefined when the draft id is malformed or the draft is missing or expired. */
export async function createLink(db: Queryable, link: NewLink): Promise<HandoffLink | undefined> {
  if (!isKey(link.draftId) || !SIDES.includes(link.side)) return undefined;
  const [row] = await db.query<LinkRow>(
    `INSERT INTO handoff_links (token, draft_id, team_id, side, label, created_at, expires_at)
     SELECT $1, id, $2, $3, $4, coalesce($5::timestamptz, now()), coalesce($5::timestamptz, now()) + make_interval(days => ${HANDOFF_LINK_DAYS})
     FROM drafts WHERE id = $6 AND expires_at > now()
     RETURNING ${COLUMNS}`,
    [randomBytes(16).toString('base64url'), link.teamId, link.side, link.label, link.now ?? null, link.draftId],
  );
  return row && toLink(row);
}

/** The link, if the token is well-formed, known, not revoked and not expired. */
export async function getLink(db: Queryable, token: string): Promise<HandoffLink | undefined> {
  if (!isKey(token)) return undefined;
  const [row] = await db.query<LinkRow>(`SELECT ${COLUMNS} FROM handoff_links WHERE token = $1 AND revoked_at IS NULL AND expires_at > now()`, [token]);
  return row && toLink(row);
}

/** Revokes the draft's link; whether there was such a link still in force. */
export async function revokeLink(db: Queryable, draftId: string, token: string): Promise<boolean> {
  if (!isKey(draftId) || !isKey(token)) return false;
  const rows = await db.query('UPDATE handoff_links SET revoked_at = now() WHERE token = $1 AND draft_id = $2 AND revoked_at IS NULL RETURNING token', [
    token,
    draftId,
  ]);
  return rows.length > 0;
}

/** Records that the holder of a link still in force is done, in the link and the draft's history; the link, or undefined. */
export async function markLinkDone(db: Queryable, token: string, teamName: string): Promise<HandoffLink | undefined> {
  if (!isKey(token)) return undefined;
  const [row] = await db.query<LinkRow>(
    `UPDATE handoff_links SET done_at = now() WHERE token = $1 AND revoked_at IS NULL AND expires_at > now() RETURNING ${COLUMNS}`,
    [token],
  );
  if (row) await addHistory(db, row.draft_id, `link:${row.side}`, { kind: 'link_done', team: row.team_id, teamName });
  return row && toLink(row);
}

/** All the draft's links, newest first, revoked and expired ones included. */
export async function listLinks(db: Queryable, draftId: string): Promise<HandoffLink[]> {
  if (!isKey(draftId)) return [];
  const rows = await db.query<LinkRow>(`SELECT ${COLUMNS} FROM handoff_links WHERE draft_id = $1 ORDER BY created_at DESC, token`, [draftId]);
  return rows.map(toLink);
}

/** Deletes the links that ended (expired or were revoked) LINK_KEPT_DAYS before `now` (default: the database's clock). */
export async function purgeLinks(db: Queryable, now?: Date): Promise<void> {
  await db.query(
    `DELETE FROM handoff_links WHERE least(expires_at, revoked_at) <= coalesce($1::timestamptz, now()) - make_interval(days => ${LINK_KEPT_DAYS})`,
    [now ?? null],
  );
}

/**
 * Revokes the draft's links to teams it no longer has, whatever removed them (a page, the API,
 * an import): run after every save, so a link never opens a team that was removed, even if a
 * team with the same id came back later.
 */
export async function revokeLinksToRemovedTeams(db: Queryable, draftId: string): Promise<void> {
  await db.query(
    `UPDATE handoff_links SET revoked_at = now()
     WHERE draft_id = $1 AND revoked_at IS NULL AND team_id NOT IN (
       SELECT team ->> 'id' FROM drafts,
         jsonb_array_elements(CASE WHEN jsonb_typeof(data -> 'application' -> 'teams') = 'array' THEN data -> 'application' -> 'teams' ELSE '[]'::jsonb END) AS team
       WHERE id = $1 AND jsonb_typeof(team) = 'object' AND team ->> 'id' IS NOT NULL)`,
    [draftId],
  );
}

/** Records changes (one or several, in order) made by `actor`. */
export async function addHistory(db: Queryable, draftId: string, actor: HistoryActor, event: HistoryEvent | HistoryEvent[]): Promise<void> {
  const events = Array.isArray(event) ? event : [event];
  if (!isKey(draftId) || events.length === 0) return;
  await db.query(
    `INSERT INTO draft_history (draft_id, actor, event)
     SELECT id, $2, event FROM drafts, unnest($3::jsonb[]) WITH ORDINALITY AS e (event, n) WHERE id = $1 ORDER BY n`,
    [draftId, actor, events.map((e) => JSON.stringify(e))],
  );
}

/** The draft's history, oldest first. */
export async function history(db: Queryable, draftId: string): Promise<HistoryEntry[]> {
  if (!isKey(draftId)) return [];
  const rows = await db.query<{ at: Date; actor: string; change: string | null; event: HistoryEvent | null }>(
    'SELECT at, actor, change, event FROM draft_history WHERE draft_id = $1 ORDER BY id',
    [draftId],
  );
  return rows.map((row) => {
    const at = row.at.toISOString();
    return row.event ? { at, actor: row.actor as HistoryActor, event: row.event } : { at, actor: row.actor, change: row.change ?? '' };
  });
}
