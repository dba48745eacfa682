/**
 * "Redovisa året" on a draft's result page (views/partials/settlement-offer.eta): the layout's
 * page asks at render time (it.settlementOffer()), as it does for the way back. An application
 * of a bidragsår that can be settled gets the button, which starts a settlement draft
 * (src/routes/settlement/start.ts); an earlier bidragsår gets a message saying why not; a
 * settlement draft gets a link to its redovisning.
 */
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { isSettlement } from '../drafts/draft-data.ts';
import { settlesYear } from '../drafts/settlement.ts';
import { draftPath, inLang } from '../journey.ts';
import { langOf } from '../lang.ts';
import { words } from '../words/index.ts';

export const offerText = { sv: words.sv.settlementOffer, en: words.en.settlementOffer };

/** What the result page offers for the year after the decision, or nothing on a page without a draft. */
export function settlementOffer(request: FastifyRequest) {
  const id = request.journeyDraftId;
  const data = request.journeyData;
  if (!id || !data) return undefined;
  const lang = langOf(request.query);
  const t = offerText[lang];
  if (isSettlement(data)) return { heading: t.heading, text: t.isSettlement, link: { href: inLang(draftPath(id, 'redovisning'), lang), label: t.open } };
  const year = data.application.grantYear;
  if (!settlesYear(year)) return { heading: t.heading, text: year === undefined ? t.noYear : t.notSupported(year) };
  return { heading: t.heading, text: t.lead, action: inLang(draftPath(id, 'redovisa'), lang), button: t.start };
}

export default fp(
  async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      reply.locals = { ...reply.locals, settlementOffer: () => settlementOffer(request) };
    });
  },
  { name: 'settlement-offer', dependencies: ['views', 'way-back'] },
);
