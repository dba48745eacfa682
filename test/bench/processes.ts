/**
 * The benchmark's servers, each in its own process so the load generator does not share its
 * event loop: started with `node` (plus any flags, e.g. --cpu-prof), found by the port they print
 * as their first line on stdout, and measured from outside (CPU time and resident memory).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface Server {
  child: ChildProcess;
  port: number;
  /** CPU microseconds (user + system, every thread) the process has used so far. */
  cpuUs(): number;
  /** Resident memory now, in MiB. */
  rssMiB(): number;
}

/**
 * Requests each server answers before it is measured, so that what is measured is the server
 * in steady state, as the in-process rows are: from a cold start the API's CPU per request
 * settles only after a few thousand requests (V8's optimising compiler, on background threads
 * that count as the server's CPU), and a 1 s warm-up left a quarter more CPU per request in the
 * measured seconds than in the steady state after them. The same count for every server.
 */
export const WARMUP_REQUESTS = 10_000;

/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every common kernel). */
const TICKS_PER_SECOND = 100;

/** CPU time of a process from /proc, in microseconds (10 ms ticks: measure over seconds). */
export function cpuUsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_SECOND;
}

/** Resident memory of a process from /proc, in MiB. */
export function rssMiBOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

/**
 * Starts `script` (default the benchmark's app server, on the built app) with plain `node`, as
 * `npm start` runs the service, and waits for the port it prints.
 */
export function startServer({
  script = 'test/bench/server.mjs',
  args = [] as string[],
  nodeArgs = [] as string[],
  env = {} as Record<string, string>,
} = {}): Promise<Server> {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`${script} did not report a port within 180 s`)), 180_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      void stopServer({ child });
      reject(error);
    };
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`${script} exited early (code ${code}, signal ${signal})`)));
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
      const pid = child.pid!;
      if (Number.isInteger(port) && port > 0) resolve({ child, port, cpuUs: () => cpuUsOf(pid), rssMiB: () => rssMiBOf(pid) });
      else fail(new Error(`${script} printed ${JSON.stringify(output.slice(0, newline))}, not a port`));
    });
  });
}

/** Asks the server to stop (it closes and exits, writing a --cpu-prof profile), SIGKILL after 10 s. */
export function stopServer({ child }: { child: ChildProcess }): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.stdin?.end();
    child.kill('SIGTERM');
  });
}
