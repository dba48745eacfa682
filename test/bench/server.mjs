/**
 * The API server for the throughput benchmark, in its own process so the load generator does
 * not share its event loop. The built app (dist/, what `npm start` runs, with no TypeScript
 * loader), built as src/server.ts builds it: a fresh embedded database in a temporary
 * directory, no rate limits, no request log. Plus one bare route, POST /bench/bare, that takes
 * the same JSON body and replies { ok: true }: Fastify's own parsing and reply with every hook
 * of the app but no work of ours.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import app from '../../dist/src/app.js';
import { serverOptions } from '../../dist/src/server-options.js';
import { listenAndReport } from './listen.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'sst-bidrag-bench-'));
const server = Fastify(serverOptions());
await server.register(app, { drafts: { dataDir } });
server.post('/bench/bare', async () => ({ ok: true }));
server.addHook('onClose', async () => rmSync(dataDir, { recursive: true, force: true }));
await listenAndReport(server);
