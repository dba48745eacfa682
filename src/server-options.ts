/** Fastify's own options, shared by the server, the tests and the benchmark. */
import type { FastifyServerOptions } from 'fastify';
import { BODY_LIMIT } from './app.ts';

export function serverOptions({ logLevel = 'silent', trustProxy = false }: { logLevel?: string; trustProxy?: boolean } = {}): FastifyServerOptions {
  return {
    bodyLimit: BODY_LIMIT,
    // Log method, path and status only: never bodies, query strings or headers with personal data.
    logger:
      logLevel === 'silent'
        ? false
        : {
            level: logLevel,
            serializers: {
              req: (request) => ({ method: request.method, url: request.url.split('?')[0] }),
              res: (reply) => ({ statusCode: reply.statusCode }),
            },
          },
    trustProxy,
  };
}
