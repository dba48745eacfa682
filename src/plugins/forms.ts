/**
 * What the HTML forms need: urlencoded and multipart bodies, cookies, and CSRF protection on every POST a
 * page sends. The token's secret lives in an HttpOnly, SameSite cookie (Secure when the request
 * came over HTTPS); each form carries the token in a hidden `_csrf` field.
 *
 * Registered for the pages only (app.ts): the JSON API (/api/) accepts only application/json,
 * which a cross-site form cannot send without a CORS preflight, and it uses no cookies, so there
 * is nothing to forge.
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fp from 'fastify-plugin';

export const CSRF_FIELD = '_csrf';

/** The largest file a page accepts (a summary PDF of 20 teams of 50 people is about 2 MB). */
export const UPLOAD_LIMIT = 8 * 1024 * 1024;

export default fp(
  async (app) => {
    await app.register(formbody);
    // File uploads (the summary PDF): fields and the file land in request.body like a form's.
    await app.register(multipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 4 } });
    // When a limit stops it, @fastify/multipart unpipes the request and leaves the rest of the
    // body unread, so Node never reads the next request on that keep-alive connection and the
    // client waits forever. Read the rest away once answered, as Node does with a body nobody
    // read (the server's request timeout bounds how long that may take).
    app.addHook('onResponse', async (request) => {
      if (!request.raw.complete) request.raw.resume();
    });
    await app.register(cookie);
    await app.register(csrf, {
      cookieKey: 'sst_csrf',
      cookieOpts: { httpOnly: true, sameSite: 'lax', path: '/', secure: 'auto' },
      getToken: (request) => (request.body as Record<string, string> | undefined)?.[CSRF_FIELD],
    });
    // Every page is in this scope; so is the 404 for any unknown address, /api/ ones answered as JSON.
    app.addHook('preHandler', (request, reply, done) => {
      if (request.method !== 'POST' || request.url.startsWith('/api/')) return done();
      app.csrfProtection(request, reply, done);
    });
  },
  { name: 'forms', dependencies: [] },
);
