/**
 * POST /ansokan/{id}/redovisa: "Redovisa året" on an application draft's result page starts a
 * settlement of its bidragsår as a draft of its own (src/drafts/settlement.ts), prefilled from
 * the application, and goes to its first page, Skolverket's decision. The new draft does not
 * name the application draft: its link reaches the settlement and nothing else. A bidragsår
 * that cannot be settled (2023), or a draft that already is a settlement, gets a message (422).
 */
import type { FastifyPluginAsync } from 'fastify';
import { isSettlement } from '../../drafts/draft-data.ts';
import { loadDraft } from '../../http/draft-request.ts';
import { settlesYear, startSettlement } from '../../drafts/settlement.ts';
import { draftPath, inLang } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { pageData } from '../../page.ts';
import { offerText } from '../../plugins/settlement-offer.ts';

const startSettlementRoute: FastifyPluginAsync = async (app) => {
  app.post('/ansokan/:id/redovisa', async (request, reply) => {
    const lang = langOf(request.query);
    const { draft, data } = await loadDraft(request);
    const t = offerText[lang];
    const year = data.application.grantYear;
    if (isSettlement(data) || !settlesYear(year)) {
      const message = isSettlement(data) ? t.isSettlement : year === undefined ? t.noYear : t.notSupported(year);
      const link = isSettlement(data)
        ? { href: inLang(draftPath(draft.id, 'redovisning'), lang), label: t.open }
        : { href: inLang(draftPath(draft.id, 'resultat'), lang), label: t.back };
      return reply.status(422).view('message.eta', { ...pageData(lang, draftPath(draft.id, 'redovisa'), t.heading), text: message, link });
    }
    const settlement = await app.drafts.create(startSettlement(data));
    await app.drafts.addHistory(settlement.id, 'coordinator', { kind: 'settlement_started' });
    return reply.redirect(inLang(draftPath(settlement.id, 'beslut'), lang), 303);
  });
};

export default startSettlementRoute;
