/**
 * Starts the server: listen on HOST:PORT, stop gracefully on SIGINT/SIGTERM. A database that
 * cannot be opened (DATA_DIR in use or unreadable, PostgreSQL unreachable) stops it with one
 * line that says what to do, and exit code 1.
 */
import Fastify from 'fastify';
import app from './app.ts';
import { readConfig } from './config.ts';
import { CannotOpenDatabaseError } from './drafts/db.ts';
import { serverOptions } from './server-options.ts';

const config = readConfig();
const server = Fastify(serverOptions({ logLevel: config.LOG_LEVEL, trustProxy: config.TRUST_PROXY }));
try {
  await server.register(app, {
    drafts: { dataDir: config.DATA_DIR, databaseUrl: config.DATABASE_URL, timeoutMs: config.DATABASE_TIMEOUT_MS },
  });
} catch (error) {
  if (!(error instanceof CannotOpenDatabaseError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

await server.listen({ host: config.HOST, port: config.PORT });
