/** Server-rendered pages with eta templates from views/, and the two assets they use. */
import { readFileSync } from 'node:fs';
import view from '@fastify/view';
import { Eta } from 'eta';
import fp from 'fastify-plugin';

const viewsDir = new URL('../../views/', import.meta.url);
const assets = {
  'site.css': { type: 'text/css; charset=utf-8', body: readFileSync(new URL('assets/site.css', viewsDir)) },
  'enhance.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('assets/enhance.js', viewsDir)) },
};

const eta = new Eta({ views: viewsDir.pathname, autoEscape: true, cache: true });

/** Renders a view without a reply, for answers made before any route or plugin has run. */
export function renderView(name: string, data: object): string {
  return eta.render(name, data);
}

export default fp(
  async (app) => {
    await app.register(view, {
      engine: { eta },
      templates: viewsDir.pathname,
      production: true,
    });
    for (const [name, asset] of Object.entries(assets)) {
      app.get(`/assets/${name}`, async (_request, reply) => reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(asset.body));
    }
  },
  { name: 'views' },
);
