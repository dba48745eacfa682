/**
 * GET /tillganglighet: the tillgänglighetsredogörelse (accessibility statement), lag (2018:1937),
 * with the owner and contact from the settings (SERVICE_OWNER, SERVICE_CONTACT_EMAIL).
 */
import type { FastifyPluginAsync } from 'fastify';
import { langOf } from '../lang.ts';
import type { ServiceInfo } from '../config.ts';
import { pageData } from '../page.ts';
import { aboutView } from '../service-words.ts';
import { words } from '../words/index.ts';

const text = { sv: words.sv.accessibility, en: words.en.accessibility };

const accessibility: FastifyPluginAsync<{ service: ServiceInfo }> = async (app, { service }) => {
  app.get('/tillganglighet', async (request, reply) => {
    const lang = langOf(request.query);
    return reply.view('accessibility.eta', { ...pageData(lang, '/tillganglighet', text[lang].title), text: text[lang], about: aboutView(service, lang) });
  });
};

export default accessibility;
