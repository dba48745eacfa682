/**
 * Heavy work as an attacker sends it, against a real listening server: a 32 KB PDF whose
 * attachment inflates to 32 MB of `[[[[…`, a small but deeply nested attachment, 20 large
 * summary PDFs at once, an 8 MB staff list with a wide header, one with 10 000 columns, and an
 * upload over the limit followed by another request on the same connection. Each gets its
 * 4xx or 503, nothing is stored, and /healthz keeps answering within a second meanwhile.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { deflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { FIELDS, SWEDISH_HEADERS } from '../forms/member-import.ts';
import { buildApplication } from './application-builder.ts';
import { largeApplication } from './bench/fixtures.ts';
import { buildApp } from './helper.ts';

let app: FastifyInstance;
let base: string;

before(async () => {
  app = await buildApp();
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as net.AddressInfo).port}`;
  // A worker starts on first use (it loads the rules and pdf-lib): start it before timing anything
  // (an invalid application is checked in the worker too).
  assert.equal((await postPdf('{}')).status, 400);
});
after(() => app.close());

/** Runs `work` while asking /healthz every 50 ms; every answer must be 200. The slowest in ms. */
async function whileHealthz<T>(work: Promise<T>): Promise<{ result: T; slowest: number }> {
  let done = false;
  let slowest = 0;
  const polling = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await fetch(`${base}/healthz`);
      assert.equal(response.status, 200);
      await response.text();
      slowest = Math.max(slowest, performance.now() - started);
      await sleep(50);
    }
  })();
  const result = await work.finally(() => {
    done = true;
  });
  await polling;
  return { result, slowest };
}

async function postPdf(body: string) {
  const response = await fetch(`${base}/api/v1/assessments/pdf`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), bytes: (await response.arrayBuffer()).byteLength };
}

/** Opens the page (its CSRF cookie and token), then uploads the file to it as a browser does. */
async function upload(path: string, file: Uint8Array, fileName: string) {
  const page = await fetch(`${base}${path}`);
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  assert.ok(token, `${path} has a form`);
  // The body built beforehand, so that the client (in this process) does little while the server works.
  const body = Buffer.concat([
    Buffer.from(`--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`),
    Buffer.from(`--b\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n\r\n`),
    file,
    Buffer.from('\r\n--b--\r\n'),
  ]);
  const started = performance.now();
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    body,
    headers: { cookie, 'content-type': 'multipart/form-data; boundary=b' },
    redirect: 'manual',
  });
  // A draft is made only on success, answered with a redirect to it: none means nothing was stored.
  return { status: response.status, stored: response.headers.has('location'), body: await response.text(), seconds: (performance.now() - started) / 1000 };
}

/** A PDF carrying the given JSON texts as attachments, deflated as the tool embeds them. */
async function pdfWithAttachments(files: Record<string, Buffer>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const names = Object.entries(files).flatMap(([name, json]) => {
    const stream = doc.context.stream(deflateSync(json, { level: 9 }), { Type: 'EmbeddedFile', Filter: 'FlateDecode' });
    const spec = doc.context.obj({ Type: 'Filespec', F: PDFString.of(name), UF: PDFHexString.fromText(name), EF: { F: doc.context.register(stream) } });
    return [PDFHexString.fromText(name), doc.context.register(spec)];
  });
  doc.catalog.set(PDFName.of('Names'), doc.context.obj({ EmbeddedFiles: { Names: names } }));
  return doc.save();
}

const pdfBomb = () => pdfWithAttachments({ 'ansokan.json': Buffer.alloc(32 * 1024 * 1024, '['), 'bedomning.json': Buffer.from('{}') });

describe('/importera med en sammanställning som är en attack', () => {
  test('en PDF på 32 KB som packas upp till 32 MB hakparenteser ger 422 inom 3 s, /healthz svarar under tiden och inget sparas', async () => {
    const bomb = await pdfBomb();
    assert.ok(bomb.length < 40 * 1024, `${bomb.length} bytes`);
    const { result, slowest } = await whileHealthz(upload('/importera', bomb, 'sammanstallning.pdf'));
    assert.equal(result.status, 422);
    assert.match(result.body, /Ansökan i filen är större än 2 MB och kan inte öppnas/);
    assert.ok(result.seconds < 3, `${result.seconds} s`);
    assert.ok(slowest < 1000, `/healthz took ${slowest} ms`);
    assert.equal(result.stored, false);
  });

  test('fem sådana samtidigt: alla 422 inom 3 s, /healthz svarar under tiden och inget sparas', async () => {
    const bomb = await pdfBomb();
    const { result, slowest } = await whileHealthz(Promise.all(Array.from({ length: 5 }, () => upload('/importera', bomb, 'sammanstallning.pdf'))));
    for (const r of result) {
      assert.equal(r.status, 422);
      assert.ok(r.seconds < 3, `${r.seconds} s`);
      assert.equal(r.stored, false);
    }
    assert.ok(slowest < 1000, `/healthz took ${slowest} ms`);
  });

  test('en liten bilaga nästlad 10 000 nivåer djupt ger 422 och sparar inget', async () => {
    const deep = await pdfWithAttachments({ 'ansokan.json': Buffer.from(`${'['.repeat(10_000)}${']'.repeat(10_000)}`), 'bedomning.json': Buffer.from('{}') });
    const result = await upload('/importera?lang=en', deep, 'sammanstallning.pdf');
    assert.equal(result.status, 422);
    assert.match(result.body, /nested more than 32 levels deep/);
    assert.equal(result.stored, false);
  });
});

