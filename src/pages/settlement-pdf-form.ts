/**
 * The button that asks for a settlement's redovisning as a PDF (POST /ansokan/{id}/redovisning.pdf,
 * src/routes/settlement/pdf.ts), as the settlement's result page shows it with
 * views/partials/settlement-pdf.eta.
 */
import type { FastifyReply } from 'fastify';
import type { Lang } from '../../rules/types.ts';
import { draftPath, inLang } from '../journey.ts';
import { settlementPdfLinkWords } from '../settlement-words.ts';

/** What views/partials/settlement-pdf.eta needs. */
export function settlementPdfForm(draftId: string, lang: Lang, reply: FastifyReply) {
  return { action: inLang(draftPath(draftId, 'redovisning.pdf'), lang), csrfToken: reply.generateCsrf(), text: settlementPdfLinkWords[lang] };
}
