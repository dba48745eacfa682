/** Starts the server: listen on HOST:PORT, stop gracefully on SIGINT/SIGTERM. */
import Fastify from 'fastify';
import app from './app.ts';
import { readConfig } from './config.ts';
import { serverOptions } from './server-options.ts';

const config = readConfig();
const server = Fastify(serverOptions({ logLevel: config.LOG_LEVEL, trustProxy: config.TRUST_PROXY }));
await server.register(app, { drafts: { dataDir: config.DATA_DIR, databaseUrl: config.DATABASE_URL } });

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
