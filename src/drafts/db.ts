/**
 * One small database interface over two back ends, so the drafts store and its migrations are
 * written once: PGlite (PostgreSQL in WebAssembly, embedded, the default) or a PostgreSQL
 * server through `pg` when a DATABASE_URL is given.
 */
import { createHash } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';
import { migrationFiles, migrationSql } from './migrate.ts';

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
  /**
   * PostgreSQL only: how long to wait for a connection, and for a statement to finish
   * (statement_timeout); a server that does not answer at all is given a second more.
   */
  timeoutMs?: number;
}

export const DEFAULT_DB_TIMEOUT_MS = 5000;

/**
 * The database cannot be opened; the message is one line for the person starting the server:
 * what is wrong and what to do.
 */
export class CannotOpenDatabaseError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CannotOpenDatabaseError';
  }
}

/** The database did not answer in time or the connection failed: try again later (503). */
export class DatabaseUnavailableError extends Error {
  constructor(options?: ErrorOptions) {
    super('The database is unavailable', options);
    this.name = 'DatabaseUnavailableError';
  }
}

export function openDb(config: DbConfig): Promise<Db> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, config.timeoutMs ?? DEFAULT_DB_TIMEOUT_MS) : openPglite(config.dataDir);
}

/** The lock files this process holds (see lockDataDir). */
const heldLocks = new Set<string>();

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false; // a lock this process holds is found in heldLocks first
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // it runs, as another user
  }
}

/**
 * One server process per DATA_DIR: PGlite has no lock of its own, and two processes on one
 * directory both start, both acknowledge saves and overwrite each other's files. The first
 * process creates DATA_DIR/sst-bidrag.lock exclusively with its process id and removes it on
 * close; another process finds it and refuses to start. A lock whose process no longer runs
 * (killed, crashed) is stale and taken over, as is one naming this very process id without this
 * process holding it (a container restarted after a crash gets the same pid again). Process ids
 * mean something on one machine only: a DATA_DIR is never shared between machines.
 * Returns the function that releases the lock.
 */
function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  const lockFile = join(dir, 'sst-bidrag.lock');
  mkdirSync(dir, { recursive: true });
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldLocks.add(lockFile);
      return () => {
        heldLocks.delete(lockFile);
        rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let pid: number;
    try {
      pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
      throw error;
    }
    if (heldLocks.has(lockFile) || isRunning(pid)) {
      throw new CannotOpenDatabaseError(
        `DATA_DIR ${dir} is in use by another server (process ${pid}). Stop that server, or give this one its own DATA_DIR. ` +
          `If no server uses it, delete ${lockFile}.`,
      );
    }
    rmSync(lockFile, { force: true }); // stale: its process is gone
  }
}

/** What to do when DATA_DIR holds a database that cannot be opened. */
const unreadable = (dir: string, problem: string, cause?: unknown) =>
  new CannotOpenDatabaseError(
    `The database in ${dir} cannot be opened: ${problem}. It has been left as it is: restore DATA_DIR from a backup, ` +
      `or move ${dir} away to start with an empty database.`,
    { cause },
  );

/**
 * PostgreSQL's settings for PGlite: its own defaults, with a 16 MB buffer cache instead of 128 MB.
 * Drafts are small and few per server, and the cache is most of what an open PGlite holds:
 * measured, an open database took 250 MiB resident instead of 400.
 */
export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];
/**
 * For a database made from scratch (the template): write-ahead log segments of 1 MB instead of
 * 16 MB, so a new database copies 28 MB instead of 39.
 */
const PGLITE_INITDB_PARAMS = ['--wal-segsize=1'];

/**
 * Where the prepared template for this PGlite and these migrations is (or would be): in .cache/
 * at the package's root (the nearest directory up with a package.json), so the sources and their
 * build in dist/ share it. The name holds a hash of PGlite's version, its initdb settings and the
 * migrations, so a changed migration or a new PGlite never starts from an old template.
 */
export function pgliteTemplateDir(): string {
  const pglitePackage = new URL('../package.json', import.meta.resolve('@electric-sql/pglite'));
  const hash = createHash('sha256').update(`${JSON.parse(readFileSync(pglitePackage, 'utf8')).version}\0${PGLITE_INITDB_PARAMS.join(' ')}`);
  for (const name of migrationFiles()) hash.update(`\0${name}\0${migrationSql(name)}`);
  let root = fileURLToPath(new URL('.', import.meta.url));
  while (!existsSync(join(root, 'package.json')) && dirname(root) !== root) root = dirname(root);
  return join(root, '.cache', `pglite-${hash.digest('hex').slice(0, 16)}`);
}

/**
 * A new database starts as a copy of the prepared template (see pglite-template.ts), when there
 * is one: copying and opening it takes under a second, where PGlite's own initdb takes 6 s and
 * 800 MB. The copy is made beside `dir` and renamed into place, so a process killed while copying
 * leaves no half database behind.
 */
