/**
 * Prepares the template a new embedded database starts as (see pgliteTemplateDir in db.ts):
 * PGlite's initdb and every migration, run once, by the build and by the tests before they
 * start, instead of at every new DATA_DIR. Made in a directory of its own and renamed into
 * place, so a template that exists is whole; two processes preparing it at once both succeed.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDb, pgliteTemplateDir } from './db.ts';
import { migrate } from './migrate.ts';

/** The template's directory, prepared now if it is not there yet. */
export async function prepareTemplate(): Promise<string> {
  const template = pgliteTemplateDir();
  if (existsSync(template)) return template;
  mkdirSync(dirname(template), { recursive: true });
  const work = `${template}.${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  const db = await openDb({ dataDir: work });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  try {
    renameSync(join(work, 'pglite'), template);
  } catch (error) {
    // Another process has put its template in place meanwhile: the same database.
    if (!existsSync(template)) throw error;
  }
  rmSync(work, { recursive: true, force: true });
  return template;
}

// Run as a script (`npm test` does, before the test files start in parallel): prepare it and say where.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(await prepareTemplate());
