/** Builds the app as the server does, for tests that call it with app.inject. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { TestContext } from 'node:test';
import app from '../src/app.ts';
import { prepareTemplate } from '../src/drafts/pglite-template.ts';
import type { ServiceInfo } from '../src/config.ts';
import type { RateLimits } from '../src/plugins/rate-limits.ts';
import { serverOptions } from '../src/server-options.ts';

export interface BuildOptions {
  extraRoutes?: (app: FastifyInstance) => void;
  /** Register the app without encapsulation, so the test reaches its decorators (app.drafts). */
  open?: boolean;
  /** Called for every route the app registers. */
  onRoute?: (route: RouteOptions) => void;
  /** Per-client limits; none unless given (the server passes the configured ones). */
  rateLimits?: RateLimits;
  /** Who runs the service; none unless given. */
  service?: ServiceInfo;
}

/**
 * The app on a fresh embedded database in a temporary directory, removed on close. The database
 * is a copy of the prepared template (`npm test` prepares it first; a single test file run on its
 * own prepares it when it is missing).
 */
export async function buildApp(
  overrides: FastifyServerOptions = {},
  { extraRoutes, open = false, onRoute, rateLimits, service }: BuildOptions = {},
): Promise<FastifyInstance> {
  await prepareTemplate();
  const dataDir = mkdtempSync(join(tmpdir(), 'sst-bidrag-test-'));
  const fastify = Fastify({ ...serverOptions(), ...overrides });
  if (onRoute) fastify.addHook('onRoute', onRoute);
  await fastify.register(open ? fp(app) : app, { drafts: { dataDir }, rateLimits, service });
  fastify.addHook('onClose', async () => rmSync(dataDir, { recursive: true, force: true }));
  extraRoutes?.(fastify);
  await fastify.ready();
  return fastify;
}

/** The app as buildApp builds it, closed when the test `t` ends (fastify/demo's build(t)). */
export async function build(t: TestContext, overrides?: FastifyServerOptions, options?: BuildOptions): Promise<FastifyInstance> {
  const built = await buildApp(overrides, options);
  t.after(() => built.close());
  return built;
}

/** A page's HTML without the column names a table repeats in each cell for narrow screens (data-label). */
export const withoutCellLabels = (html: string): string => html.replace(/ data-label="[^"]*"/g, '');
