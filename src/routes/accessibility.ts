/**
 * GET /tillganglighet: the tillgänglighetsredogörelse (accessibility statement), lag (2018:1937),
 * with the owner and contact from the settings (SERVICE_OWNER, SERVICE_CONTACT_EMAIL).
 */
import type { FastifyPluginAsync } from 'fastify';
import { langOf } from '../lang.ts';
import type { ServiceInfo } from '../config.ts';
import { pageData } from '../page.ts';
import { aboutView } from '../service-words.ts';

const text = {
  sv: {
    title: 'Tillgänglighetsredogörelse',
    paragraphs: [
      'Den här webbplatsen ska kunna användas av så många som möjligt. Den följer lagen (2018:1937) om tillgänglighet till digital offentlig service och ska uppfylla WCAG 2.1 på nivå AA.',
      'Alla sidor fungerar utan JavaScript, med tangentbord och med skärmläsare. Texten går att förstora till 200 procent utan att något försvinner. Diagrammet över bemanningen har en textbeskrivning och en tabell med samma uppgifter.',
      'Varje sida prövas automatiskt med verktyget axe i en riktig webbläsare, både med och utan JavaScript, innan en ändring publiceras.',
      'Om något inte fungerar för dig, eller om du behöver innehållet i ett annat format, kontakta den som driver tjänsten.',
    ],
    supervision: 'Du kan också anmäla brister till Myndigheten för digital förvaltning (Digg), som har tillsyn över lagen.',
    status: 'Webbplatsen är helt förenlig med WCAG 2.1 nivå AA så långt våra automatiska och manuella kontroller visar.',
    updated: 'Redogörelsen uppdaterades i november 2026.',
  },
  en: {
    title: 'Accessibility statement',
    paragraphs: [
      'This website should be usable by as many people as possible. It follows the Swedish act (2018:1937) on accessibility of digital public services and aims to meet WCAG 2.1 level AA.',
      'Every page works without JavaScript, with a keyboard and with a screen reader. Text can be enlarged to 200 percent without loss. The staffing chart has a text description and a table with the same facts.',
      'Every page is checked automatically with axe in a real browser, with and without JavaScript, before a change is published.',
      'If something does not work for you, or you need the content in another format, contact whoever runs the service.',
    ],
    supervision: 'You can also report shortcomings to the Agency for Digital Government (Digg), which supervises the act.',
    status: 'The website fully complies with WCAG 2.1 level AA as far as our automatic and manual checks show.',
    updated: 'This statement was updated in November 2026.',
  },
};

const accessibility: FastifyPluginAsync<{ service: ServiceInfo }> = async (app, { service }) => {
  app.get('/tillganglighet', async (request, reply) => {
    const lang = langOf(request.query);
    return reply.view('accessibility.eta', { ...pageData(lang, '/tillganglighet', text[lang].title), text: text[lang], about: aboutView(service, lang) });
  });
};

export default accessibility;
