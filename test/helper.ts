/** Builds the app as the server does, for tests that call it with app.inject. */
import Fastify, { type FastifyInstance } from 'fastify';
import app from '../src/app.ts';
import { serverOptions } from '../src/server-options.ts';

export async function buildApp(): Promise<FastifyInstance> {
  const fastify = Fastify(serverOptions());
  await fastify.register(app);
  await fastify.ready();
  return fastify;
}
