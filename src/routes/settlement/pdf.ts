/**
 * POST /ansokan/{id}/redovisning.pdf: the redovisning summary of a settlement draft as a PDF to
 * sign (src/pdf/settlement-pdf.ts), built in the worker pool. A POST, as the application
 * summary's is: it builds a document from the draft, so it carries the form's CSRF token. A
 * settlement still missing a decision goes to the decision page; one that cannot be settled as
 * it stands, to check your answers. An application draft is not found here.
 *
 * The settlement's result page shows the button (src/pages/settlement-pdf-form.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { DraftData, SettlementData } from '../../drafts/draft-data.ts';
import { loadSettlement } from '../../http/draft-request.ts';
import { draftPath, inLang } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { sendPdf } from '../../plugins/pdf.ts';

/**
 * The draft as the settlements API's body, each decision with its date (the PDF shows the dates
 * and a re-import restores them); undefined while a team's decision is missing.
 */
function pdfInput({ application, settlement }: DraftData & { settlement: SettlementData }) {
  const decisions = application.teams.map((team) => settlement.decisions[team.id]);
  if (decisions.some((d) => d?.skolverketGrant === undefined)) return undefined;
  return {
    application,
    decision: { teams: decisions.map((d) => ({ skolverketGrant: d.skolverketGrant, decidedOn: d.decidedOn })) },
    applied: settlement.applied,
  };
}

const settlementPdf: FastifyPluginAsync = async (app) => {
  app.post('/ansokan/:id/redovisning.pdf', async (request, reply) => {
    const lang = langOf(request.query);
    const { draft, data } = await loadSettlement(request);
    const input = pdfInput(data);
    if (!input) return reply.redirect(inLang(draftPath(draft.id, 'beslut'), lang), 303);
    const pdf = await app.settlementPdf(input, 'sv');
    return pdf.ok ? sendPdf(reply, pdf, 'redovisning') : reply.redirect(inLang(draftPath(draft.id, 'kontrollera'), lang), 303);
  });
};

export default settlementPdf;
