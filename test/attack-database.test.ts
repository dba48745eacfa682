/**
 * The database's faults, as they were found: a second server on one DATA_DIR, a DATA_DIR that
 * has lost a file, a PostgreSQL server that is not there or stops answering, health that said ok
 * regardless, and expired drafts kept until the next start. Real server processes where the
 * start-up itself is under test; the app in this process otherwise.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import app from '../src/app.ts';
import { openDraftStore } from '../src/drafts/store.ts';
import type { DraftsOptions } from '../src/plugins/drafts.ts';
import { serverOptions } from '../src/server-options.ts';
import { postgresBackend } from './fixtures/drafts-backends.ts';
import { TYPESCRIPT_LOADER } from './loader/typescript.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DAY_MS = 24 * 60 * 60 * 1000;

/** A server that should have refused but runs is killed (through the test's signal) after this. */
const SPAWN_TIMEOUT = { timeout: 180_000 };

const newDataDir = () => mkdtempSync(join(tmpdir(), 'attack-database-'));

async function buildWith(drafts: DraftsOptions): Promise<FastifyInstance> {
  const fastify = Fastify(serverOptions());
  await fastify.register(fp(app), { drafts }); // fp: the test reaches app.drafts and app.memoryUsage
  await fastify.ready();
  return fastify;
}

