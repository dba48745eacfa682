/**
 * Drafts: applications in progress that a person saves step by step and resumes from a link
 * (the draft's id is the only key, so it is 128 random bits). A draft is kept for
 * DRAFT_RETENTION_DAYS after its last save. The same SQL runs on PGlite and on a PostgreSQL
 * server (see db.ts).
 */
import { randomBytes } from 'node:crypto';
import { openDb, type Db, type DbConfig } from './db.ts';
import { migrate } from './migrate.ts';
import * as handoff from './handoff.ts';
import type { HandoffLink, HistoryActor, HistoryEntry, HistoryEvent, NewLink } from './handoff.ts';
import * as overviews from './overviews.ts';
import type { OverviewFigures, OverviewRecord, Share, TeamSummary } from './overviews.ts';

export interface Draft {
  id: string;
  data: unknown;
  version: number;
  ruleSetId: string | null;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

export interface DraftStore {
  create(data: unknown): Promise<Draft>;
  /** Undefined when the id is malformed, unknown or expired. */
  get(id: string): Promise<Draft | undefined>;
  /**
   * Replaces the data, bumps the version and restarts the retention period. Undefined when the
   * draft is missing or expired; VersionConflictError when `expectedVersion` is not the stored one.
   * `ruleSetId` is kept as it is unless given (null clears it). Links to teams the new data no
   * longer has are revoked in the same transaction.
   */
  save(id: string, data: unknown, options?: { ruleSetId?: string | null; expectedVersion?: number }): Promise<Draft | undefined>;
  /** Whether there was such a draft. */
  delete(id: string): Promise<boolean>;
  /**
   * Deletes the drafts that have expired by `now` (default: the database's clock), with their
   * links and history, the links that ended (expired or revoked) over LINK_KEPT_DAYS ago, and
   * the kommun's overviews that have expired; how many drafts and overviews.
   */
  purgeExpired(now?: Date): Promise<number>;
  /** The kommun's overviews, the drafts shared into them and their figures (see overviews.ts). */
  createOverview(municipalityCode: string, grantYear: number): Promise<OverviewRecord>;
  openOverview(key: string): Promise<OverviewRecord | undefined>;
  overviewForCode(submissionCode: string): Promise<OverviewRecord | undefined>;
  renewOverview(key: string, what: 'key' | 'submissionCode'): Promise<OverviewRecord | undefined>;
  revokeOverview(key: string): Promise<boolean>;
  overviewFigures(overview: OverviewRecord): Promise<OverviewFigures>;
  /** Stores the draft's team summaries as they are now and shares it; false when the draft or the overview is gone. */
  share(overviewId: string, draftId: string, teams: TeamSummary[]): Promise<boolean>;
  withdraw(overviewId: string, draftId: string): Promise<boolean>;
  sharesOf(draftId: string): Promise<Share[]>;
  /** Hand-off links and the draft's history (see handoff.ts). */
  createLink(link: NewLink): Promise<HandoffLink | undefined>;
  /** Undefined when the token is malformed, unknown, revoked or expired. */
  getLink(token: string): Promise<HandoffLink | undefined>;
  revokeLink(draftId: string, token: string): Promise<boolean>;
  /** The holder says they are done: recorded on the link and in the history. Undefined when the link is not in force. */
  markLinkDone(token: string, teamName: string): Promise<HandoffLink | undefined>;
  listLinks(draftId: string): Promise<HandoffLink[]>;
  addHistory(draftId: string, actor: HistoryActor, event: HistoryEvent | HistoryEvent[]): Promise<void>;
  history(draftId: string): Promise<HistoryEntry[]>;
  /** Resolves when the database answers a query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A draft is kept this many days after its last save (the pages say so). */
export const DRAFT_RETENTION_DAYS = 30;

/** Someone else saved the draft since it was read (e.g. in another tab). */
export class VersionConflictError extends Error {
  readonly statusCode = 409;
  constructor(
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`Draft version conflict: expected ${expectedVersion}, stored ${actualVersion}`);
    this.name = 'VersionConflictError';
  }
}

export interface DraftStoreOptions {
  /**
   * What the kommun's overview needs of a draft's data, stored with it at every create and save
   * (undefined when the data cannot be assessed). Given by the caller, so the store runs no rules.
   */
  summarise?: (data: unknown) => TeamSummary[] | undefined;
}

/** 16 random bytes in base64url: 22 characters. Anything else is rejected before any SQL. */
const ID = /^[A-Za-z0-9_-]{22}$/;
const newId = (): string => randomBytes(16).toString('base64url');

const COLUMNS = 'id, data, version, rule_set_id, created_at, updated_at, expires_at';
/** The new expiry, as SQL: the retention period from this transaction's time. */
const EXPIRES = `now() + make_interval(days => ${DRAFT_RETENTION_DAYS})`;

interface Row {
  id: string;
  data: unknown;
  version: number;
  rule_set_id: string | null;
  created_at: Date;
  updated_at: Date;
  expires_at: Date;
}

const toDraft = (row: Row): Draft => ({
  id: row.id,
  data: row.data,
  version: row.version,
  ruleSetId: row.rule_set_id,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
});

/** The data as JSON text, sent as text and cast in SQL, so both drivers store exactly this. */
function toJson(data: unknown): string {
  const json = JSON.stringify(data);
  if (json === undefined) throw new TypeError('Draft data must be representable as JSON');
  return json;
}

export async function openDraftStore(config: DbConfig, options?: DraftStoreOptions): Promise<DraftStore> {
  return createDraftStore(await openDb(config), options);
}

/** The store on an open database, which it migrates first and closes on close(). */
export async function createDraftStore(db: Db, { summarise = () => undefined }: DraftStoreOptions = {}): Promise<DraftStore> {
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    async create(data) {
      const json = toJson(data);
      const teams = summarise(data);
      return db.transaction(async (tx) => {
        const [row] = await tx.query<Row>(`INSERT INTO drafts (id, data, expires_at) VALUES ($1, $2::text::jsonb, ${EXPIRES}) RETURNING ${COLUMNS}`, [
          newId(),
          json,
        ]);
        await overviews.writeSummaries(tx, row.id, teams);
        return toDraft(row);
      });
    },

    async get(id) {
      if (!ID.test(id)) return undefined;
      const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM drafts WHERE id = $1 AND expires_at > now()`, [id]);
      return row && toDraft(row);
    },

    async save(id, data, options = {}) {
      if (!ID.test(id)) return undefined;
      const json = toJson(data);
      const teams = summarise(data);
      return db.transaction(async (tx) => {
        const [current] = await tx.query<Pick<Row, 'version' | 'rule_set_id'>>(
          'SELECT version, rule_set_id FROM drafts WHERE id = $1 AND expires_at > now() FOR UPDATE',
          [id],
        );
        if (!current) return undefined;
        const { expectedVersion, ruleSetId = current.rule_set_id } = options;
        if (expectedVersion !== undefined && expectedVersion !== current.version) {
          throw new VersionConflictError(expectedVersion, current.version);
        }
        const [row] = await tx.query<Row>(
          `UPDATE drafts SET data = $2::text::jsonb, rule_set_id = $3, version = version + 1, updated_at = now(), expires_at = ${EXPIRES}
           WHERE id = $1 RETURNING ${COLUMNS}`,
          [id, json, ruleSetId],
        );
        await overviews.writeSummaries(tx, id, teams);
        await handoff.revokeLinksToRemovedTeams(tx, id);
        return toDraft(row);
      });
    },

    async delete(id) {
      if (!ID.test(id)) return false;
      return (await db.query('DELETE FROM drafts WHERE id = $1 RETURNING id', [id])).length > 0;
    },

    async purgeExpired(now) {
      const [{ count }] = await db.query<{ count: number }>(
        'WITH gone AS (DELETE FROM drafts WHERE expires_at <= coalesce($1::timestamptz, now()) RETURNING 1) SELECT count(*)::int AS count FROM gone',
        [now ?? null],
      );
      await handoff.purgeLinks(db, now);
      return count + (await overviews.purgeExpiredOverviews(db, now));
    },

    createOverview: (municipalityCode, grantYear) => overviews.createOverview(db, municipalityCode, grantYear),
    openOverview: (key) => overviews.openOverview(db, key),
    overviewForCode: (code) => overviews.overviewForCode(db, code),
    renewOverview: (key, what) => overviews.renewOverview(db, key, what),
    revokeOverview: (key) => overviews.revokeOverview(db, key),
    overviewFigures: (overview) => overviews.overviewFigures(db, overview),
    share: (overviewId, draftId, teams) =>
      db.transaction(async (tx) => {
        if (!(await overviews.share(tx, overviewId, draftId))) return false;
        await overviews.writeSummaries(tx, draftId, teams);
        return true;
      }),
    withdraw: (overviewId, draftId) => overviews.withdraw(db, overviewId, draftId),
    sharesOf: (draftId) => overviews.sharesOf(db, draftId),

    createLink: (link) => handoff.createLink(db, link),
    getLink: (token) => handoff.getLink(db, token),
    revokeLink: (draftId, token) => handoff.revokeLink(db, draftId, token),
    markLinkDone: (token, teamName) => db.transaction((tx) => handoff.markLinkDone(tx, token, teamName)),
    listLinks: (draftId) => handoff.listLinks(db, draftId),
    addHistory: (draftId, actor, event) => handoff.addHistory(db, draftId, actor, event),
    history: (draftId) => handoff.history(db, draftId),

    ping: async () => void (await db.query('SELECT 1')),

    close: () => db.close(),
  };
}
