/** GET /: what the tool does, for whom, what to have at hand, and where to go. */
import type { FastifyPluginAsync } from 'fastify';
import { langOf } from '../lang.ts';
import { inLang } from '../journey.ts';
import { renderForm } from '../page.ts';
import { words } from '../words/index.ts';

const text = { sv: words.sv.start, en: words.en.start };

const start: FastifyPluginAsync = async (app) => {
  app.get('/', async (request, reply) => {
    const lang = langOf(request.query);
    return renderForm(reply, 'start.eta', {
      lang,
      path: '/',
      title: text[lang].title,
      text: text[lang],
      action: inLang('/ansokan', lang),
      rulesHref: inLang('/regler', lang),
      importHref: inLang('/importera', lang),
      overviewHref: inLang('/oversikt/ny', lang),
    });
  });
};

export default start;
