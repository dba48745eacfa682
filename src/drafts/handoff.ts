/**
 * Hand-off links and the draft's history. A link opens one team's school-staff or
 * social-services section of a draft for editing, without an account: the token (16 random
 * bytes, base64url) is the only key, it expires after HANDOFF_LINK_DAYS and the coordinator can
 * revoke it. Every change through a link, and the coordinator's own member edits, is recorded
 * in draft_history. Malformed tokens and ids are rejected before any SQL.
 */
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Queryable } from './db.ts';
import type { DraftApplication, DraftTeam } from './draft-data.ts';

export const HANDOFF_LINK_DAYS = 14;

/** A link that has expired or been revoked is listed (as such) to the coordinator this many days more, then deleted. */
export const LINK_KEPT_DAYS = 7;

/** Who made a change, in the history, when it was the coordinator (not through a link). */
export const COORDINATOR = 'Samordnaren';
/** Who made a change through the drafts API. */
export const API_ACTOR = 'API';

/** What a change to a member was, in the history: "lade till p3", "ändrade p2", "tog bort p1". */
export const memberChange = {
  added: (id: string) => `lade till ${id}`,
  changed: (id: string) => `ändrade ${id}`,
  removed: (id: string) => `tog bort ${id}`,
};

/** Other changes the coordinator makes, in the history. */
export const draftChange = {
  grantYear: (year: number) => `valde bidragsår ${year}`,
  organiser: 'ändrade huvudmannen',
  teamAdded: (name: string) => `lade till teamet ${name}`,
  teamChanged: (name: string) => `ändrade teamet ${name}`,
  teamRemoved: (name: string) => `tog bort teamet ${name}`,
  imported: (count: number, team: string, repeats: number) =>
    `importerade ${count} personer till ${team} (lade till${repeats ? `, ${repeats} som redan fanns hoppades över` : ''})`,
  importReplaced: (removed: number, count: number, team: string) => `importerade ${count} personer till ${team} (ersatte ${removed} som fanns)`,
  linkDone: 'är klar med sin del',
  settlementStarted: 'startade redovisningen från ansökan',
  decisions: 'förde in Skolverkets beslut',
};

/**
 * What changed from one application to the next, in the history's words: the year, the
 * organiser, teams (by id) added, changed or removed, and members (by id) added, changed or
 * removed. A team only moved in the list is no change.
 */
export function changesBetween(before: DraftApplication, after: DraftApplication): string[] {
  const changes: string[] = [];
  if (after.grantYear !== undefined && after.grantYear !== before.grantYear) changes.push(draftChange.grantYear(after.grantYear));
  if (!isDeepStrictEqual(after.organiser, before.organiser)) changes.push(draftChange.organiser);
  const teamsBefore = new Map(before.teams.map((t) => [t.id, t]));
  const teamsAfter = new Map(after.teams.map((t) => [t.id, t]));
  const withoutMembers = ({ members: _, ...team }: DraftTeam) => team;
  for (const team of after.teams) {
    const old = teamsBefore.get(team.id);
    if (!old) changes.push(draftChange.teamAdded(team.name));
    else if (!isDeepStrictEqual(withoutMembers(old), withoutMembers(team))) changes.push(draftChange.teamChanged(team.name));
  }
  for (const team of before.teams) if (!teamsAfter.has(team.id)) changes.push(draftChange.teamRemoved(team.name));
  const membersBefore = new Map(before.teams.flatMap((t) => t.members.map((m) => [m.id, m])));
  const membersAfter = new Map(after.teams.flatMap((t) => t.members.map((m) => [m.id, m])));
  for (const [id, member] of membersAfter) {
    const old = membersBefore.get(id);
    if (!old) changes.push(memberChange.added(id));
    else if (!isDeepStrictEqual(old, member)) changes.push(memberChange.changed(id));
  }
  for (const id of membersBefore.keys()) if (!membersAfter.has(id)) changes.push(memberChange.removed(id));
  return changes;
}

export type HandoffSide = 'school' | 'social_services';

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

export interface HistoryEntry {
  at: string;
  actor: string;
  change: string;
}

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
  const [row] = await db.query<LinkRow>(
    `SELECT ${COLUMNS} FROM handoff_links WHERE token = $1 AND revoked_at IS NULL AND expires_at > now()`,
    [token],
  );
  return row && toLink(row);
}

/** Revokes the draft's link; whether there was such a link still in force. */
export async function revokeLink(db: Queryable, draftId: string, token: string): Promise<boolean> {
  if (!isKey(draftId) || !isKey(token)) return false;
  const rows = await db.query(
    'UPDATE handoff_links SET revoked_at = now() WHERE token = $1 AND draft_id = $2 AND revoked_at IS NULL RETURNING token',
    [token, draftId],
  );
  return rows.length > 0;
}

/** Records that the holder of a link still in force is done, in the link and the draft's history; the link, or undefined. */
export async function markLinkDone(db: Queryable, token: string): Promise<HandoffLink | undefined> {
  if (!isKey(token)) return undefined;
  const [row] = await db.query<LinkRow>(
    `UPDATE handoff_links SET done_at = now() WHERE token = $1 AND revoked_at IS NULL AND expires_at > now() RETURNING ${COLUMNS}`,
    [token],
  );
  if (row) await addHistory(db, row.draft_id, row.label, draftChange.linkDone);
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
export async function addHistory(db: Queryable, draftId: string, actor: string, change: string | string[]): Promise<void> {
  const changes = typeof change === 'string' ? [change] : change;
  if (!isKey(draftId) || changes.length === 0) return;
  await db.query(
    `INSERT INTO draft_history (draft_id, actor, change)
     SELECT id, $2, change FROM drafts, unnest($3::text[]) WITH ORDINALITY AS c (change, n) WHERE id = $1 ORDER BY n`,
    [draftId, actor, changes],
  );
}

/** The draft's history, oldest first. */
export async function history(db: Queryable, draftId: string): Promise<HistoryEntry[]> {
  if (!isKey(draftId)) return [];
  const rows = await db.query<{ at: Date; actor: string; change: string }>(
    'SELECT at, actor, change FROM draft_history WHERE draft_id = $1 ORDER BY id',
    [draftId],
  );
  return rows.map((row) => ({ at: row.at.toISOString(), actor: row.actor, change: row.change }));
}