/** Starts `src/server.ts` as the operator would, with `env`; what it wrote to stderr and its exit code. */
async function startServer(env: Record<string, string>, signal: AbortSignal): Promise<{ code: number | null; stderr: string }> {
  const { DATABASE_URL: _, ...inherited } = process.env;
  const child = spawn(process.execPath, [...TYPESCRIPT_LOADER, 'src/server.ts'], {
    cwd: ROOT,
    env: { ...inherited, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    signal,
    killSignal: 'SIGKILL',
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = await once(child, 'close');
  return { code, stderr };
}

/** One line, no stack trace, nothing from inside PGlite. */
function assertOneLine(stderr: string) {
  assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
  assert.doesNotMatch(stderr, /^\s+at |RuntimeError|wasm|node_modules/m);
}

/** Every file under `dir` with its size and modification time. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const stat = statSync(join(dir, name));
      return `${name} ${stat.isDirectory() ? 'dir' : stat.size} ${stat.mtimeMs}`;
    });
}

describe('en server i gång på en DATA_DIR', () => {
  let offsetMs = 0;
  let server: FastifyInstance;
  const dataDir = newDataDir();
  before(async () => {
    // Purging twice a second: often enough for the test, seldom enough to leave the event loop calm for /readyz.
    server = await buildWith({ dataDir, purgeEveryMs: 500, clock: () => new Date(Date.now() + offsetMs) });
  });
  after(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('en andra server på samma DATA_DIR avslutas genast med katalogen i beskedet; den första fortsätter och inget försvinner', SPAWN_TIMEOUT, async (t) => {
    const { id } = (await server.inject({ method: 'POST', url: '/api/v1/drafts', payload: { grantYear: 2026 } })).json();

    const second = await startServer({ DATA_DIR: dataDir }, t.signal);
    assert.equal(second.code, 1);
    assertOneLine(second.stderr);
    assert.ok(second.stderr.includes(dataDir), second.stderr);
    assert.match(second.stderr, new RegExp(`in use by another server \\(process ${process.pid}\\)`));

    assert.equal(readFileSync(join(dataDir, 'sst-bidrag.lock'), 'utf8').trim(), String(process.pid), 'the lock is still ours');
    assert.equal((await server.inject({ method: 'PUT', url: `/api/v1/drafts/${id}`, payload: { grantYear: 2027 } })).statusCode, 200);
    const draft = (await server.inject({ url: `/api/v1/drafts/${id}` })).json();
    assert.deepEqual([draft.version, draft.application.grantYear], [2, 2027]);
  });

  test('/readyz svarar 200 när databasen svarar och 503 med kontrollen som fallerade när den inte gör det', async () => {
    const ready = await server.inject({ url: '/readyz' });
    assert.equal(ready.statusCode, 200, ready.body);
    assert.deepEqual(ready.json(), { status: 'ok', checks: { database: 'ok', eventLoop: 'ok' } });

    const { ping } = server.drafts;
    server.drafts.ping = async () => {
      throw new Error('the database is gone');
    };
    try {
      const down = await server.inject({ url: '/readyz' });
      assert.equal(down.statusCode, 503);
      assert.deepEqual(down.json(), { status: 'unavailable', checks: { database: 'unavailable', eventLoop: 'ok' } });
      assert.equal((await server.inject({ url: '/healthz' })).statusCode, 200);
    } finally {
      server.drafts.ping = ping;
    }

    const { memoryUsage } = server;
    server.memoryUsage = () => ({ ...memoryUsage(), eventLoopDelay: 1500 });
    try {
      const busy = await server.inject({ url: '/readyz' });
      assert.equal(busy.statusCode, 503);
      assert.equal(busy.json().checks.eventLoop, 'overloaded');
    } finally {
      server.memoryUsage = memoryUsage;
    }
  });

  test('rensningen tar bort avslutade länkar efter en vecka och utgångna utkast med länkar och historik medan servern kör', async () => {
    const draft = await server.drafts.create({ grantYear: 2026 });
    const link = (now?: Date) => server.drafts.createLink({ draftId: draft.id, teamId: 't1', side: 'school', label: 'Länk', now });
    const live = await link();
    const expired = await link(new Date(Date.now() - 10 * DAY_MS));
    const revoked = await link();
    await server.drafts.revokeLink(draft.id, revoked!.token);
    await server.drafts.addHistory(draft.id, 'coordinator', { kind: 'grant_year_chosen', year: 2026 });
    const tokens = async () => (await server.drafts.listLinks(draft.id)).map((l) => l.token).sort();
    assert.deepEqual(await tokens(), [live!.token, expired!.token, revoked!.token].sort());

    // 20 days on: the expired and the revoked link ended over a week ago; the draft is kept 30 days.
    offsetMs = 20 * DAY_MS;
    while ((await tokens()).length > 1) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(await tokens(), [live!.token]);
    assert.equal((await server.drafts.history(draft.id)).length, 1);

    // 31 days on: the draft has expired; its history and links go with it.
    offsetMs = 31 * DAY_MS;
    while ((await server.drafts.history(draft.id)).length > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(await tokens(), []);
    assert.equal(await server.drafts.delete(draft.id), false, 'the draft itself is deleted, not only hidden');
  });
});

describe('en databas som inte går att öppna', { concurrency: true }, () => {
  /** A DATA_DIR with one draft in it (made once, copied for each test). */
  let template: Promise<{ dataDir: string; id: string }> | undefined;
  const made = async () => {
    const dataDir = newDataDir();
    const store = await openDraftStore({ dataDir });
    const { id } = await store.create({ kept: true });
    await store.close();
    return { dataDir, id };
  };
  after(async () => template && rmSync((await template).dataDir, { recursive: true, force: true }));

  /** A copy of the template, damaged by `damage`; its directory and the draft's id. */
  async function damagedDataDir(t: TestContext, damage: (pglite: string) => void): Promise<{ dataDir: string; id: string }> {
    template ??= made();
    const { dataDir: original, id } = await template;
    const dataDir = newDataDir();
    t.after(() => rmSync(dataDir, { recursive: true, force: true }));
    cpSync(original, dataDir, { recursive: true });
    damage(join(dataDir, 'pglite'));
    return { dataDir, id };
  }

  test('utan PG_VERSION vägrar servern starta, säger vad man gör och lämnar katalogen orörd', SPAWN_TIMEOUT, async (t) => {
    let version = '';
    const { dataDir, id } = await damagedDataDir(t, (pglite) => {
      version = readFileSync(join(pglite, 'PG_VERSION'), 'utf8');
      rmSync(join(pglite, 'PG_VERSION'));
    });
    const before = snapshot(dataDir);
    const { code, stderr } = await startServer({ DATA_DIR: dataDir }, t.signal);
    assert.equal(code, 1);
    assertOneLine(stderr);
    assert.ok(stderr.includes(join(dataDir, 'pglite')), stderr);
    assert.match(stderr, /PG_VERSION is missing.*restore DATA_DIR from a backup, or move .* away/);
    assert.deepEqual(snapshot(dataDir), before);

    writeFileSync(join(dataDir, 'pglite', 'PG_VERSION'), version); // restored from the backup
    const store = await openDraftStore({ dataDir });
    try {
      assert.deepEqual((await store.get(id))?.data, { kept: true });
    } finally {
      await store.close();
    }
  });

  test('en trasig pg_control ger en rad att handla efter i stället för PGlites kraschutskrift', SPAWN_TIMEOUT, async (t) => {
    const { dataDir } = await damagedDataDir(t, (pglite) => writeFileSync(join(pglite, 'global', 'pg_control'), ''));
    const { code, stderr } = await startServer({ DATA_DIR: dataDir }, t.signal);
    assert.equal(code, 1);
    assertOneLine(stderr);
    assert.match(stderr, /cannot be opened.*restore DATA_DIR from a backup/);
    assert.deepEqual(readdirSync(dataDir), ['pglite'], 'no lock left behind');
  });

  test('en DATABASE_URL som ingen svarar på ger en rad utan stackspår och utan lösenord', SPAWN_TIMEOUT, async (t) => {
    const closed = createServer().listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    closed.close();
    const { code, stderr } = await startServer({ DATABASE_URL: `postgres://sst:hemligt@127.0.0.1:${port}/sst` }, t.signal);
    assert.equal(code, 1);
    assertOneLine(stderr);
    assert.match(stderr, new RegExp(`Cannot reach the database at 127\\.0\\.0\\.1:${port}/sst: .*ECONNREFUSED.*DATABASE_URL`));
    assert.doesNotMatch(stderr, /hemligt/);
  });
});

/**
 * A TCP proxy in front of PostgreSQL that can hang, as a database host that has stopped: it then
 * passes nothing on, and accepts new connections without ever answering, until it resumes.
 */
async function hangingProxy(target: URL) {
  let hanging = false;
  const sockets = new Set<Socket>();
  const pairs = new Set<[Socket, Socket]>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    return socket.on('close', () => sockets.delete(socket)).on('error', () => {});
  };
  const pass = (client: Socket, upstream: Socket) => client.pipe(upstream).pipe(client);
  const proxy = createServer((client) => {
    track(client);
    if (hanging) return;
    const pair: [Socket, Socket] = [client, track(connect(Number(target.port || 5432), target.hostname))];
    pairs.add(pair);
    client.on('close', () => pairs.delete(pair));
    pass(...pair);
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String((proxy.address() as AddressInfo).port);
  return {
    url: url.href,
    hang() {
      hanging = true;
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
      }
    },
    resume() {
      hanging = false;
      for (const pair of pairs) pass(...pair);
    },
    close() {
      for (const socket of sockets) socket.destroy();
      proxy.close();
    },
  };
}

const DATABASE = process.env.TEST_DATABASE_URL;

test('en PostgreSQL som slutar svara: /readyz 503 inom en sekund, sidorna ett lugnt 503, /healthz 200, och sedan fungerar allt igen', {
  skip: !DATABASE && !process.env.CI && 'TEST_DATABASE_URL is not set',
}, async () => {
  assert.ok(DATABASE, 'CI must set TEST_DATABASE_URL');
  const backend = await postgresBackend(DATABASE);
  const proxy = await hangingProxy(new URL(backend.config.databaseUrl!));
  const server = await buildWith({ dataDir: backend.config.dataDir, databaseUrl: proxy.url, timeoutMs: 1000 });
  try {
    const { id } = (await server.inject({ method: 'POST', url: '/api/v1/drafts', payload: { grantYear: 2026 } })).json();
    proxy.hang();

    const asked = Date.now();
    const [ready, alive] = await Promise.all([server.inject({ url: '/readyz' }), server.inject({ url: '/healthz' })]);
    assert.equal(ready.statusCode, 503);
    assert.equal(ready.json().checks.database, 'unavailable');
    assert.ok(Date.now() - asked < 2000, `/readyz took ${Date.now() - asked} ms`);
    assert.equal(alive.statusCode, 200);

    const [page, api] = await Promise.all([server.inject({ url: `/ansokan/${id}/bidragsar` }), server.inject({ url: `/api/v1/drafts/${id}` })]);
    assert.equal(page.statusCode, 503);
    assert.equal(page.headers['retry-after'], '5');
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.match(page.body, /försök igen/i);
    assert.doesNotMatch(page.body, /timeout|Unavailable|ECONN/);
    assert.equal(api.statusCode, 503);
    assert.deepEqual(api.json(), { error: 'unavailable' });

    proxy.resume();
    assert.equal((await server.inject({ url: '/readyz' })).statusCode, 200);
    assert.equal((await server.inject({ url: `/api/v1/drafts/${id}` })).json().application.grantYear, 2026);
  } finally {
    await server.close();
    proxy.close();
    await backend.dispose();
  }
});
