/**
 * The API server for the throughput benchmark, run in its own process so the load generator
 * does not share its event loop. Built as src/server.ts builds it, plus one bare route,
 * POST /bench/bare, that takes the same JSON body and replies { ok: true }: Fastify's own
 * parsing and reply with no work of ours, the baseline the API is compared with.
 *
 * Listens on 127.0.0.1 on a free port and prints the port as the first line on stdout.
 * Exits when its stdin closes, so it never outlives the benchmark that started it.
 */
import { buildApp } from '../helper.ts';

const server = await buildApp({}, { extraRoutes: (app) => app.post('/bench/bare', async () => ({ ok: true })) });

const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, stop);
if (!process.stdin.isTTY) {
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}

await server.listen({ host: '127.0.0.1', port: 0 });
const address = server.server.address();
if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
process.stdout.write(`${address.port}\n`);
