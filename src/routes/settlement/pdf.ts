/**
 * POST /ansokan/{id}/redovisning.pdf: the redovisning summary of a settlement draft as a PDF to
 * sign (src/pdf/settlement-pdf.ts), built in the worker pool. A POST, as the application
 * summary's is: it builds a document from the draft, so it carries the form's CSRF token. A
 * settlement still missing a decision goes to the decision page; one that cannot be settled as
 * it stands, to check your answers. An application draft is not found here.
 *
 * The settlement's result page shows the button with `settlementPdfForm` and the partial
 * views/partials/settlement-pdf.eta.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Lang } from '../../../rules/types.ts';
import { loadSettlement, settlementInput } from '../../drafts/settlement.ts';
import { draftPath, inLang } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { sendPdf } from '../../plugins/pdf.ts';
import { settlementPdfLinkWords } from '../../settlement-words.ts';

/** What views/partials/settlement-pdf.eta needs. */
export function settlementPdfForm(draftId: string, lang: Lang, reply: FastifyReply) {
  return { action: inLang(draftPath(draftId, 'redovisning.pdf'), lang), csrfToken: reply.generateCsrf(), text: settlementPdfLinkWords[lang] };
}

const settlementPdf: FastifyPluginAsync = async (app) => {
  app.post('/ansokan/:id/redovisning.pdf', async (request, reply) => {
    const lang = langOf(request.query);
    const { draft, data } = await loadSettlement(request);
    const ready = settlementInput(data);
    if (!ready.ok) return reply.redirect(inLang(draftPath(draft.id, 'beslut'), lang), 303);
    // The decisions' dates travel with the input: the PDF shows them and a re-import restores them.
    const teams = data.application.teams.map((team, i) => ({ ...ready.input.decision.teams[i], decidedOn: data.settlement.decisions[team.id]?.decidedOn }));
    const pdf = await app.settlementPdf({ ...ready.input, decision: { teams } }, 'sv');
    return pdf.ok ? sendPdf(reply, pdf, 'redovisning') : reply.redirect(inLang(draftPath(draft.id, 'kontrollera'), lang), 303);
  });
};

export default settlementPdf;
