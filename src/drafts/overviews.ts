/**
 * The kommun's overviews in the database. An overview belongs to one kommun and bidragsår; its
 * key (read access) and its submission code (for sharing drafts into it) are 16 random bytes in
 * base64url each, different, and can be renewed (the old one stops working at once). It is kept
 * OVERVIEW_RETENTION_DAYS after it was last opened or changed. Its figures are the team summaries
 * stored with each draft when it is saved or shared (draft_team_summaries), selected here by the
 * overview's shares, kommun and year; nothing is assessed per request. Malformed keys, codes and
 * ids are rejected before any SQL.
 */
import { randomBytes } from 'node:crypto';
import type { OverviewSettlement, OverviewTeam, SharedTeam } from '../../rules/overview.ts';
import type { OrganiserType, TeamStatus } from '../../rules/types.ts';
import type { Queryable } from './db.ts';
import { isKey } from './handoff.ts';

/** Kept this many days after it was last opened or changed, as drafts are after their last save. */
export const OVERVIEW_RETENTION_DAYS = 30;

/** A team's summary as stored with its draft: the overview's row, and where and when it counts. */
export interface TeamSummary extends OverviewTeam {
  municipalityCode: string;
  grantYear: number;
  /** Never shown: it tells whether two shared drafts hold the same huvudman's team. */
  orgNumber: string;
}

export interface OverviewRecord {
  /** Internal; names a share on the coordinator's pages, opens nothing. */
  id: string;
  key: string;
  submissionCode: string;
  municipalityCode: string;
  grantYear: number;
  expiresAt: string;
}

export interface Share {
  overviewId: string;
  municipalityCode: string;
  grantYear: number;
  sharedAt: string;
}

const newKey = (): string => randomBytes(16).toString('base64url');
const EXPIRES = `now() + make_interval(days => ${OVERVIEW_RETENTION_DAYS})`;
const COLUMNS = 'id, key, submission_code, municipality_code, grant_year, expires_at';

interface Row {
  id: string;
  key: string;
  submission_code: string;
  municipality_code: string;
  grant_year: number;
  expires_at: Date;
}

const toRecord = (row: Row): OverviewRecord => ({
  id: row.id,
  key: row.key,
  submissionCode: row.submission_code,
  municipalityCode: row.municipality_code,
  grantYear: row.grant_year,
  expiresAt: row.expires_at.toISOString(),
});

export async function createOverview(db: Queryable, municipalityCode: string, grantYear: number): Promise<OverviewRecord> {
  const [row] = await db.query<Row>(
    `INSERT INTO overviews (id, key, submission_code, municipality_code, grant_year, expires_at)
     VALUES ($1, $2, $3, $4, $5, ${EXPIRES}) RETURNING ${COLUMNS}`,
    [newKey(), newKey(), newKey(), municipalityCode, grantYear],
  );
  return toRecord(row);
}

/** The overview its key opens, kept another retention period from now; undefined if unknown, renewed away or expired. */
export async function openOverview(db: Queryable, key: string): Promise<OverviewRecord | undefined> {
  if (!isKey(key)) return undefined;
  const [row] = await db.query<Row>(`UPDATE overviews SET expires_at = ${EXPIRES} WHERE key = $1 AND expires_at > now() RETURNING ${COLUMNS}`, [key]);
  return row && toRecord(row);
}

