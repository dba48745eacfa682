/**
 * Rate limits per client on everything that stores, imports, renders a PDF or creates a link
 * or an overview: every POST, PUT, PATCH and DELETE, classed here by its path as the routes
 * are added, so a route added later is covered without touching this file or the route's.
 * The client is its IP address (request.ip, so the proxy's X-Forwarded-For with TRUST_PROXY;
 * IPv6 by its /64). Each class has one count per client across all its routes, per minute.
 * Over the limit: 429 with Retry-After (the error page or { "error": "rate_limited" }).
 */
import rateLimit from '@fastify/rate-limit';
import type { onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';

/** Requests per minute per client for each class; 0 or absent: no limit. */
export interface RateLimits {
  /** Saves to a draft, a link's section or an overview that already exists. */
  writes?: number;
  /** New drafts (page, API, import, estimate), hand-off links, overviews, shares into one. */
  creations?: number;
  /** PDFs rendered. */
  pdfs?: number;
  /** POST /api/v1/assessments and /api/v1/settlements: compute and store nothing. */
  assessments?: number;
}

type RateClass = keyof RateLimits;

const changingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that only compute an answer from the body, counted with the assessments. */
const computeOnly = new Set(['/api/v1/assessments', '/api/v1/settlements']);
/** Last path segments of routes that create something inside an existing draft. */
const creatingSteps = new Set(['dela', 'share', 'importera', 'import']);

/** Which limit a route falls under, from its method and path pattern; undefined for reads. */
export function rateClassOf(method: string, url: string): RateClass | undefined {
  if (!changingMethods.has(method)) return undefined;
  if (computeOnly.has(url)) return 'assessments';
  if (/[./]pdf$/.test(url)) return 'pdfs';
  // A path with no id or token in it makes something new (/ansokan, /api/v1/drafts, /importera).
  if (!url.includes(':') || creatingSteps.has(url.split('/').at(-1) ?? '')) return 'creations';
  return 'writes';
}

class RateLimitedError extends Error {
  readonly statusCode = 429;
  readonly code = 'RATE_LIMITED';
  constructor() {
    super('Too many requests from one client');
    this.name = 'RateLimitedError';
  }
}

export default fp<RateLimits>(
  async (app, limits) => {
    await app.register(rateLimit, { global: false, errorResponseBuilder: () => new RateLimitedError() });
    const hooks = new Map<RateClass, onRequestAsyncHookHandler>();
    for (const [rateClass, max] of Object.entries(limits) as Array<[RateClass, number | undefined]>) {
      if (max) hooks.set(rateClass, app.rateLimit({ max, timeWindow: 60_000 }));
    }
    app.addHook('onRoute', (route) => {
      const methods = [route.method].flat();
      const hook = hooks.get(methods.map((method) => rateClassOf(method, route.url)).find(Boolean) as RateClass);
      if (hook) route.onRequest = [...[route.onRequest ?? []].flat(), hook];
    });
  },
  { name: 'rate-limits' },
);
