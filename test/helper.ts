/** Builds the app as the server does, for tests that call it with app.inject. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import app from '../src/app.ts';
import type { RateLimits } from '../src/plugins/rate-limits.ts';
import { serverOptions } from '../src/server-options.ts';

/** The app on a fresh embedded database in a temporary directory, removed on close. */
export async function buildApp(
  overrides: FastifyServerOptions = {},
  { extraRoutes, rateLimits }: { extraRoutes?: (app: FastifyInstance) => void; rateLimits?: RateLimits } = {},
): Promise<FastifyInstance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sst-bidrag-test-'));
  const fastify = Fastify({ ...serverOptions(), ...overrides });
  await fastify.register(app, { drafts: { dataDir }, rateLimits });
  fastify.addHook('onClose', async () => rmSync(dataDir, { recursive: true, force: true }));
  extraRoutes?.(fastify);
  await fastify.ready();
  return fastify;
}
