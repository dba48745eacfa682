/**
 * Security headers on every response, with a Content Security Policy that allows no inline
 * script or style and nothing from other origins: every asset is served by the app itself.
 * Nothing is kept in a browser's or proxy's cache (pages, JSON, CSV and PDFs can hold salaries
 * and links that open a draft); only the static assets say otherwise (plugins/views.ts).
 * The headers are the same for every response, so they are built once (a per-request helmet
 * cost more than the rest of a small request).
 */
import fp from 'fastify-plugin';

const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'cache-control': 'no-store',
  'content-security-policy': contentSecurityPolicy,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
});

export default fp(
  async (app) => {
    // A callback hook, not an async one: no promise per request for work that never waits.
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(securityHeaders);
      done();
    });
  },
  { name: 'security-headers' },
);
