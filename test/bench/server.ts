/**
 * The API server for the throughput benchmark, run in its own process so the load generator
 * does not share its event loop. Built as src/server.ts builds it (fresh embedded database in a
 * temporary directory, no rate limits, no request log), plus one bare route, POST /bench/bare,
 * that takes the same JSON body and replies { ok: true }: Fastify's own parsing and reply with
 * every hook of the app but no work of ours.
 *
 * Listens on 127.0.0.1 on a free port and prints the port as the first line on stdout.
 * Exits when its stdin closes, so it never outlives the benchmark that started it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import app from '../../src/app.ts';
import { serverOptions } from '../../src/server-options.ts';
import { listenAndReport } from './listen.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'sst-bidrag-bench-'));
const server = Fastify(serverOptions());
await server.register(app, { drafts: { dataDir } });
server.post('/bench/bare', async () => ({ ok: true }));
server.addHook('onClose', async () => rmSync(dataDir, { recursive: true, force: true }));
await listenAndReport(server);