/** The overview a submission code shares into; undefined if unknown, renewed away or expired. */
export async function overviewForCode(db: Queryable, code: string): Promise<OverviewRecord | undefined> {
  if (!isKey(code)) return undefined;
  const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM overviews WHERE submission_code = $1 AND expires_at > now()`, [code]);
  return row && toRecord(row);
}

/** A new key or submission code for the overview its key opens; the old one stops working, the shares stay. */
export async function renewOverview(db: Queryable, key: string, what: 'key' | 'submissionCode'): Promise<OverviewRecord | undefined> {
  if (!isKey(key)) return undefined;
  const column = what === 'key' ? 'key' : 'submission_code';
  const [row] = await db.query<Row>(`UPDATE overviews SET ${column} = $2, expires_at = ${EXPIRES} WHERE key = $1 AND expires_at > now() RETURNING ${COLUMNS}`, [
    key,
    newKey(),
  ]);
  return row && toRecord(row);
}

/** Revokes the overview: its key and code stop working and its shares are removed. Whether there was one. */
export async function revokeOverview(db: Queryable, key: string): Promise<boolean> {
  if (!isKey(key)) return false;
  return (await db.query('DELETE FROM overviews WHERE key = $1 RETURNING id', [key])).length > 0;
}

/**
 * Replaces the draft's stored team summaries; none when it cannot be assessed (undefined).
 * One statement for any number of teams: the rows travel as JSON text.
 */
export async function writeSummaries(db: Queryable, draftId: string, teams: TeamSummary[] | undefined): Promise<void> {
  await db.query('DELETE FROM draft_team_summaries WHERE draft_id = $1', [draftId]);
  if (!teams?.length) return;
  const rows = teams.map((t, position) => ({
    position,
    municipality_code: t.municipalityCode,
    grant_year: t.grantYear,
    organiser_name: t.organiser.name,
    organiser_type: t.organiser.type,
    organiser_org_number: t.orgNumber,
    team_name: t.team,
    status: t.status,
    skolverket_grant: t.skolverketGrant,
    matched: t.matched,
    matched_usable: t.matchedUsable,
    repayment_risk: t.repaymentRisk,
    staffing_suggestion: t.staffingSuggestion,
    settlement: t.settlement ?? null,
  }));
  await db.query(
    `INSERT INTO draft_team_summaries (draft_id, position, municipality_code, grant_year, organiser_name, organiser_type,
       organiser_org_number, team_name, status, skolverket_grant, matched, matched_usable, repayment_risk, staffing_suggestion, settlement)
     SELECT $1, r.position, r.municipality_code, r.grant_year, r.organiser_name, r.organiser_type, r.organiser_org_number,
       r.team_name, r.status, r.skolverket_grant, r.matched, r.matched_usable, r.repayment_risk, r.staffing_suggestion, r.settlement
     FROM jsonb_to_recordset($2::text::jsonb) AS r(position integer, municipality_code text, grant_year integer, organiser_name text,
       organiser_type text, organiser_org_number text, team_name text, status text, skolverket_grant text, matched text, matched_usable text,
       repayment_risk text, staffing_suggestion jsonb, settlement jsonb)`,
    [draftId, JSON.stringify(rows)],
  );
}

/** Shares the live draft into the live overview (again is a no-op) and keeps the overview another period. Whether both were there. */
export async function share(db: Queryable, overviewId: string, draftId: string): Promise<boolean> {
  if (!isKey(overviewId) || !isKey(draftId)) return false;
  const [row] = await db.query<{ ok: boolean }>(
    `WITH touched AS (UPDATE overviews SET expires_at = ${EXPIRES} WHERE id = $1 AND expires_at > now() RETURNING id),
          draft AS (SELECT id FROM drafts WHERE id = $2 AND expires_at > now()),
          added AS (INSERT INTO overview_shares (overview_id, draft_id) SELECT touched.id, draft.id FROM touched, draft
                    ON CONFLICT DO NOTHING RETURNING 1)
     SELECT EXISTS (SELECT 1 FROM touched) AND EXISTS (SELECT 1 FROM draft) AS ok`,
    [overviewId, draftId],
  );
  return row.ok;
}

/** Withdraws the draft from the overview; whether it was shared there. */
export async function withdraw(db: Queryable, overviewId: string, draftId: string): Promise<boolean> {
  if (!isKey(overviewId) || !isKey(draftId)) return false;
  const rows = await db.query('DELETE FROM overview_shares WHERE overview_id = $1 AND draft_id = $2 RETURNING draft_id', [overviewId, draftId]);
  return rows.length > 0;
}

/** The live overviews the draft is shared into, oldest share first. */
export async function sharesOf(db: Queryable, draftId: string): Promise<Share[]> {
  if (!isKey(draftId)) return [];
  const rows = await db.query<{ id: string; municipality_code: string; grant_year: number; shared_at: Date }>(
    `SELECT o.id, o.municipality_code, o.grant_year, s.shared_at FROM overview_shares s JOIN overviews o ON o.id = s.overview_id
     WHERE s.draft_id = $1 AND o.expires_at > now() ORDER BY s.shared_at, o.id`,
    [draftId],
  );
  return rows.map((r) => ({ overviewId: r.id, municipalityCode: r.municipality_code, grantYear: r.grant_year, sharedAt: r.shared_at.toISOString() }));
}

export interface OverviewFigures {
  /** The rows of the shared live drafts' teams in the overview's kommun and year; rules/overview.ts counts each team once. */
  teams: SharedTeam[];
  /** Shared live drafts with no team in the overview's kommun and year: incomplete, or changed since. */
  uncounted: number;
}

interface SummaryRow {
  organiser_name: string;
  organiser_type: OrganiserType;
  organiser_org_number: string | null;
  team_name: string;
  status: TeamStatus;
  skolverket_grant: string;
  matched: string;
  matched_usable: string;
  repayment_risk: string;
  staffing_suggestion: OverviewTeam['staffingSuggestion'];
  settlement: OverviewSettlement | null;
  draft_id: string;
  saved_order: number;
}

/**
 * The stored summaries of the teams in the overview's kommun and year, from its shared live
 * drafts, in the order they were shared, each with its draft, its huvudman's organisationsnummer
 * and its draft's place among them by when it was saved (last first), so that a team several
 * drafts hold can be counted once.
 */
export async function overviewFigures(db: Queryable, overview: OverviewRecord): Promise<OverviewFigures> {
  const params = [overview.id, overview.municipalityCode, overview.grantYear];
  const shared = 'overview_shares s JOIN drafts d ON d.id = s.draft_id AND d.expires_at > now()';
  const inOverview = 't.draft_id = s.draft_id AND t.municipality_code = $2 AND t.grant_year = $3';
  const rows = await db.query<SummaryRow>(
    `SELECT t.organiser_name, t.organiser_type, t.organiser_org_number, t.team_name, t.status, t.skolverket_grant, t.matched,
       t.matched_usable, t.repayment_risk, t.staffing_suggestion, t.settlement, t.draft_id,
       (dense_rank() OVER (ORDER BY d.updated_at DESC, d.id))::int AS saved_order
     FROM ${shared} JOIN draft_team_summaries t ON ${inOverview}
     WHERE s.overview_id = $1
     ORDER BY s.shared_at, t.draft_id, t.position`,
    params,
  );
  const [{ count }] = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM ${shared}
     WHERE s.overview_id = $1 AND NOT EXISTS (SELECT 1 FROM draft_team_summaries t WHERE ${inOverview})`,
    params,
  );
  return {
    teams: rows.map((r) => ({
      organiser: { name: r.organiser_name, type: r.organiser_type },
      team: r.team_name,
      status: r.status,
      skolverketGrant: r.skolverket_grant,
      matched: r.matched,
      matchedUsable: r.matched_usable,
      repaymentRisk: r.repayment_risk,
      staffingSuggestion: r.staffing_suggestion,
      ...(r.settlement && { settlement: r.settlement }),
      source: r.draft_id,
      orgNumber: r.organiser_org_number,
      savedOrder: r.saved_order,
    })),
    uncounted: count,
  };
}

/** Deletes the overviews expired by `now` (default: the database's clock), their shares with them; how many. */
export async function purgeExpiredOverviews(db: Queryable, now?: Date): Promise<number> {
  const [{ count }] = await db.query<{ count: number }>(
    'WITH gone AS (DELETE FROM overviews WHERE expires_at <= coalesce($1::timestamptz, now()) RETURNING 1) SELECT count(*)::int AS count FROM gone',
    [now ?? null],
  );
  return count;
}
