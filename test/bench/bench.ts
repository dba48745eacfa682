/**
 * `npm run bench`: every performance target of the service, measured in one run, side by side.
 *
 * 1. In process: validation (parseApplication), assessment (assess) and serialisation
 *    (JSON.stringify of the assessment) of a typical application (1 team, 4 members) and a
 *    large one (20 teams × 20 members), µs per phase (wall clock and CPU) and ops/s.
 * 2. Over HTTP, typical body, autocannon against three servers, each in its own process:
 *    the floor (test/bench/floor-server.mjs: a bare Fastify route replying the same response
 *    bytes, built once), the bare route of the app (POST /bench/bare: the app's hooks and
 *    Fastify's parsing, replying { ok: true }) and POST /api/v1/assessments; req/s as ratios,
 *    and the server's CPU time per request beside the in-process CPU time (both every thread,
 *    so the ratio compares like with like, and holds on a machine other work shares).
 * 3. Start-up: `npm start` on a fresh DATA_DIR until /healthz answers; resident memory idle.
 *    Resident memory of the benchmark's app server idle and at the end of the API load.
 * 4. The summary PDF: median ms; 50 concurrent PDF requests.
 * 5. The CLI: `sst-bidrag batch` over 10 000 applications.
 *
 * Prints figures and PASS/BELOW beside each target; always exits 0 when it could measure
 * (a benchmark reports, the tests assert). Exits 1 only when it could not run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { PDFDocument } from 'pdf-lib';
import { parseApplication } from '../../forms/application.ts';
import { assess } from '../../rules/assess.ts';
import { renderSummaryPdf } from '../../src/pdf/summary.ts';
import type { Application } from '../../rules/types.ts';
import { largeApplication, typicalApplication } from './fixtures.ts';
import { rssMiBOf, startServer, stopServer, WARMUP_REQUESTS, type Server } from './processes.ts';

const WARMUP_MS = 750;
const MEASURE_MS = 2000;
const CONNECTIONS = 10;
const HTTP_DURATION_S = 5;
/** A fixed evaluation date, so every run assesses the same thing. */
const AS_OF = '2026-03-15';
const BATCH_SIZE = 10_000;

const TARGET = {
  apiVsFloor: 0.5,
  cpuVsInProcess: 2,
  readyMs: 3000,
  idleMiB: 300,
  loadMiB: 400,
  largeMs: 5,
  pdfMedianMs: 35,
  batchS: 5,
};

const root = fileURLToPath(new URL('../../', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Formatting.

const int = (n: number) => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');
const fixed = (n: number, digits: number) => n.toFixed(digits);
const mark = (pass: boolean) => (pass ? '**PASS**' : '**BELOW**');
const percent = (ratio: number) => `${fixed(ratio * 100, 1)} %`;

function table(header: string[], rows: string[][], align: Array<'l' | 'r'>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const pad = (cell: string, i: number) => (align[i] === 'r' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]));
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// In process.

interface Measurement {
  opsPerSec: number;
  usPerOp: number;
  /** CPU time (user + system, every thread of this process: GC and compiler included). */
  cpuUsPerOp: number;
}

/** Anything the measured functions return goes in here, so no call can be optimised away. */
let sink = 0;

/**
 * Runs `fn` for WARMUP_MS, then counts iterations for MEASURE_MS. Calls come in batches
 * sized from the warm-up (about 1 ms each), so reading the clock costs next to nothing.
 */
function measure(fn: () => number): Measurement {
  let warmupIterations = 0;
  const warmupStart = performance.now();
  let now = warmupStart;
  while (now - warmupStart < WARMUP_MS) {
    sink += fn();
    warmupIterations += 1;
    now = performance.now();
  }
  const batch = Math.max(1, Math.floor(warmupIterations / WARMUP_MS));

  let iterations = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MEASURE_MS) {
    for (let i = 0; i < batch; i++) sink += fn();
    iterations += batch;
    elapsed = performance.now() - start;
  }
  const cpu = process.cpuUsage(cpuStart);
  return { opsPerSec: (iterations * 1000) / elapsed, usPerOp: (elapsed * 1000) / iterations, cpuUsPerOp: (cpu.user + cpu.system) / iterations };
}

