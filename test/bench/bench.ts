/**
 * `npm run bench`: how fast the assessment is, next to the floor of what any handler costs.
 *
 * 1. In process: parseApplication + assess (the work the API does per request), the engine
 *    alone, validation alone, and JSON.parse(JSON.stringify(body)) as the floor, for a
 *    typical application (1 team, 4 members) and a large one (20 teams × 20 members).
 * 2. Over HTTP: autocannon against POST /api/v1/assessments and against POST /bench/bare
 *    (Fastify parsing the same body and replying { ok: true }), the server in a child
 *    process (test/bench/server.ts) on 127.0.0.1.
 *
 * Prints figures and PASS/BELOW beside each target; always exits 0 when it could measure
 * (a benchmark reports, the tests assert). Exits 1 only when it could not run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { PDFDocument } from 'pdf-lib';
import { parseApplication } from '../../forms/application.ts';
import { assess } from '../../rules/assess.ts';
import { renderSummaryPdf } from '../../src/pdf/summary.ts';
import type { Application } from '../../rules/types.ts';
import { largeApplication, typicalApplication } from './fixtures.ts';

const WARMUP_MS = 750;
const MEASURE_MS = 2000;
const CONNECTIONS = 10;
const HTTP_WARMUP_S = 1;
const HTTP_DURATION_S = 5;
/** A fixed evaluation date, so every run assesses the same thing. */
const AS_OF = '2026-03-15';

const TARGET_IN_PROCESS = 20_000;
const TARGET_API_RATIO = 0.5;

const root = fileURLToPath(new URL('../../', import.meta.url));
const serverScript = fileURLToPath(new URL('./server.ts', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Formatting.

const int = (n: number) => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');
const fixed = (n: number, digits: number) => n.toFixed(digits);
const mark = (pass: boolean) => (pass ? '**PASS**' : '**BELOW**');

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
  iterations: number;
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
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MEASURE_MS) {
    for (let i = 0; i < batch; i++) sink += fn();
    iterations += batch;
    elapsed = performance.now() - start;
  }
  return { opsPerSec: (iterations * 1000) / elapsed, usPerOp: (elapsed * 1000) / iterations, iterations };
}

interface Case {
  label: string;
  measurement: Measurement;
}

function parsed(body: unknown): Application {
  const result = parseApplication(body, 'sv');
  if (!result.ok) throw new Error(`benchmark fixture is invalid: ${JSON.stringify(result.body)}`);
  return result.application;
}

function inProcess(body: Record<string, unknown>): Case[] {
  const application = parsed(body);
  const check = assess(application, { asOf: AS_OF, lang: 'sv' });
  if (check.status !== 'eligible') throw new Error(`benchmark fixture is ${check.status}, expected eligible`);

  return [
    {
      label: 'JSON.parse(JSON.stringify(body)) — floor',
      measurement: measure(() => (JSON.parse(JSON.stringify(body)) as { teams: unknown[] }).teams.length),
    },
    {
      label: 'assess — engine only',
      measurement: measure(() => assess(application, { asOf: AS_OF, lang: 'sv' }).findings.length),
    },
    {
      label: 'parseApplication — validation only',
      measurement: measure(() => (parseApplication(body, 'sv').ok ? 1 : 0)),
    },
    {
      label: 'parseApplication + assess — API work',
      measurement: measure(() => {
        const result = parseApplication(body, 'sv');
        return result.ok ? assess(result.application, { asOf: AS_OF, lang: 'sv' }).findings.length : -1;
      }),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Over HTTP.

function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error('the bench server did not report a port within 30 s')), 30_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      stopServer(child);
      reject(error);
    };
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`the bench server exited early (code ${code}, signal ${signal})`)));
    const stdout = child.stdout!;
    stdout.setEncoding('utf8');
    stdout.on('data', function firstLine(chunk: string) {
      output += chunk;
      const newline = output.indexOf('\n');
      if (newline < 0) return;
      const port = Number(output.slice(0, newline).trim());
      clearTimeout(timer);
      stdout.off('data', firstLine);
      stdout.resume(); // keep draining whatever else the server prints
      child.removeAllListeners('exit');
      child.removeAllListeners('error');
      if (Number.isInteger(port) && port > 0) resolve({ child, port });
      else fail(new Error(`the bench server printed ${JSON.stringify(output.slice(0, newline))}, not a port`));
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.stdin?.end();
    child.kill('SIGTERM');
  });
}

