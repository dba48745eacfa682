/**
 * The browser's Back button after a corrected mistake (issue 10). A page with errors that a
 * browser gets as the answer to its POST is an entry in its history that cannot be shown again
 * (every page is no-store), so Back from the next page ends on "Confirm form resubmission".
 * So when a browser navigates (Sec-Fetch-Mode: navigate) and the form's address also has a
 * page, the page with the errors is kept here for a moment and the browser is sent there (303,
 * with ?fel=KEY); that GET shows it once, with status 422. Back then asks for the page again
 * and gets it as it is now: the saved, corrected answers. Other clients (scripts, tests with
 * app.inject) get the 422 page as the answer to the POST, as before.
 *
 * Kept in memory, for a few minutes, bound to the address it was made for, under a key nobody
 * can guess; at most MAX_KEPT at a time (the oldest go first), so a burst cannot fill memory.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const KEEP_MS = 10 * 60 * 1000;
const MAX_KEPT = 2000;
const KEY = /^[A-Za-z0-9_-]{22}$/;

interface Kept {
  path: string;
  until: number;
  render: (reply: FastifyReply) => unknown;
}

/** The address without the key, and the key when there is one. */
function split(url: string): { path: string; key?: string } {
  const [pathname, query = ''] = url.split('?', 2);
  const params = new URLSearchParams(query);
  const key = params.get('fel') ?? undefined;
  params.delete('fel');
  const rest = params.toString();
  return { path: rest ? `${pathname}?${rest}` : pathname, key };
}

declare module 'fastify' {
  interface FastifyReply {
    /**
     * For a browser's POST whose address has a page: keeps `render` and answers with a redirect
     * there, returning true. Otherwise false, and the caller renders as usual.
     */
    showErrorsAfterRedirect(render: (reply: FastifyReply) => unknown): boolean;
  }
}

export default fp(
  async (app) => {
    const kept = new Map<string, Kept>();
    const forget = (now: number) => {
      for (const [key, entry] of kept) if (entry.until <= now || kept.size > MAX_KEPT) kept.delete(key);
    };

    app.decorateReply('showErrorsAfterRedirect', function (this: FastifyReply, render: Kept['render']) {
      const request = this.request;
      const route = request.routeOptions.url;
      const browser = request.headers['sec-fetch-mode'] === 'navigate';
      if (request.method !== 'POST' || !browser || !route || !app.hasRoute({ method: 'GET', url: route })) return false;
      const now = Date.now();
      forget(now);
      const key = randomBytes(16).toString('base64url');
      const { path } = split(request.url);
      kept.set(key, { path, until: now + KEEP_MS, render });
      this.redirect(`${path}${path.includes('?') ? '&' : '?'}fel=${key}`, 303);
      return true;
    });

    // Shown once: a reload or Back asks the route itself, which shows what is saved.
    app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.method !== 'GET' || !request.url.includes('fel=')) return;
      const { path, key } = split(request.url);
      if (!key || !KEY.test(key)) return;
      const entry = kept.get(key);
      if (!entry || entry.path !== path) return;
      kept.delete(key);
      if (entry.until <= Date.now()) return;
      // The draft may have gone meanwhile; the page then is the route's own (404).
      if ((request.params as { id?: string }).id !== undefined && !(await app.drafts.get((request.params as { id: string }).id))) return;
      request.journeyDraftId = (request.params as { id?: string }).id ?? null;
      await entry.render(reply);
      return reply;
    });
  },
  { name: 'form-errors', dependencies: ['views', 'way-back', 'drafts'] },
);
