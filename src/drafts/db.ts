/**
 * One small database interface over two back ends, so the drafts store and its migrations are
 * written once: PGlite (PostgreSQL in WebAssembly, embedded, the default) or a PostgreSQL
 * server through `pg` when a DATABASE_URL is given.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** What the store and the migrator run SQL through, inside a transaction or not. */
export interface Queryable {
  /** One statement with $1, $2, … parameters; the rows it returns. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** A script of several statements without parameters (a migration file). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DbConfig {
  dataDir: string;
  databaseUrl?: string;
}

export function openDb(config: DbConfig): Promise<Db> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

/**
 * PGlite keeps its files in DATA_DIR/pglite. It is a single-process database: it holds the
 * directory exclusively and has no lock that stops a second process, so only ONE server process
 * may use a DATA_DIR at a time (run several behind a load balancer only with DATABASE_URL).
 *
 * Durability: `relaxedDurability: false` makes every query wait until PGlite has handed its
 * writes to the file system; PostgreSQL writes the WAL at each commit (synchronous_commit is on),
 * and the Node file system writes straight through to the operating system. So an acknowledged
 * save survives the process being killed (SIGKILL, a crash). PGlite runs PostgreSQL with fsync
 * off, so it does not survive the machine itself losing power before the OS flushes its cache.
 */
async function openPglite(dataDir: string): Promise<Db> {
  const dir = join(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create({ dataDir: dir, relaxedDurability: false });
  const on = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async <Row>(sql: string, params?: unknown[]) => (await target.query<Row>(sql, params)).rows,
    exec: async (sql) => void (await target.exec(sql)),
  });
  return {
    ...on(db),
    transaction: (work) => db.transaction((tx) => work(on(tx))),
    close: () => db.close(),
  };
}

/** A pool of connections to a PostgreSQL server; a transaction holds one connection throughout. */
async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  // An idle connection that the server drops must not crash the process.
  pool.on('error', () => {});
  const on = (target: pg.Pool | pg.PoolClient): Queryable => ({
    query: async (sql, params) => (await target.query(sql, params)).rows,
    exec: async (sql) => void (await target.query(sql)),
  });
  await pool.query('SELECT 1'); // fail at start, not at the first save, if the server is unreachable
  return {
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        // Roll back; a connection that cannot even do that is dropped, not reused.
        await client.query('ROLLBACK').then(
          () => client.release(),
          (broken: Error) => client.release(broken),
        );
        throw error;
      }
    },
    close: () => pool.end(),
  };
}