async function load(url: string, body: string, duration: number): Promise<Result> {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    duration,
  });
}

interface HttpCase {
  route: string;
  result: Result;
  /** CPU time (user + system, all threads) the server spent per request, if the OS tells. */
  serverCpuUsPerRequest: number | undefined;
}

/** CPU milliseconds a process has used (Linux /proc; clock ticks of 10 ms), or undefined elsewhere. */
function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function overHttp(port: number, pid: number | undefined, body: string): Promise<HttpCase[]> {
  const base = `http://127.0.0.1:${port}`;
  // Check that the API assesses the body before measuring it.
  const response = await fetch(`${base}/api/v1/assessments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const answer = (await response.json()) as { status?: string };
  if (response.status !== 200 || answer.status !== 'eligible') {
    throw new Error(`POST /api/v1/assessments answered ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
  }
  const cases: HttpCase[] = [];
  for (const route of ['/bench/bare', '/api/v1/assessments']) {
    await load(base + route, body, HTTP_WARMUP_S);
    const cpuBefore = cpuMsOf(pid);
    const result = await load(base + route, body, HTTP_DURATION_S);
    const cpuAfter = cpuMsOf(pid);
    const serverCpuUsPerRequest =
      cpuBefore === undefined || cpuAfter === undefined || !result.requests.total ? undefined : ((cpuAfter - cpuBefore) * 1000) / result.requests.total;
    cases.push({ route, result, serverCpuUsPerRequest });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// The summary PDF.

const TARGET_PDF_MEDIAN_MS = 35;
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

/** Peak resident memory of a process in MiB (Linux /proc), or undefined elsewhere. */
function peakRssMiB(pid: number | undefined): number | undefined {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSafe(`/proc/${pid}/status`));
  return match ? Number(match[1]) / 1024 : undefined;
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** BURST PDF requests at once: how many were built, refused with 503, or failed at the socket. */
async function pdfBurst(port: number, pid: number | undefined, body: string) {
  const url = `http://127.0.0.1:${port}/api/v1/assessments/pdf`;
  const rssBefore = peakRssMiB(pid);
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
    peakRss: peakRssMiB(pid),
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
  console.log(`- CPU: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores (available parallelism ${os.availableParallelism()})`);
  console.log(`- Date: ${new Date().toISOString()}`);
  const [load1] = os.loadavg();
  const busy = load1 > 0.5 * cpus.length;
  console.log(`- Load average (1 min) at start: ${load1.toFixed(2)}${busy ? ' — the machine is busy, figures will be low' : ''}`);
  console.log(`- Typical: 1 team × 4 members, ${typicalJson.length} bytes of JSON; large: 20 teams × 20 members, ${JSON.stringify(large).length} bytes`);
  console.log(`- In process: ${WARMUP_MS / 1000} s warm-up, ${MEASURE_MS / 1000} s measured per row; asOf ${AS_OF}, lang sv\n`);

  const sections: Array<{ name: string; cases: Case[]; target?: number }> = [];
  sections.push({ name: 'typical', cases: inProcess(typical), target: TARGET_IN_PROCESS });
  sections.push({ name: 'large (400 members)', cases: inProcess(large) });

  const rows: string[][] = [];
  for (const { name, cases, target } of sections) {
    const floor = cases[0].measurement.opsPerSec;
    for (const { label, measurement } of cases) {
      // The target is for assessments, the engine's work; validation is shown beside it.
      const engine = label.startsWith('assess');
      rows.push([
        name,
        label,
        int(measurement.opsPerSec),
        fixed(measurement.usPerOp, measurement.usPerOp < 100 ? 2 : 0),
        `${fixed((measurement.opsPerSec / floor) * 100, 1)} %`,
        engine && target ? `≥ ${int(target)}/s` : '',
        engine && target ? mark(measurement.opsPerSec >= target) : '',
      ]);
    }
  }
  console.log('## In process (one thread)\n');
  console.log(table(['Application', 'Work', 'ops/s', 'µs/op', 'vs floor', 'Target', 'Result'], rows, ['l', 'l', 'r', 'r', 'r', 'l', 'l']));
  console.log();

  console.log(`## API over HTTP (server in a child process, autocannon ${CONNECTIONS} connections, ${HTTP_WARMUP_S} s warm-up + ${HTTP_DURATION_S} s each, typical body)\n`);
  const { child, port } = await startServer();
  const stopOnSignal = () => {
    void stopServer(child).then(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  process.once('exit', () => child.kill('SIGKILL'));
  let http: HttpCase[];
  let burst: Awaited<ReturnType<typeof pdfBurst>>;
  try {
    http = await overHttp(port, child.pid, typicalJson);
    burst = await pdfBurst(port, child.pid, typicalJson);
  } finally {
    await stopServer(child);
  }

  const bare = http.find((c) => c.route === '/bench/bare')!.result;
  const ours = http.find((c) => c.route === '/api/v1/assessments')!.result;
  const ratio = ours.requests.average / bare.requests.average;
  const httpRows = http.map(({ route, result, serverCpuUsPerRequest }) => [
    `POST ${route}${route === '/bench/bare' ? ' — floor' : ''}`,
    int(result.requests.average),
    fixed(result.latency.average, 2),
    String(result.latency.p50),
    String(result.latency.p99),
    serverCpuUsPerRequest === undefined ? '—' : int(serverCpuUsPerRequest),
    String(result.non2xx),
    String(result.errors + result.timeouts),
    route === '/bench/bare' ? '100.0 %' : `${fixed(ratio * 100, 1)} %`,
    route === '/bench/bare' ? '' : `≥ ${TARGET_API_RATIO * 100} % of bare`,
    route === '/bench/bare' ? '' : mark(ratio >= TARGET_API_RATIO),
  ]);
  console.log(
    table(
      ['Route', 'req/s (avg)', 'mean ms', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'non-2xx', 'errors', 'vs bare', 'Target', 'Result'],
      httpRows,
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l'],
    ),
  );
  console.log('\nautocannon records latency in whole milliseconds; server CPU counts every thread of the server process (GC included) in 10 ms ticks.\n');

  console.log('## Summary PDF\n');
  const pdfTypical = await pdfTimes(typical, 50);
  const pdfLarge = await pdfTimes(large, 5);
  console.log(
    table(
      ['Application', 'median ms/PDF', 'fastest ms', 'size KiB', 'pages', 'Target', 'Result'],
      [
        ['typical (1 team, 4 members), 50 runs', fixed(pdfTypical.median, 1), fixed(pdfTypical.fastest, 1), int(pdfTypical.kib), String(pdfTypical.pages), `≤ ${TARGET_PDF_MEDIAN_MS} ms`, mark(pdfTypical.median <= TARGET_PDF_MEDIAN_MS)],
        ['large (20 teams, 400 members), 5 runs', fixed(pdfLarge.median, 0), fixed(pdfLarge.fastest, 0), int(pdfLarge.kib), String(pdfLarge.pages), '', ''],
      ],
      ['l', 'r', 'r', 'r', 'r', 'l', 'l'],
    ),
  );
  console.log(
    `\n${BURST} concurrent POST /api/v1/assessments/pdf (typical body): ${burst.built} built, ${burst.refused} refused with 503 ` +
      `(${burst.withRetryAfter} with Retry-After), ${burst.socketErrors} socket errors or timeouts, ${burst.other} other answers; ` +
      `all answered in ${int(burst.totalMs)} ms, slowest PDF ${int(burst.slowestMs)} ms; server peak memory ${burst.peakRss === undefined ? 'unknown' : `${int(burst.rssBefore ?? 0)} MiB before the burst, ${int(burst.peakRss)} MiB after`}.\n`,
  );

  const typicalEngine = sections[0].cases.find((c) => c.label.startsWith('assess'))!.measurement.opsPerSec;
  console.log('## Targets\n');
  console.log(
    table(
      ['Target', 'Measured', 'Result'],
      [
        [`In process, typical assessments ≥ ${int(TARGET_IN_PROCESS)}/s`, `${int(typicalEngine)}/s`, mark(typicalEngine >= TARGET_IN_PROCESS)],
        [`API ≥ ${TARGET_API_RATIO * 100} % of the bare route's req/s`, `${fixed(ratio * 100, 1)} %`, mark(ratio >= TARGET_API_RATIO)],
        [`Typical summary PDF ≤ ${TARGET_PDF_MEDIAN_MS} ms (median)`, `${fixed(pdfTypical.median, 1)} ms`, mark(pdfTypical.median <= TARGET_PDF_MEDIAN_MS)],
        [`${BURST} concurrent PDF requests: no socket errors, every refusal a 503`, `${burst.socketErrors} errors, ${burst.refused} × 503`, mark(burst.socketErrors === 0 && burst.other === 0)],
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
