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

export const offerText = {
  sv: {
    heading: 'Efter året: redovisningen',
    lead: 'När Skolverket har beslutat och året är slut redovisar ni hur pengarna användes. Redovisningen blir ett eget utkast med en egen länk, ifyllt med ansökans team och personer. Ansökan ändras inte.',
    start: 'Redovisa året',
    notSupported: (year: number) =>
      `Redovisning stöds från bidragsår 2024. För ${year} gällde en äldre lydelse av förordningen; redovisa direkt hos Skolverket och Socialstyrelsen.`,
    noYear: 'Välj bidragsåret först; redovisning stöds från bidragsår 2024.',
    isSettlement: 'Det här utkastet är redovisningen av bidragsåret.',
    open: 'Gå till redovisningen',
  },
  en: {
    heading: 'After the year: the report',
    lead: 'Once Skolverket has decided and the year is over, you report how the money was used. The report becomes a draft of its own with its own link, filled in with the application’s teams and people. The application is not changed.',
    start: 'Report the year',
    notSupported: (year: number) =>
      `Reports are supported from grant year 2024. For ${year} an older wording of the ordinance applied; report directly to Skolverket and Socialstyrelsen.`,
    noYear: 'Choose the grant year first; reports are supported from grant year 2024.',
    isSettlement: 'This draft is the report of the grant year.',
    open: 'Go to the report',
  },
};

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
