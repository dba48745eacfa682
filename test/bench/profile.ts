/**
 * `npm run profile`: where the server's time goes under API load.
 *
 * Starts the benchmark server (test/bench/server.mjs, the built app) in its own process under
 * `node --cpu-prof`, loads POST /api/v1/assessments with autocannon (the typical body), stops
 * the server so that Node writes its .cpuprofile, and prints the functions and the modules
 * (our files by path, dependencies by package) with the most self time, with the share of all
 * samples and microseconds per request.
 *
 *   npm run profile                 # 10 s of load on POST /api/v1/assessments
 *   npm run profile -- --seconds 20 --route /bench/bare --top 40
 *
 * The profile is kept in a temporary directory whose path is printed, for Chrome DevTools.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { typicalApplication } from './fixtures.ts';
import { startServer, stopServer, WARMUP_REQUESTS } from './processes.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds on the machine's monotonic clock, as process.hrtime in any process. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Now on the monotonic clock the profile's timestamps use, in microseconds. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** Where a function lives: our file relative to the project, a dependency by its package, or Node's own. */
export function moduleOf(url: string): string {
  if (!url) return '(native or V8)';
  if (url.startsWith('node:')) return url;
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inPackage) return inPackage[1];
  return path.startsWith(root) ? path.slice(root.length) : path;
}

/** Self time in microseconds per function and per module, from the samples taken between `from` and `to`. */
export function selfTimes(profile: CpuProfile, from: number, to: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const perNode = new Map<number, number>();
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    if (time >= from && time <= to) perNode.set(id, (perNode.get(id) ?? 0) + delta);
  });
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  let total = 0;
  for (const [id, us] of perNode) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const module = moduleOf(url);
    const name = `${functionName || '(anonymous)'}  ${module}${url ? `:${lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    modules.set(module, (modules.get(module) ?? 0) + us);
    total += us;
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return { total, functions: sorted(functions), modules: sorted(modules) };
}

async function main() {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      route: { type: 'string', default: '/api/v1/assessments' },
      top: { type: 'string', default: '30' },
      connections: { type: 'string', default: '10' },
    },
  });
  const seconds = Number(values.seconds);
  const top = Number(values.top);
  const profileDir = mkdtempSync(join(tmpdir(), 'sst-bidrag-profile-'));
  const body = JSON.stringify(typicalApplication());

  const server = await startServer({ nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] });
  let requests = 0;
  let serverCpuUs = 0;
  let from = 0;
  let to = 0;
  try {
    const url = `http://127.0.0.1:${server.port}${values.route}`;
    const load = (length: { duration: number } | { amount: number }) =>
      autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: Number(values.connections), ...length });
    await load({ amount: WARMUP_REQUESTS });
    const cpuBefore = server.cpuUs();
    from = monotonicUs();
    const result = await load({ duration: seconds });
    to = monotonicUs();
    serverCpuUs = server.cpuUs() - cpuBefore;
    requests = result.requests.total;
    console.log(
      `${values.route}: ${Math.round(result.requests.average)} req/s, ${result.non2xx} non-2xx, ${result.errors} errors; server CPU ${(serverCpuUs / requests).toFixed(0)} µs/request`,
    );
  } finally {
    await stopServer(server);
  }

  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`the server wrote no .cpuprofile in ${profileDir}`);
  const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile;
  // Only the samples taken while the measured load ran: not start-up, warm-up or shutdown.
  const { total, functions, modules } = selfTimes(profile, from, to);
  const row = ([name, us]: [string, number]) =>
    `${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / Math.max(1, requests)).toFixed(1).padStart(7)} µs/req  ${name}`;
  console.log(`\nProfile: ${join(profileDir, file)} (${(total / 1e6).toFixed(1)} s sampled on the main thread during the load; (idle) is time it waited)\n`);
  console.log(`## Self time by module (top ${top})\n`);
  for (const entry of modules.slice(0, top)) console.log(row(entry));
  console.log(`\n## Self time by function (top ${top})\n`);
  for (const entry of functions.slice(0, top)) console.log(row(entry));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
