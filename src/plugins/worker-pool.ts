/**
 * The worker pool for heavy synchronous work (src/worker/tasks.ts: the summary PDF, reading
 * an uploaded PDF's attachments, reading a staff list), so the request thread keeps answering
 * while it runs. `app.work(task)` waits its turn behind at most WORK_QUEUE_LIMIT others and
 * is refused with QueueFullError (503 with Retry-After, see errors.ts) beyond that.
 *
 * Each worker has its own heap limit and each task a time limit. A task that exceeds either
 * loses only its worker (the pool starts a new one) and is refused with TaskRefusedError; the
 * routes that read a client's file answer it as that file's fault (422), anything else is
 * answered as busy (503, see errors.ts).
 *
 * Before the pool, a PDF was built on the request thread and the limiter in front of it never
 * filled: the build blocked the event loop, so the next request was not even read until the
 * previous one had finished, and nothing ever waited.
 */
import { availableParallelism } from 'node:os';
import fp from 'fastify-plugin';
import { Piscina } from 'piscina';
import { Limiter } from '../limiter.ts';
import type { Task, TaskResult } from '../worker/tasks.ts';

/** One worker per core beyond the request thread's, at least one, at most two. */
export const WORKER_THREADS = Math.min(2, Math.max(1, availableParallelism() - 1));
/** Tasks that may wait for a worker; a large PDF takes about 0,6 s, so the last waits a few seconds. */
export const WORK_QUEUE_LIMIT = 4;
/** A worker's heap: the largest summary (20 teams of 50 people) is built in it; 64 MB is too little. */
const WORKER_HEAP_MB = 256;
/** Longer than the largest summary takes on a busy machine. */
const TASK_TIMEOUT_MS = 20_000;

/**
 * Built (dist/), a worker runs tasks.js itself; from the TypeScript sources (the tests), it
 * starts at entry.mjs, which gives it the TypeScript loader first.
 */
const WORKER_ENTRY = import.meta.url.endsWith('.ts') ? '../worker/entry.mjs' : '../worker/tasks.js';

/** The task ran out of memory or time: its worker was stopped. */
export class TaskRefusedError extends Error {
  constructor(cause: unknown) {
    super('The task exceeded its worker limits', { cause });
    this.name = 'TaskRefusedError';
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    work<T extends Task>(task: T): Promise<TaskResult[T['kind']]>;
  }
}

export default fp(
  async (app) => {
    const pool = new Piscina({
      filename: new URL(WORKER_ENTRY, import.meta.url).href,
      minThreads: 0,
      maxThreads: WORKER_THREADS,
      // A new worker loads the whole rule set and pdf-lib (about 2 s of CPU): keep an idle one a while.
      idleTimeout: 10 * 60_000,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const limiter = new Limiter(WORKER_THREADS, WORK_QUEUE_LIMIT);
    app.decorate('work', <T extends Task>(task: T) =>
      limiter.run(async () => {
        try {
          return (await pool.run(task, { signal: AbortSignal.timeout(TASK_TIMEOUT_MS) })) as TaskResult[T['kind']];
        } catch (error) {
          const { code, name } = error as { code?: string; name?: string };
          throw code === 'ERR_WORKER_OUT_OF_MEMORY' || name === 'AbortError' ? new TaskRefusedError(error) : error;
        }
      }),
    );
    app.addHook('onClose', () => pool.destroy());
  },
  { name: 'worker-pool' },
);

/** For a task on a client's file: stopped at its worker's limits, it is that file's problem. */
export function refusedAs<P extends string>(problem: P) {
  return (error: unknown): { ok: false; problem: P } => {
    if (error instanceof TaskRefusedError) return { ok: false, problem };
    throw error;
  };
}
