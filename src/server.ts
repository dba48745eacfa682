/**
 * Starts the server: listen on HOST:PORT, stop gracefully on SIGINT/SIGTERM, within
 * CLOSE_GRACE_SECONDS (then the process exits anyway, as fastify/demo's server does). A database
 * that cannot be opened (DATA_DIR in use or unreadable, PostgreSQL unreachable) stops it with one
 * line that says what to do, and exit code 1.
 */
import Fastify from 'fastify';
import app from './app.ts';
import { readConfig, serviceInfo } from './config.ts';
import { CannotOpenDatabaseError } from './drafts/db.ts';
import { serverOptions } from './server-options.ts';

const config = readConfig();
const server = Fastify(
  serverOptions({
    logLevel: config.LOG_LEVEL,
    trustProxy: config.TRUST_PROXY,
    timeouts: {
      request: config.REQUEST_TIMEOUT_SECONDS,
      headers: config.HEADERS_TIMEOUT_SECONDS,
      keepAlive: config.KEEP_ALIVE_TIMEOUT_SECONDS,
      connection: config.CONNECTION_TIMEOUT_SECONDS,
    },
  }),
);
try {
  await server.register(app, {
    drafts: { dataDir: config.DATA_DIR, databaseUrl: config.DATABASE_URL, timeoutMs: config.DATABASE_TIMEOUT_MS },
    rateLimits: {
      writes: config.RATE_LIMIT_WRITES_PER_MINUTE,
      creations: config.RATE_LIMIT_CREATIONS_PER_MINUTE,
      pdfs: config.RATE_LIMIT_PDFS_PER_MINUTE,
      assessments: config.RATE_LIMIT_ASSESSMENTS_PER_MINUTE,
    },
    service: serviceInfo(config),
  });
} catch (error) {
  if (!(error instanceof CannotOpenDatabaseError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      server.log.error({ seconds: config.CLOSE_GRACE_SECONDS }, 'requests still under way after the grace period; exiting');
      process.exit(1);
    }, config.CLOSE_GRACE_SECONDS * 1000).unref();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

await server.listen({ host: config.HOST, port: config.PORT });
