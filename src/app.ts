/**
 * The application as a Fastify plugin: the server and the tests build it the same way.
 * Plugins first (security headers, error handling), then one route file per resource.
 */
import type { FastifyPluginAsync } from 'fastify';
import errors from './plugins/errors.ts';
import forms from './plugins/forms.ts';
import securityHeaders from './plugins/security-headers.ts';
import assessments from './routes/api/assessments.ts';
import ruleSets from './routes/api/rule-sets.ts';
import health from './routes/health.ts';
import openapi from './routes/openapi.ts';
import rules from './routes/rules.ts';
import start from './routes/start.ts';
import views from './plugins/views.ts';

/** Requests larger than this get 413: room for 20 teams of 50 members with long notes. */
export const BODY_LIMIT = 1024 * 1024;

const app: FastifyPluginAsync = async (fastify) => {
  await fastify.register(securityHeaders);
  await fastify.register(views);
  await fastify.register(errors);
  await fastify.register(forms);
  await fastify.register(health);
  await fastify.register(assessments);
  await fastify.register(ruleSets);
  await fastify.register(openapi);
  await fastify.register(start);
  await fastify.register(rules);
};

export default app;
