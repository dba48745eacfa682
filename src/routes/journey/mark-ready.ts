/**
 * POST /ansokan/{id}/klar: the form on the result page that puts the draft on the kommun's
 * overview (src/routes/overview.ts), or takes it off (field ready=nej). Back to the result.
 */
import type { FastifyPluginAsync } from 'fastify';
import { loadDraft, NotFoundError } from '../../drafts/load.ts';
import { draftPath, inLang } from '../../journey.ts';
import { langOf } from '../../lang.ts';

export const markReadyText = {
  sv: {
    heading: 'Kommunens översikt',
    notReady: 'Ansökan visas inte i kommunens översikt för ekonomerna.',
    isReady: 'Ansökan visas i kommunens översikt för ekonomerna. Personernas löner visas inte där.',
    mark: 'Markera som klar för kommunens översikt',
    unmark: 'Ta bort från kommunens översikt',
  },
  en: {
    heading: "The municipality's overview",
    notReady: "The application is not shown in the municipality's overview for finance staff.",
    isReady: "The application is shown in the municipality's overview for finance staff. People's salaries are not shown there.",
    mark: "Mark as ready for the municipality's overview",
    unmark: "Remove from the municipality's overview",
  },
};

const markReady: FastifyPluginAsync = async (app) => {
  app.post('/ansokan/:id/klar', async (request, reply) => {
    const { draft } = await loadDraft(request);
    const body = (request.body ?? {}) as { ready?: unknown };
    const saved = await app.drafts.setReady(draft.id, body.ready !== 'nej');
    if (!saved) throw new NotFoundError();
    return reply.redirect(inLang(draftPath(draft.id, 'resultat'), langOf(request.query)), 303);
  });
};

export default markReady;