function startFromTemplate(dir: string): void {
  const template = pgliteTemplateDir();
  if (!existsSync(template)) return;
  const copy = `${dir}.new`;
  rmSync(copy, { recursive: true, force: true });
  cpSync(template, copy, { recursive: true });
  rmSync(dir, { recursive: true, force: true }); // missing or empty
  renameSync(copy, dir);
}

/**
 * PGlite keeps its files in DATA_DIR/pglite. It is a single-process database, so DATA_DIR is
 * locked (lockDataDir) while it is open: run several servers behind a load balancer only with
 * DATABASE_URL. PGlite does not enforce statement_timeout (a pg_sleep(1) under a 100 ms timeout
 * runs its full second), so none is set; it has no network to hang on.
 *
 * Durability: `relaxedDurability: false` makes every query wait until PGlite has handed its
 * writes to the file system; PostgreSQL writes the WAL at each commit (synchronous_commit is on),
 * and the Node file system writes straight through to the operating system. So an acknowledged
 * save survives the process being killed (SIGKILL, a crash). PGlite runs PostgreSQL with fsync
 * off, so it does not survive the machine itself losing power before the OS flushes its cache.
 */
async function openPglite(dataDir: string): Promise<Db> {
  const release = lockDataDir(dataDir);
  const dir = resolve(dataDir, 'pglite');
  let db: PGlite;
  try {
    // Only a missing or empty directory is a new database; PGlite would silently re-initialise
    // one that has lost its PG_VERSION, and every draft with it.
    const isNew = !existsSync(dir) || readdirSync(dir).length === 0;
    if (!isNew && !existsSync(join(dir, 'PG_VERSION'))) throw unreadable(dir, 'PG_VERSION is missing');
    if (isNew) startFromTemplate(dir);
    mkdirSync(dir, { recursive: true });
    db = await PGlite.create({ dataDir: dir, relaxedDurability: false, startParams: PGLITE_START_PARAMS, initDbStartParams: PGLITE_INITDB_PARAMS }).catch(
      (error: Error) => {
        throw unreadable(dir, `PGlite stopped with "${error.message}"`, error);
      },
    );
  } catch (error) {
    release();
    throw error;
  }
  const on = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async <Row>(sql: string, params?: unknown[]) => (await target.query<Row>(sql, params)).rows,
    exec: async (sql) => void (await target.exec(sql)),
  });
  return {
    ...on(db),
    transaction: (work) => db.transaction((tx) => work(on(tx))),
    close: () => db.close().finally(release),
  };
}

/**
 * SQLSTATE classes that mean the server cannot serve now, not that the SQL is wrong: connection
 * exception, insufficient resources, operator intervention (with statement_timeout's
 * query_canceled) and system error.
 */
const UNAVAILABLE_CLASSES = /^(08|53|57|58)/;

/** Where the server is, for a message: host, port and database, never the user or password. */
function serverOf(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || 5432}${pathname}`;
}

/**
 * A pool of connections to a PostgreSQL server; a transaction holds one connection throughout.
 * Nothing waits for ever: a connection is given `timeoutMs`, a statement `timeoutMs` on the
 * server (statement_timeout) and a second more on the client (query_timeout) should the server
 * not answer at all; such failures reach the store as DatabaseUnavailableError.
 */
async function openPostgres(url: string, timeoutMs: number): Promise<Db> {
  // The driver is loaded only for a server: the embedded default starts without it.
  const { default: pg } = await import('pg');
  /** A driver error as the store passes it on: anything but an SQL error is the database being unavailable. */
  const fromDriver = (error: unknown): unknown =>
    error instanceof pg.DatabaseError && !UNAVAILABLE_CLASSES.test(error.code ?? '') ? error : new DatabaseUnavailableError({ cause: error });
  const driver = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw fromDriver(error);
    }
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: 5,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs + 1000,
  });
  // An idle connection that the server drops must not crash the process.
  pool.on('error', () => {});
  const on = (target: Pool | PoolClient): Queryable => ({
    query: async (sql, params) => (await driver(() => target.query(sql, params))).rows,
    exec: async (sql) => void (await driver(() => target.query(sql))),
  });
  // Fail at start, not at the first save, if the server is unreachable.
  await pool.query('SELECT 1').catch(async (error: Error & { code?: string }) => {
    await pool.end();
    throw new CannotOpenDatabaseError(
      `Cannot reach the database at ${serverOf(url)}: ${error.message || error.code}. Check that PostgreSQL is running and that DATABASE_URL is right.`,
      { cause: error },
    );
  });
  return {
    ...on(pool),
    async transaction(work) {
      const client = await driver(() => pool.connect());
      try {
        await on(client).exec('BEGIN');
        const result = await work(on(client));
        await on(client).exec('COMMIT');
        client.release();
        return result;
      } catch (error) {
        if (error instanceof DatabaseUnavailableError) {
          client.release(error); // dropped: closing it ends the transaction on the server too
        } else {
          // Roll back; a connection that cannot even do that is dropped, not reused.
          await client.query('ROLLBACK').then(
            () => client.release(),
            (broken: Error) => client.release(broken),
          );
        }
        throw error;
      }
    },
    close: () => pool.end(),
  };
}
