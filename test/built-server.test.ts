/**
 * The server as `npm start` runs it: the built JavaScript in dist/ (npm test builds it first),
 * with Node and no compiler, on a fresh DATA_DIR. Every page that needs no draft answers, and so
 * does the API: whatever the sources read at run time must be in the build too.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';

const root = new URL('..', import.meta.url);
const dataDir = mkdtempSync(join(tmpdir(), 'sst-bidrag-built-'));
let server: ChildProcess;
let base = '';
let stderr = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** The environment without DATABASE_URL: the embedded default. */
const { DATABASE_URL: _postgres, ...embedded } = process.env;

before(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['dist/src/server.js'], {
    cwd: root,
    env: { ...embedded, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  server.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  for (let tries = 0; tries < 600 && server.exitCode === null; tries++) {
    const ready = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`the built server did not answer /healthz: ${stderr}`);
});

after(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test('the built server answers every page without a draft, in both languages', async () => {
  for (const path of ['/', '/regler', '/om-tjansten', '/tillganglighet', '/uppskattning', '/oversikt/ny', '/assets/site.css']) {
    for (const query of ['', '?lang=en']) {
      const response = await fetch(`${base}${path}${query}`);
      assert.equal(response.status, 200, `${path}${query}: ${stderr}`);
    }
  }
});

test('the built server assesses, settles, describes its API and starts a draft', async () => {
  const settlement = JSON.parse(readFileSync(new URL('fixtures/settlement-example.json', import.meta.url), 'utf8'));
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal((await post('/api/v1/assessments', settlement.application)).status, 200);
  assert.equal((await post('/api/v1/settlements', settlement)).status, 200);
  assert.equal((await fetch(`${base}/openapi.json`)).status, 200);
  assert.equal((await post('/api/v1/drafts', { grantYear: 2026 })).status, 201);
});
