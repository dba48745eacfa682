/**
 * Every save the store has acknowledged survives the process being killed: a child process
 * saves in a loop, is killed with SIGKILL mid-stream, and the store reopened has every draft
 * the child reported saved, with its data.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { DbConfig } from '../src/drafts/db.ts';
import { openDraftStore } from '../src/drafts/store.ts';
import { forEachBackend } from './fixtures/drafts-backends.ts';
import { TYPESCRIPT_LOADER } from './loader/typescript.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SAVER = fileURLToPath(new URL('fixtures/drafts-saver.ts', import.meta.url));
const KILL_AFTER = 50;

/**
 * Runs the saver until it has acknowledged KILL_AFTER saves and SIGKILLs it; what it acknowledged.
 * `signal` (the test's) kills it too, should the test time out.
 */
async function saveUntilKilled(config: DbConfig, signal: AbortSignal): Promise<Map<string, unknown>> {
  const child = spawn(process.execPath, [...TYPESCRIPT_LOADER, SAVER, JSON.stringify(config)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    signal,
    killSignal: 'SIGKILL',
  });
  const acknowledged = new Map<string, unknown>();
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [id, data] = line.split('\t');
    acknowledged.set(id!, JSON.parse(data!));
    if (acknowledged.size === KILL_AFTER) child.kill('SIGKILL');
  });
  const [code, exitSignal] = await once(child, 'close'); // after stdout has been read to the end
  assert.equal(exitSignal, 'SIGKILL', `the saver exited by itself (code ${code}) after ${acknowledged.size} saves`);
  return acknowledged;
}

forEachBackend((name, newBackend) => {
  test(`every acknowledged save on ${name} survives SIGKILL`, { timeout: 60_000 }, async (t) => {
    const backend = await newBackend();
    try {
      const acknowledged = await saveUntilKilled(backend.config, t.signal);
      assert.ok(acknowledged.size >= KILL_AFTER);
      const store = await openDraftStore(backend.config);
      try {
        for (const [id, data] of acknowledged) {
          const draft = await store.get(id);
          assert.deepEqual([draft?.data, draft?.version], [data, 2], id);
        }
      } finally {
        await store.close();
      }
      t.diagnostic(`${acknowledged.size} of ${acknowledged.size} acknowledged saves survived SIGKILL on ${name}`);
    } finally {
      await backend.dispose();
    }
  });
});
