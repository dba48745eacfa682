/**
 * The HTTP server attacked as a stranger on the internet would: a body trickled a byte at a
 * time, a burst of new drafts, a look in caches and logs for salaries and bearer ids, a
 * language link that points elsewhere, a URL the router cannot read.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { readConfig } from '../src/config.ts';
import { rateClassOf } from '../src/plugins/rate-limits.ts';
import { serverOptions } from '../src/server-options.ts';
import { buildApplication } from './application-builder.ts';
import { FormClient } from './form-client.ts';
import { buildApp } from './helper.ts';
import { TYPESCRIPT_LOADER } from './loader/typescript.ts';

const member = {
  side: 'school',
  role: 'Skolkurator',
  engagement: 'employment',
  fte: '1',
  start: '2025-08-01',
  education: 'psychosocial_degree',
  origin: 'new',
  monthlySalary: '43 517',
  employerCostRate: '31,42',
};
const team = { name: 'Team Norr', schoolForms: 'grundskola', municipalityCode: '0180', status: 'new', contractEducation: 'no' };

/** A draft filled in through the pages up to one member; returns its path, /ansokan/{id}. */
async function fillDraft(client: FormClient): Promise<string> {
  await client.get('/');
  const base = String((await client.post('/ansokan', {})).headers.location).replace(/\/bidragsar$/, '');
  await client.submit(`${base}/bidragsar`, { grantYear: '2026' });
  await client.submit(`${base}/huvudman`, { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal' });
  await client.submit(`${base}/team/ny`, team);
  assert.equal((await client.submit(`${base}/team/1/person/ny`, member)).statusCode, 303);
  return base;
}

/**
 * One app for the file: listening (for real sockets) with a 2 s request timeout, a log kept
 * in memory, and small limits: 10 new drafts and 1 PDF a minute per client.
 */
let app: FastifyInstance;
let port = 0;
const lines: string[] = [];
before(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const options = serverOptions({ logLevel: 'info', timeouts: { request: 2, headers: 1, keepAlive: 5, connection: 30 } });
  app = await buildApp({ ...options, logger: { ...(options.logger as object), stream } }, { rateLimits: { creations: 10, writes: 120, pdfs: 1 } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as { port: number }).port;
});
after(() => app.close());

/** Every 22-character base64url word (the length of our ids, link tokens and codes) in a response. */
function revealedIds(response: LightMyRequestResponse): string[] {
  const text = `${response.body} ${String(response.headers.location ?? '')}`;
  return text.match(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/g) ?? [];
}

describe('en klient som skickar långsamt', () => {
  test('en kropp som droppar in en byte i taget stängs av tidsgränsen medan andra får svar', async () => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += String(chunk)));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    // The server may close by a reset when a trickled byte arrives after the timeout: closed all the same.
    socket.on('error', () => {});
    socket.write('POST /api/v1/drafts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    const trickle = setInterval(() => socket.writable && socket.write(' '), 300);
    try {
      // Meanwhile the server answers everyone else.
      for (let i = 0; i < 3; i += 1) {
        assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      // Past the bound the test fails rather than waiting for ever.
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 6000).unref())]);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
    const seconds = (Date.now() - started) / 1000;
    assert.ok(seconds < 5, `closed after ${seconds} s, the request timeout is 2 s`);
    assert.ok(answer === '' || answer.startsWith('HTTP/1.1 408'), `answered ${answer.slice(0, 40)}`);
    assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
  });
});