function parsed(body: unknown): Application {
  const result = parseApplication(body, 'sv');
  if (!result.ok) throw new Error(`benchmark fixture is invalid: ${JSON.stringify(result.body)}`);
  return result.application;
}

/** The API's work for one request, phase by phase and all together. */
function inProcess(body: Record<string, unknown>) {
  const application = parsed(body);
  const assessment = assess(application, { asOf: AS_OF, lang: 'sv' });
  if (assessment.status !== 'eligible') throw new Error(`benchmark fixture is ${assessment.status}, expected eligible`);
  return {
    validate: measure(() => (parseApplication(body, 'sv').ok ? 1 : 0)),
    assess: measure(() => assess(application, { asOf: AS_OF, lang: 'sv' }).findings.length),
    serialise: measure(() => JSON.stringify(assessment).length),
    validateAndAssess: measure(() => {
      const result = parseApplication(body, 'sv');
      return result.ok ? assess(result.application, { asOf: AS_OF, lang: 'sv' }).findings.length : -1;
    }),
    all: measure(() => {
      const result = parseApplication(body, 'sv');
      return result.ok ? JSON.stringify(assess(result.application, { asOf: AS_OF, lang: 'sv' })).length : -1;
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Over HTTP.

interface HttpCase {
  label: string;
  result: Result;
  /** CPU time (user + system, every thread) the server process spent per request. */
  cpuUsPerRequest: number;
  /** The server's resident memory at the end of the load, MiB. */
  rssMiB: number;
}

function load(url: string, body: string, length: { duration: number } | { amount: number }): Promise<Result> {
  return autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS, ...length });
}

async function loadServer(label: string, server: Server, path: string, body: string): Promise<HttpCase> {
  const url = `http://127.0.0.1:${server.port}${path}`;
  await load(url, body, { amount: WARMUP_REQUESTS });
  const cpuBefore = server.cpuUs();
  const result = await load(url, body, { duration: HTTP_DURATION_S });
  const cpuUsPerRequest = (server.cpuUs() - cpuBefore) / Math.max(1, result.requests.total);
  if (result.non2xx || result.errors || result.timeouts)
    throw new Error(`${label}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  return { label, result, cpuUsPerRequest, rssMiB: server.rssMiB() };
}

/** The typical assessment's response bytes, as the API sends them, in a file for the floor server to reply with. */
function floorResponse(application: Application): { file: string; remove: () => void } {
  const dir = mkdtempSync(join(os.tmpdir(), 'sst-bidrag-floor-'));
  const file = join(dir, 'assessment.json');
  writeFileSync(file, JSON.stringify(assess(application, { asOf: AS_OF, lang: 'sv' })));
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The floor, the app's bare route and the API, one after the other so they never share the machine. */
async function overHttp(body: string, application: Application) {
  const response = floorResponse(application);
  let floor: HttpCase;
  try {
    const floorServer = await startServer({ script: 'test/bench/floor-server.mjs', args: [response.file] });
    try {
      floor = await loadServer('floor: bare Fastify, same response bytes', floorServer, '/api/v1/assessments', body);
    } finally {
      await stopServer(floorServer);
    }
  } finally {
    response.remove();
  }
  const app = await startServer();
  try {
    const response = await fetch(`http://127.0.0.1:${app.port}/api/v1/assessments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = (await response.json()) as { status?: string };
    if (response.status !== 200 || answer.status !== 'eligible')
      throw new Error(`POST /api/v1/assessments answered ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
    const idleMiB = app.rssMiB();
    const bare = await loadServer("the app's bare route (POST /bench/bare)", app, '/bench/bare', body);
    const api = await loadServer('POST /api/v1/assessments', app, '/api/v1/assessments', body);
    const burst = await pdfBurst(app, body);
    return { floor, bare, api, idleMiB, burst };
  } finally {
    await stopServer(app);
  }
}

// ---------------------------------------------------------------------------------------------
// Start-up of `npm start`, as a user starts it, on a fresh DATA_DIR.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The processes in a process group (npm, the shell it runs, node), from /proc. */
function processGroup(pgid: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(fields[2]) === pgid) pids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

async function startUp() {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'sst-bidrag-bench-start-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    detached: true, // its own process group, stopped as one
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  try {
    let readyMs: number | undefined;
    while (readyMs === undefined && performance.now() - started < 180_000 && child.exitCode === null) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (response.ok) readyMs = performance.now() - started;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    if (readyMs === undefined) throw new Error('npm start did not answer /healthz within 180 s');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    // The server is the largest process of the group (npm and its shell are small).
    const idleMiB = Math.max(...processGroup(child.pid!).map((pid) => rssMiBOf(pid)));
    return { readyMs, idleMiB };
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The CLI.

/** `sst-bidrag batch` (the package's bin, as npx runs it) over BATCH_SIZE applications in a JSON file. */
async function cliBatch(typical: Record<string, unknown>) {
  const dir = mkdtempSync(join(os.tmpdir(), 'sst-bidrag-bench-batch-'));
  const file = join(dir, 'applications.json');
  writeFileSync(file, JSON.stringify(Array.from({ length: BATCH_SIZE }, () => typical)));
  const bin = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['sst-bidrag'];
  const started = performance.now();
  try {
    const lines = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [join(root, bin), 'batch', file, '--as-of', AS_OF], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      let count = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        for (const byte of chunk) if (byte === 10) count += 1;
      });
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve(count) : reject(new Error(`sst-bidrag batch exited with ${code}`))));
    });
    if (lines !== BATCH_SIZE) throw new Error(`sst-bidrag batch printed ${lines} lines for ${BATCH_SIZE} applications`);
    return { seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The summary PDF.

const BURST = 50;

/** Median and fastest milliseconds per PDF, after a warm-up that also loads the fonts. */
async function pdfTimes(body: Record<string, unknown>, runs: number): Promise<{ median: number; fastest: number; kib: number; pages: number }> {
  const application = parsed(body);
  const assessment = assess(application, { asOf: AS_OF });
  let last = await renderSummaryPdf(application, assessment);
  for (let i = 0; i < 3; i++) last = await renderSummaryPdf(application, assessment);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await renderSummaryPdf(application, assessment);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const pages = (await PDFDocument.load(last.bytes)).getPageCount();
  return { median: times[Math.floor(runs / 2)], fastest: times[0], kib: last.bytes.length / 1024, pages };
}

/** BURST PDF requests at once: how many were built, refused with 503, or failed at the socket. */
async function pdfBurst(server: Server, body: string) {
  const url = `http://127.0.0.1:${server.port}/api/v1/assessments/pdf`;
  const rssBefore = server.rssMiB();
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: BURST }, async () => {
      const begin = performance.now();
      try {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        return { status: response.status, ms: performance.now() - begin, retryAfter: response.headers.get('retry-after') };
      } catch {
        return { status: 0, ms: performance.now() - begin, retryAfter: null };
      }
    }),
  );
  const count = (status: number) => outcomes.filter((o) => o.status === status).length;
  const slowest = Math.max(...outcomes.filter((o) => o.status === 200).map((o) => o.ms));
  return {
    built: count(200),
    refused: count(503),
    withRetryAfter: outcomes.filter((o) => o.status === 503 && o.retryAfter).length,
    socketErrors: count(0),
    other: outcomes.filter((o) => ![0, 200, 503].includes(o.status)).length,
    totalMs: performance.now() - started,
    slowestMs: slowest,
    rssBefore,
    rssAfter: server.rssMiB(),
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const cpus = os.cpus();
  const typical = typicalApplication();
  const large = largeApplication();
  const typicalJson = JSON.stringify(typical);

  console.log('# sst-bidrag benchmark\n');
  console.log(`- Node ${process.version} (${process.platform} ${process.arch}, V8 ${process.versions.v8})`);
  console.log(
    `- CPU: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores (available parallelism ${os.availableParallelism()}), ${int(os.totalmem() / 2 ** 20)} MiB`,
  );
  console.log(`- Date: ${new Date().toISOString()}`);
  const [load1] = os.loadavg();
  const busy = load1 > 0.5 * cpus.length;
  console.log(`- Load average (1 min) at start: ${load1.toFixed(2)}${busy ? ' — the machine is busy, figures will be low' : ''}`);
  console.log(`- Typical: 1 team × 4 members, ${typicalJson.length} bytes of JSON; large: 20 teams × 20 members, ${JSON.stringify(large).length} bytes`);
  console.log(`- In process: ${WARMUP_MS / 1000} s warm-up, ${MEASURE_MS / 1000} s measured per row; asOf ${AS_OF}, lang sv\n`);

  const typicalWork = inProcess(typical);
  const largeWork = inProcess(large);
  const phaseRows = (
    [
      ['typical', typicalWork],
      ['large (400 members)', largeWork],
    ] as const
  ).flatMap(([name, work]) =>
    (
      [
        ['validate (parseApplication)', work.validate],
        ['assess', work.assess],
        ['serialise (JSON.stringify)', work.serialise],
        ['validate + assess', work.validateAndAssess],
        ['validate + assess + serialise', work.all],
      ] as const
    ).map(([label, m]) => [name, label, int(m.opsPerSec), fixed(m.usPerOp, m.usPerOp < 100 ? 1 : 0), fixed(m.cpuUsPerOp, m.cpuUsPerOp < 100 ? 1 : 0)]),
  );
  console.log('## In process (one thread)\n');
  console.log(table(['Application', 'Phase', 'ops/s', 'µs/op', 'CPU µs/op'], phaseRows, ['l', 'l', 'r', 'r', 'r']));
  console.log();

  const http = await overHttp(typicalJson, parsed(typical));
  const inProcessUs = typicalWork.all.cpuUsPerOp;
  const apiVsFloor = http.api.result.requests.average / http.floor.result.requests.average;
  const apiVsBare = http.api.result.requests.average / http.bare.result.requests.average;
  const cpuRatio = http.api.cpuUsPerRequest / inProcessUs;
  console.log(
    `## API over HTTP (each server in its own process; autocannon, ${CONNECTIONS} connections, ${int(WARMUP_REQUESTS)} requests of warm-up + ${HTTP_DURATION_S} s each; typical body)\n`,
  );
  console.log(
    table(
      ['Server and route', 'req/s', 'vs floor', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'RSS MiB at end'],
      [http.floor, http.bare, http.api].map((c) => [
        c.label,
        int(c.result.requests.average),
        percent(c.result.requests.average / http.floor.result.requests.average),
        String(c.result.latency.p50),
        String(c.result.latency.p99),
        int(c.cpuUsPerRequest),
        int(c.rssMiB),
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  console.log(
    `\nThe API runs at ${percent(apiVsFloor)} of the floor and ${percent(apiVsBare)} of the app's bare route. Its server spends ${int(http.api.cpuUsPerRequest)} µs of CPU per request, ${fixed(cpuRatio, 2)} × the ${fixed(inProcessUs, 1)} µs of CPU validate + assess + serialise take in process (${fixed(typicalWork.all.usPerOp, 1)} µs of wall time; the bare route: ${int(http.bare.cpuUsPerRequest)} µs, the floor ${int(http.floor.cpuUsPerRequest)} µs). CPU counts every thread (GC and compiler included), the server's in 10 ms ticks; autocannon records latency in whole milliseconds.\n`,
  );

  const burst = http.burst;
  console.log('## Summary PDF\n');
  const pdfTypical = await pdfTimes(typical, 50);
  const pdfLarge = await pdfTimes(large, 5);
  console.log(
    table(
      ['Application', 'median ms/PDF', 'fastest ms', 'size KiB', 'pages'],
      [
        ['typical (1 team, 4 members), 50 runs', fixed(pdfTypical.median, 1), fixed(pdfTypical.fastest, 1), int(pdfTypical.kib), String(pdfTypical.pages)],
        ['large (20 teams, 400 members), 5 runs', fixed(pdfLarge.median, 0), fixed(pdfLarge.fastest, 0), int(pdfLarge.kib), String(pdfLarge.pages)],
      ],
      ['l', 'r', 'r', 'r', 'r'],
    ),
  );
  console.log(
    `\n${BURST} concurrent POST /api/v1/assessments/pdf (typical body): ${burst.built} built, ${burst.refused} refused with 503 ` +
      `(${burst.withRetryAfter} with Retry-After), ${burst.socketErrors} socket errors or timeouts, ${burst.other} other answers; ` +
      `all answered in ${int(burst.totalMs)} ms, slowest PDF ${int(burst.slowestMs)} ms; server resident ${int(burst.rssBefore)} MiB before the burst, ${int(burst.rssAfter)} MiB after.\n`,
  );

  const start = await startUp();
  console.log(
    `## Start-up\n\n\`npm start\` on a fresh DATA_DIR answered /healthz after ${int(start.readyMs)} ms; resident ${int(start.idleMiB)} MiB two seconds later.\n`,
  );

  const batch = await cliBatch(typical);
  console.log(`## CLI\n\n\`sst-bidrag batch\` of ${int(BATCH_SIZE)} typical applications (JSON file, output counted): ${fixed(batch.seconds, 2)} s.\n`);

  const largeMs = largeWork.validateAndAssess.usPerOp / 1000;
  const idleMiB = Math.max(start.idleMiB, http.idleMiB);
  const loadMiB = Math.max(http.api.rssMiB, http.bare.rssMiB);
  console.log('## Targets\n');
  console.log(
    table(
      ['Target', 'Measured', 'Result'],
      [
        [`API ≥ ${TARGET.apiVsFloor * 100} % of the floor's req/s`, percent(apiVsFloor), mark(apiVsFloor >= TARGET.apiVsFloor)],
        [
          `Server CPU per API request ≤ ${TARGET.cpuVsInProcess} × in process`,
          `${fixed(cpuRatio, 2)} × (${int(http.api.cpuUsPerRequest)} µs)`,
          mark(cpuRatio <= TARGET.cpuVsInProcess),
        ],
        [`Ready (/healthz) ≤ ${fixed(TARGET.readyMs / 1000, 0)} s`, `${fixed(start.readyMs / 1000, 2)} s`, mark(start.readyMs <= TARGET.readyMs)],
        [`Resident idle ≤ ${TARGET.idleMiB} MiB`, `${int(idleMiB)} MiB`, mark(idleMiB <= TARGET.idleMiB)],
        [`Resident under API load ≤ ${TARGET.loadMiB} MiB`, `${int(loadMiB)} MiB`, mark(loadMiB <= TARGET.loadMiB)],
        [`400 members validated and assessed < ${TARGET.largeMs} ms`, `${fixed(largeMs, 2)} ms`, mark(largeMs < TARGET.largeMs)],
        [`Typical summary PDF ≤ ${TARGET.pdfMedianMs} ms (median)`, `${fixed(pdfTypical.median, 1)} ms`, mark(pdfTypical.median <= TARGET.pdfMedianMs)],
        [`${int(BATCH_SIZE)} applications by the CLI < ${TARGET.batchS} s`, `${fixed(batch.seconds, 2)} s`, mark(batch.seconds < TARGET.batchS)],
        [
          `${BURST} concurrent PDF requests: no socket errors, every refusal a 503`,
          `${burst.socketErrors} errors, ${burst.refused} × 503`,
          mark(burst.socketErrors === 0 && burst.other === 0),
        ],
      ],
      ['l', 'r', 'l'],
    ),
  );
  if (sink === Number.MIN_VALUE) console.log(sink); // keeps the results alive
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
