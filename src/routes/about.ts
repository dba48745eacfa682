/** GET /om-tjansten: who runs the service, what it does, what it keeps and for how long, who sees what. */
import type { FastifyPluginAsync } from 'fastify';
import type { ServiceInfo } from '../config.ts';
import { langOf } from '../lang.ts';
import { pageData } from '../page.ts';
import { aboutView } from '../service-words.ts';

const about: FastifyPluginAsync<{ service: ServiceInfo }> = async (app, { service }) => {
  app.get('/om-tjansten', async (request, reply) => {
    const lang = langOf(request.query);
    const view = aboutView(service, lang);
    return reply.view('about.eta', { ...pageData(lang, '/om-tjansten', view.title), about: view });
  });
};

export default about;
