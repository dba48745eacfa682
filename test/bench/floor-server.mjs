/**
 * The floor: a bare Fastify server, alone in its process, whose one route takes the JSON body
 * and replies with the bytes in the file named by its first argument (a typical assessment,
 * written by the benchmark). What any Fastify server costs to receive this body and send this
 * answer; the API is measured against it.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { listenAndReport } from './listen.mjs';

const bytes = readFileSync(process.argv[2]);
const server = Fastify({ bodyLimit: 1024 * 1024 });
server.post('/api/v1/assessments', async (_request, reply) => reply.type('application/json; charset=utf-8').send(bytes));
await listenAndReport(server);
