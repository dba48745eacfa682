/** Fastify's own options, shared by the server, the tests and the benchmark. */
import type { FastifyHttpOptions, FastifyRequest } from 'fastify';
import type { Server } from 'node:http';
import { BODY_LIMIT } from './app.ts';
import { TIMEOUT_DEFAULTS } from './config.ts';
import { answerRouterError } from './plugins/errors.ts';

/** The server's timeouts in seconds (REQUEST_, HEADERS_, KEEP_ALIVE_ and CONNECTION_TIMEOUT_SECONDS). */
export interface Timeouts {
  request: number;
  headers: number;
  keepAlive: number;
  connection: number;
}

/** What the log says a request was for: the route's pattern, never the path with its ids and tokens. */
export function routeOf(request: FastifyRequest): string {
  return request.is404 ? '(unmatched)' : (request.routeOptions.url ?? '(unmatched)');
}

/**
 * What the log keeps of an error: its type, code and where it happened. Not its message, which
 * can quote a URL with a draft id or link token (Fastify's own do), or a value someone typed.
 */
export function loggableError(error: { name?: string; code?: string; stack?: string }) {
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return { type: error.name ?? 'Error', code: error.code, message: '(not logged)', stack: frames.join('\n') };
}

export function serverOptions({
  logLevel = 'silent',
  trustProxy = false,
  timeouts = TIMEOUT_DEFAULTS,
}: {
  logLevel?: string;
  trustProxy?: boolean;
  timeouts?: Timeouts;
} = {}): FastifyHttpOptions<Server> {
  const ms = (seconds: number) => seconds * 1000;
  return {
    bodyLimit: BODY_LIMIT,
    // Opening (and on first start creating) the embedded database can take longer than Fastify's
    // default 10 s on a small, busy machine; a start that slow is slow, not broken.
    pluginTimeout: 120_000,
    // Log method, route pattern and status only: never bodies, paths, query strings, headers or error messages.
    logger:
      logLevel === 'silent'
        ? false
        : {
            level: logLevel,
            serializers: {
              req: (request: FastifyRequest) => ({ method: request.method, route: routeOf(request) }),
              res: (reply) => ({ statusCode: reply.statusCode }),
              err: loggableError,
            },
          },
    trustProxy,
    // A client that sends its request slowly (a byte every few seconds) is cut off with 408
    // when the whole request has not arrived in time; Node checks often enough to notice.
    requestTimeout: ms(timeouts.request),
    http: {
      // Also given here, as Node checks headersTimeout against it when the server is created.
      requestTimeout: ms(timeouts.request),
      headersTimeout: ms(timeouts.headers),
      connectionsCheckingInterval: Math.min(ms(timeouts.headers), ms(timeouts.request)) / 10,
    },
    // Longer than a proxy's idle timeout, so the proxy never reuses a connection we are closing.
    keepAliveTimeout: ms(timeouts.keepAlive),
    // A socket with no traffic at all for this long is closed.
    connectionTimeout: ms(timeouts.connection),
    // Bad URL encoding or an over-long path segment, found before any route: our 400 page or JSON.
    frameworkErrors: answerRouterError,
  };
}