test('SIGTERM medan en klient aldrig skickar klart: servern slutar inom tidsfristen i stället för att vänta', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sst-bidrag-test-'));
  const server = spawn(process.execPath, [...TYPESCRIPT_LOADER, 'src/server.ts'], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', CLOSE_GRACE_SECONDS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
  try {
    let output = '';
    const serverPort = await new Promise<number>((resolve, reject) => {
      server.stdout.on('data', (chunk) => {
        output += String(chunk);
        const listening = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (listening) resolve(Number(listening[1]));
      });
      void exited.then((code) => reject(new Error(`the server exited with ${code} before listening`)));
    });
    const socket = connect(serverPort, '127.0.0.1');
    socket.write('POST /api/v1/drafts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    socket.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stopping = Date.now();
    server.kill('SIGTERM');
    assert.equal(await exited, 1);
    const seconds = (Date.now() - stopping) / 1000;
    assert.ok(seconds < 4, `exited after ${seconds} s with a grace period of 1 s`);
    assert.match(output, /requests still under way after the grace period/);
    socket.destroy();
  } finally {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

describe('gränser per klient', () => {
  test('30 nya utkast i följd från en klient ger 429 med Retry-After; bedömningar och andra klienter påverkas inte', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/drafts', payload: buildApplication(), remoteAddress: '10.0.0.1' });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        assert.deepEqual(response.json(), { error: 'rate_limited' });
        assert.match(String(response.headers['retry-after']), /^\d+$/);
        assert.ok(Number(response.headers['retry-after']) <= 60);
      }
    }
    assert.deepEqual(statuses, [...Array(10).fill(201), ...Array(20).fill(429)]);

    const assessment = await app.inject({ method: 'POST', url: '/api/v1/assessments', payload: buildApplication(), remoteAddress: '10.0.0.1' });
    assert.equal(assessment.statusCode, 200, 'the assessments API stores nothing and stays open');
    const other = await app.inject({ method: 'POST', url: '/api/v1/drafts', payload: buildApplication(), remoteAddress: '10.0.0.2' });
    assert.equal(other.statusCode, 201, 'another client has its own count');

    // New drafts from the pages count with the API's: the same client gets a calm page.
    const page = await app.inject({ method: 'POST', url: '/ansokan', payload: '', remoteAddress: '10.0.0.1' });
    assert.equal(page.statusCode, 429);
    assert.match(page.body, /Du har skickat många förfrågningar på kort tid/);
    assert.ok(page.headers['retry-after']);
    assert.ok(page.headers['content-security-policy']);
    assert.equal(page.headers['cache-control'], 'no-store');
  });
});

test('varje väg som sparar, importerar, gör en PDF eller skapar något har en gräns, också vägar som kommer senare', () => {
  const classes: Array<[string, string, string | undefined]> = [
    ['POST', '/api/v1/assessments', 'assessments'],
    ['GET', '/ansokan/:id/kontrollera', undefined],
    ['POST', '/ansokan', 'creations'],
    ['POST', '/api/v1/drafts', 'creations'],
    ['POST', '/importera', 'creations'],
    ['POST', '/uppskattning/utkast', 'creations'],
    ['POST', '/ansokan/:id/team/:team/dela', 'creations'],
    ['POST', '/ansokan/:id/team/:team/importera', 'creations'],
    ['POST', '/api/v1/overviews', 'creations'],
    ['POST', '/api/v1/drafts/:id/share', 'creations'],
    ['POST', '/api/v1/assessments/pdf', 'pdfs'],
    ['POST', '/api/v1/settlements', 'assessments'],
    ['POST', '/ansokan/:id/sammanstallning.pdf', 'pdfs'],
    ['POST', '/ansokan/:id/team/:team/person/:member', 'writes'],
    ['POST', '/lank/:token/person/:member', 'writes'],
    ['PUT', '/api/v1/drafts/:id', 'writes'],
    ['DELETE', '/api/v1/drafts/:id', 'writes'],
    ['DELETE', '/api/v1/drafts/:id/share/:submissionCode', 'writes'],
  ];
  for (const [method, url, expected] of classes) assert.equal(rateClassOf(method, url), expected, `${method} ${url}`);
});

test('tidsgränser och gränser i miljön prövas när servern startar', () => {
  const defaults = readConfig({});
  assert.equal(defaults.REQUEST_TIMEOUT_SECONDS, 30);
  assert.equal(defaults.RATE_LIMIT_ASSESSMENTS_PER_MINUTE, 0);
  assert.equal(readConfig({ RATE_LIMIT_PDFS_PER_MINUTE: '0' }).RATE_LIMIT_PDFS_PER_MINUTE, 0);
  assert.throws(() => readConfig({ HEADERS_TIMEOUT_SECONDS: '40' }), /HEADERS_TIMEOUT_SECONDS: must not be longer than REQUEST_TIMEOUT_SECONDS/);
  for (const bad of ['', '1.5', '30s', '-1']) assert.throws(() => readConfig({ REQUEST_TIMEOUT_SECONDS: bad }), /REQUEST_TIMEOUT_SECONDS/, bad);
  assert.throws(() => readConfig({ RATE_LIMIT_WRITES_PER_MINUTE: 'many' }), /RATE_LIMIT_WRITES_PER_MINUTE: must be a whole number/);
});

test('loggen efter en hel ansökan genom sidorna och API:t, med kommunens översikt, har vägarnas mönster men inga id:n, nycklar, koder, löner eller roller', async () => {
  const logged = lines.length;
  const responses: LightMyRequestResponse[] = [];
  // Every response the journey gets, to collect every id it was shown.
  const seen = async (response: Promise<LightMyRequestResponse>) => {
    const r = await response;
    responses.push(r);
    return r;
  };
  const client = new FormClient(app);
  const base = await fillDraft(client);
  await seen(client.get(`${base}/team/1/personer`));
  await seen(client.get(`${base}/kontrollera`));
  await seen(client.get(`${base}/resultat`));
  await seen(client.get(`${base}/team/1/personal.csv`));
  const shared = await seen(client.submit(`${base}/team/1/dela`, { side: 'school' }));
  const link = new URL(/value="(https?:\/\/[^"]+\/lank\/[A-Za-z0-9_-]{22})"/.exec(shared.body)?.[1] ?? 'http://x/').pathname;
  const holder = new FormClient(app);
  await seen(holder.get(link));
  assert.equal((await seen(holder.submit(`${link}/person/ny`, { ...member, role: 'Specialpedagog' }))).statusCode, 303);
  const created = await seen(app.inject({ method: 'POST', url: '/api/v1/drafts', payload: buildApplication() }));
  const apiId = created.json().id;
  await seen(app.inject({ url: `/api/v1/drafts/${apiId}` }));
  await seen(app.inject({ method: 'PUT', url: `/api/v1/drafts/${apiId}`, payload: buildApplication({ organiser: { name: 'Andra namnet' } }) }));
  // The kommun's overview: its key and submission code are bearer secrets too.
  const overview = await seen(app.inject({ method: 'POST', url: '/api/v1/overviews', payload: { municipalityCode: '0180', grantYear: 2026 } }));
  const { key, submissionCode } = overview.json();
  assert.equal((await seen(app.inject({ method: 'POST', url: `/api/v1/drafts/${apiId}/share`, payload: { submissionCode } }))).statusCode, 200);
  await seen(app.inject({ url: `/oversikt/${key}` }));
  await seen(app.inject({ url: `/api/v1/overviews/${key}` }));
  await seen(app.inject({ method: 'DELETE', url: `/api/v1/drafts/${apiId}/share/${submissionCode}` }));

  const log = lines.slice(logged).join('');
  assert.match(log, /"route":"\/ansokan\/:id\/team\/:team\/person\/:member"/);
  assert.match(log, /"route":"\/lank\/:token"/);
  const ids = new Set([base.split('/').pop() ?? '', link.split('/').pop() ?? '', apiId, key, submissionCode, ...responses.flatMap(revealedIds)]);
  assert.ok(ids.size >= 5, 'the journey revealed the draft ids, the link token, the overview key and its code');
  for (const id of ids) assert.equal(id.length, 22);
  for (const secret of [...ids, '43517', '43 517', '43\u00a0517', 'Skolkurator', 'Specialpedagog', 'Exempla', 'Andra namnet']) {
    assert.ok(!log.includes(secret), `the log contains ${secret}`);
  }
});

