/** Server-rendered pages with eta templates from views/, and the stylesheet they use. */
import { readFileSync } from 'node:fs';
import view from '@fastify/view';
import { Eta } from 'eta';
import fp from 'fastify-plugin';

const viewsDir = new URL('../../views/', import.meta.url);
const stylesheet = readFileSync(new URL('assets/site.css', viewsDir));

export default fp(
  async (app) => {
    await app.register(view, {
      engine: { eta: new Eta({ views: viewsDir.pathname, autoEscape: true, cache: true }) },
      templates: viewsDir.pathname,
      production: true,
    });
    app.get('/assets/site.css', async (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(stylesheet),
    );
  },
  { name: 'views' },
);
