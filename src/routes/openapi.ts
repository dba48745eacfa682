/**
 * GET /openapi.json, generated from the routes themselves, so the description cannot drift.
 *
 * Every JSON route declares Fastify's `schema` with zod schemas: `summary`, `querystring`,
 * `params`, `headers`, `body`, and `response` by status as `{ description, json? , media? }`
 * (src/api/route-schema.ts, which also writes the document). This plugin collects each route with a schema as it is added and writes the document from
 * them (zod's own JSON Schema, named schemas under components). A new route is in the document
 * by declaring its schema; the tests check every JSON route is there and answers as documented.
 *
 * Validation stays in the handlers, with the same zod schemas and the product's own messages
 * (400 with every problem and its path), so Fastify is told not to validate. Responses are
 * serialised with JSON.stringify: a compiled serialiser (fast-json-stringify) measured no
 * faster for the assessment (about the same for a typical one, slower for 400 members). The
 * text goes to Fastify as it is: made a Buffer here, it cost the same CPU per request, as the
 * UTF-8 encoding Node does when writing the string only moves into Buffer.from.
 */
import type { FastifyPluginAsync, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import * as z from 'zod';
import { Document, type RouteSchema } from '../api/route-schema.ts';

const openapi: FastifyPluginAsync = async (app) => {
  const document = new Document();
  let built: ReturnType<Document['build']> | undefined;

  // Validation is the handlers' (see above); the declared schemas describe it.
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.schema) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') document.routes.push({ method, url: route.url, schema: route.schema as RouteSchema });
    }
  });

  app.get(
    '/openapi.json',
    {
      schema: {
        summary: 'This document',
        response: {
          200: { description: 'OpenAPI 3.0 document', json: z.looseObject({ openapi: z.literal('3.0.3'), paths: z.record(z.string(), z.unknown()) }) },
        },
      } satisfies RouteSchema,
    },
    async () => (built ??= document.build()),
  );
};

export default fp(openapi, { name: 'openapi' });