test('20 samtidiga stora sammanställningar (20 team × 20 personer): bara 200 eller 503 med Retry-After, /healthz svarar under tiden', async () => {
  const body = JSON.stringify(largeApplication());
  const { result, slowest } = await whileHealthz(Promise.all(Array.from({ length: 20 }, () => postPdf(body))));
  const statuses = result.map((r) => r.status);
  assert.ok(
    statuses.every((s) => s === 200 || s === 503),
    statuses.join(','),
  );
  assert.ok(statuses.includes(200), 'some are built');
  assert.ok(statuses.includes(503), 'more than the pool takes are refused');
  for (const r of result) {
    if (r.status === 503) assert.equal(r.retryAfter, '5');
    else assert.ok(r.bytes > 100_000, 'a whole PDF');
  }
  assert.ok(slowest < 1000, `/healthz took ${slowest} ms`);
});

describe('personallistor som inte är personallistor', () => {
  let importPath = '';
  before(async () => {
    const response = await fetch(`${base}/api/v1/drafts`, {
      method: 'POST',
      body: JSON.stringify(buildApplication()),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(response.status, 201);
    importPath = `/ansokan/${(await response.json()).id}/team/1/importera`;
  });

  const header = FIELDS.map((f) => SWEDISH_HEADERS[f]).join(';');
  const row = 'Skolkurator;skola;Anställning;0,5;2025-08-15;;Examen i psykosocialt arbete;;Nytillsatt;42 000;31,42 %;';
  const wide = (columns: number) => `${header}${Array.from({ length: columns - FIELDS.length }, (_, i) => `;Extra ${i + 1}`).join('')}\n`;

  test('en CSV på 8 MB med en bred rubrikrad ger 422 med ett tydligt fel, snabbt, och /healthz svarar under tiden', async () => {
    const head = wide(100_000);
    const csv = Buffer.from(head + `${row}\n`.repeat(Math.floor((8_000_000 - head.length) / (row.length + 1))));
    const { result, slowest } = await whileHealthz(upload(importPath, csv, 'personal.csv'));
    assert.equal(result.status, 422);
    assert.match(result.body, /Listan har fler än 40 kolumner/);
    assert.ok(result.seconds < 3, `${result.seconds} s`);
    assert.ok(slowest < 1000, `/healthz took ${slowest} ms`);
  });

  test('10 000 kolumner, en rad på över 4 000 tecken och 5 001 rader ger var sitt tydliga fel', async () => {
    const { result, slowest } = await whileHealthz(upload(importPath, Buffer.from(`${wide(10_000)}${row}\n`), 'personal.csv'));
    assert.equal(result.status, 422);
    assert.match(result.body, /Listan har fler än 40 kolumner/);
    assert.ok(slowest < 1000, `/healthz took ${slowest} ms`);
    const long = await upload(importPath, Buffer.from(`${header}\n${row}${'x'.repeat(4000)}\n`), 'personal.csv');
    assert.equal(long.status, 422);
    assert.match(long.body, /En rad i listan är längre än 4000 tecken/);
    const many = await upload(importPath, Buffer.from(`${header}\n${`${row}\n`.repeat(5001)}`), 'personal.csv');
    assert.equal(many.status, 422);
    assert.match(many.body, /Listan har fler än 5000 rader/);
  });
});

test('en uppladdning över gränsen ger 413, och nästa förfrågan på samma anslutning besvaras', async () => {
  const { port } = app.server.address() as net.AddressInfo;
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  let onData = () => {};
  socket.on('data', (chunk) => {
    received += chunk.toString('latin1');
    onData();
  });
  const answered = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      onData = () => (pattern.test(received) ? resolve() : undefined);
      socket.once('error', reject);
      setTimeout(() => reject(new Error(`no answer matching ${pattern} in: ${received.slice(0, 200)}`)), 5000).unref();
    });
  // Two files where the form takes one: @fastify/multipart stops reading after the first.
  const part = (name: string, bytes: number) =>
    Buffer.concat([
      Buffer.from(`--b\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.pdf"\r\n\r\n`),
      Buffer.alloc(bytes, 0x20),
      Buffer.from('\r\n'),
    ]);
  const body = Buffer.concat([part('file', 10), part('other', 3 * 1024 * 1024), Buffer.from('--b--\r\n')]);
  const refused = answered(/^HTTP\/1\.1 413[\s\S]*<\/html>/);
  socket.write(`POST /importera HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: ${body.length}\r\n\r\n`);
  socket.write(body);
  await refused;
  received = '';
  const next = answered(/^HTTP\/1\.1 200 OK[\s\S]*"status":"ok"/);
  socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
  try {
    await next;
  } finally {
    socket.destroy();
  }
});
