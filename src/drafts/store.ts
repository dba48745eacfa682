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
import type { HandoffLink, HistoryEntry, NewLink } from './handoff.ts';

export interface Draft {
  id: string;
  data: unknown;
  version: number;
  ruleSetId: string | null;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  /** Marked ready for the kommun's overview (src/routes/overview.ts). */
  ready: boolean;
}

export interface DraftStore {
  create(data: unknown): Promise<Draft>;
  /** Undefined when the id is malformed, unknown or expired. */
  get(id: string): Promise<Draft | undefined>;
  /**
   * Replaces the data, bumps the version and restarts the retention period. Undefined when the
   * draft is missing or expired; VersionConflictError when `expectedVersion` is not the stored one.
   * `ruleSetId` is kept as it is unless given (null clears it).
   */
  save(id: string, data: unknown, options?: { ruleSetId?: string | null; expectedVersion?: number }): Promise<Draft | undefined>;
  /**
   * Marks the draft ready (or not) for the kommun's overview. Does not change the data, the
   * version or the expiry. Undefined when the draft is missing or expired.
   */
  setReady(id: string, ready: boolean): Promise<Draft | undefined>;
  /** The drafts marked ready that have not expired, oldest first. */
  listReady(): Promise<Draft[]>;
  /** Whether there was such a draft. */
  delete(id: string): Promise<boolean>;
  /**
   * Deletes the drafts that have expired by `now` (default: the database's clock), with their
   * links and history, and the links that ended (expired or revoked) over LINK_KEPT_DAYS ago;
   * how many drafts.
   */
  purgeExpired(now?: Date): Promise<number>;
  /** Hand-off links and the draft's history (see handoff.ts). */
  createLink(link: NewLink): Promise<HandoffLink | undefined>;
  /** Undefined when the token is malformed, unknown, revoked or expired. */
  getLink(token: string): Promise<HandoffLink | undefined>;
  revokeLink(draftId: string, token: string): Promise<boolean>;
  listLinks(draftId: string): Promise<HandoffLink[]>;
  addHistory(draftId: string, actor: string, change: string): Promise<void>;
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

/** 16 random bytes in base64url: 22 characters. Anything else is rejected before any SQL. */
const ID = /^[A-Za-z0-9_-]{22}$/;
const newId = (): string => randomBytes(16).toString('base64url');

const COLUMNS = 'id, data, version, rule_set_id, created_at, updated_at, expires_at, ready_for_overview';
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
  ready_for_overview: boolean;
}

const toDraft = (row: Row): Draft => ({
  id: row.id,
  data: row.data,
  version: row.version,
  ruleSetId: row.rule_set_id,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
  ready: row.ready_for_overview,
});

/** The data as JSON text, sent as text and cast in SQL, so both drivers store exactly this. */
function toJson(data: unknown): string {
  const json = JSON.stringify(data);
  if (json === undefined) throw new TypeError('Draft data must be representable as JSON');
  return json;
}

export async function openDraftStore(config: DbConfig): Promise<DraftStore> {
  return createDraftStore(await openDb(config));
}

/** The store on an open database, which it migrates first and closes on close(). */
export async function createDraftStore(db: Db): Promise<DraftStore> {
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    async create(data) {
      const [row] = await db.query<Row>(
        `INSERT INTO drafts (id, data, expires_at) VALUES ($1, $2::text::jsonb, ${EXPIRES}) RETURNING ${COLUMNS}`,
        [newId(), toJson(data)],
      );
      return toDraft(row);
    },

    async get(id) {
      if (!ID.test(id)) return undefined;
      const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM drafts WHERE id = $1 AND expires_at > now()`, [id]);
      return row && toDraft(row);
    },

    async save(id, data, options = {}) {
      if (!ID.test(id)) return undefined;
      const json = toJson(data);
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
        return toDraft(row);
      });
    },

    async setReady(id, ready) {
      if (!ID.test(id)) return undefined;
      const [row] = await db.query<Row>(
        `UPDATE drafts SET ready_for_overview = $2 WHERE id = $1 AND expires_at > now() RETURNING ${COLUMNS}`,
        [id, ready],
      );
      return row && toDraft(row);
    },

    async listReady() {
      const rows = await db.query<Row>(
        `SELECT ${COLUMNS} FROM drafts WHERE ready_for_overview AND expires_at > now() ORDER BY created_at, id`,
      );
      return rows.map(toDraft);
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
      return count;
    },

    createLink: (link) => handoff.createLink(db, link),
    getLink: (token) => handoff.getLink(db, token),
    revokeLink: (draftId, token) => handoff.revokeLink(db, draftId, token),
    listLinks: (draftId) => handoff.listLinks(db, draftId),
    addHistory: (draftId, actor, change) => handoff.addHistory(db, draftId, actor, change),
    history: (draftId) => handoff.history(db, draftId),

    ping: async () => void (await db.query('SELECT 1')),

    close: () => db.close(),
  };
}
