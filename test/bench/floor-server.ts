/**
 * The floor: a bare Fastify server, alone in its process, whose one route takes the JSON body
 * and replies with the bytes of a typical assessment built once at start. What any Fastify
 * server costs to receive this body and send this answer; the API is measured against it.
 */
import Fastify from 'fastify';
import { parseApplication } from '../../forms/application.ts';
import { assess } from '../../rules/assess.ts';
import { typicalApplication } from './fixtures.ts';
import { listenAndReport } from './listen.ts';

const parsed = parseApplication(typicalApplication(), 'sv');
if (!parsed.ok) throw new Error('benchmark fixture is invalid');
const bytes = Buffer.from(JSON.stringify(assess(parsed.application, { asOf: '2026-03-15', lang: 'sv' })));

const server = Fastify({ bodyLimit: 1024 * 1024 });
server.post('/api/v1/assessments', async (_request, reply) => reply.type('application/json; charset=utf-8').send(bytes));
await listenAndReport(server);
