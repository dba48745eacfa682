/**
 * Applies the plain SQL files in migrations/ (001_….sql, 002_….sql, …) in order, once each,
 * recording them in schema_migrations. Everything runs in one transaction under an advisory lock,
 * so a failed migration leaves nothing half-done and two processes starting together against
 * the same PostgreSQL server do not both apply a file. Safe to run at every start.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Db } from './db.ts';

const MIGRATIONS = new URL('./migrations/', import.meta.url);
const FILE_NAME = /^\d{3}_[a-z0-9_]+\.sql$/;
/** Any constant that other advisory-lock users in the same database do not pick. */
const LOCK_KEY = 7_151_001;

/** The migrations' file names, in the order they are applied. */
export const migrationFiles = (): string[] =>
  readdirSync(MIGRATIONS)
    .filter((name) => FILE_NAME.test(name))
    .sort();

/** A migration's SQL. */
export const migrationSql = (name: string): string => readFileSync(new URL(name, MIGRATIONS), 'utf8');

/** The names of the migrations it applied (none when the schema is up to date). */
export async function migrate(db: Db): Promise<string[]> {
  const files = migrationFiles();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const applied = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name));
    const pending = files.filter((name) => !applied.has(name));
    for (const name of pending) {
      await tx.exec(migrationSql(name));
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    }
    return pending;
  });
}