test('ett fel i loggen har typ, kod och stackspår men inte meddelandet, som kan citera en adress', () => {
  const logged = lines.length;
  const error = Object.assign(new TypeError('Cannot read /ansokan/AAAAAAAAAAAAAAAAAAAAAA/resultat'), { code: 'E_TEST' });
  app.log.error({ err: error }, 'unexpected error');
  const entry = JSON.parse(lines.slice(logged).join(''));
  assert.equal(entry.err.type, 'TypeError');
  assert.equal(entry.err.code, 'E_TEST');
  assert.match(entry.err.stack, /^\s+at /);
  assert.doesNotMatch(JSON.stringify(entry), /AAAAAAAAAAAAAAAAAAAAAA|Cannot read/);
});

describe('svarens rubriker', () => {
  test('Cache-Control: no-store på sidor, fel, JSON, CSV, PDF, omdirigeringar och 429, men inte på filerna i /assets', async () => {
    const client = new FormClient(app);
    const base = await fillDraft(client);
    const pdf = () => app.inject({ method: 'POST', url: '/api/v1/assessments/pdf', payload: buildApplication() });
    const responses: Array<[string, LightMyRequestResponse, number]> = [
      ['a page', await client.get(`${base}/kontrollera`), 200],
      ['a form with errors', await client.submit(`${base}/bidragsar`, { grantYear: 'x' }), 422],
      ['a missing page', await app.inject({ url: '/finns-inte' }), 404],
      ['API JSON', await app.inject({ url: '/api/v1/rule-sets' }), 200],
      ['an API error', await app.inject({ method: 'POST', url: '/api/v1/assessments', payload: {} }), 400],
      ['a CSV', await client.get(`${base}/team/1/personal.csv`), 200],
      ['a PDF', await pdf(), 200],
      ['too many PDFs', await pdf(), 429],
      ['a redirect', await client.submit(`${base}/bidragsar`, { grantYear: '2026' }), 303],
    ];
    for (const [what, response, status] of responses) {
      assert.equal(response.statusCode, status, what);
      assert.equal(response.headers['cache-control'], 'no-store', what);
    }
    const css = await app.inject({ url: '/assets/site.css' });
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['cache-control']), /^public, max-age=\d+$/);
  });

  test('språklänken på en felsida stannar på webbplatsen', async () => {
    for (const url of ['//evil.example/x', '/\\evil.example', '///evil.example/%2F', '/%5C%5Cevil.example']) {
      const response = await app.inject({ url });
      const href = /class="language" href="([^"]*)"/.exec(response.body)?.[1] ?? '';
      assert.match(href, /^\/(?![/\\])/, `${url} gives ${href}`);
      assert.equal(new URL(href.replaceAll('&amp;', '&'), 'https://sst.example/').origin, 'https://sst.example', url);
    }
  });

  test('en adress som routern inte kan läsa ger vår 400-sida med säkerhetsrubriker, och JSON under /api/', async () => {
    for (const url of ['/%E0%A4%A', `/ansokan/${'a'.repeat(200)}/kontrollera`]) {
      const page = await app.inject({ url });
      assert.equal(page.statusCode, 400, url);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      assert.match(page.body, /Något i förfrågan var fel/);
      assert.ok(page.headers['content-security-policy'], url);
      assert.equal(page.headers['cache-control'], 'no-store');
    }
    const api = await app.inject({ url: '/api/v1/drafts/%E0%A4%A' });
    assert.equal(api.statusCode, 400);
    assert.deepEqual(api.json(), { error: 'bad_request' });
    assert.ok(api.headers['content-security-policy']);
  });
});
