/**
 * GET /healthz: the process is alive (200), whatever the database does.
 * GET /readyz: ready to serve (200) only when the database answers within a second and the
 * event loop is not overloaded; else 503 with the check that failed, so a load balancer sends
 * requests elsewhere meanwhile. The event loop is measured by @fastify/under-pressure (app.ts),
 * registered without limits: it adds no hook to any request and turns none away.
 */
import type { FastifyPluginAsync } from 'fastify';
import { healthSchemas } from '../api/schemas.ts';
import type { RouteSchema } from '../api/route-schema.ts';

const DATABASE_DEADLINE_MS = 1000;
/** Overloaded, as fastify/demo counts it: a mean event-loop delay over a second, or the loop busy 98 % of the time. */
const MAX_EVENT_LOOP_DELAY_MS = 1000;
const MAX_EVENT_LOOP_UTILIZATION = 0.98;

/** Whether `work` resolves within `ms`. */
async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)));
  try {
    return await Promise.race([work.then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

const health: FastifyPluginAsync = async (app) => {
  const alive: RouteSchema = { summary: 'The process is alive', response: { 200: { description: 'Alive', json: healthSchemas.alive } } };
  app.get('/healthz', { schema: alive }, async () => ({ status: 'ok' }));

  const ready: RouteSchema = {
    summary: 'Ready to serve: the database answers within a second and the event loop is not overloaded',
    response: {
      200: { description: 'Ready', json: healthSchemas.ready },
      503: { description: 'Not ready: the checks say which failed', json: healthSchemas.ready },
    },
  };
  app.get('/readyz', { schema: ready }, async (_request, reply) => {
    const { eventLoopDelay, eventLoopUtilized } = app.memoryUsage();
    const checks = {
      database: (await within(DATABASE_DEADLINE_MS, app.drafts.ping())) ? 'ok' : 'unavailable',
      eventLoop: eventLoopDelay > MAX_EVENT_LOOP_DELAY_MS || eventLoopUtilized > MAX_EVENT_LOOP_UTILIZATION ? 'overloaded' : 'ok',
    };
    const ready = Object.values(checks).every((check) => check === 'ok');
    if (!ready) reply.status(503).header('retry-after', '5');
    return { status: ready ? 'ok' : 'unavailable', checks };
  });
};

export default health;
