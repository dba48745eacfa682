/** /ansokan/{id}: the draft's own link, which opens it at its first unanswered step (src/journey.ts). */
import type { FastifyPluginAsync } from 'fastify';
import { loadDraft } from '../../http/draft-request.ts';
import { firstUnanswered, inLang } from '../../journey.ts';
import { langOf } from '../../lang.ts';

const openDraft: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id', async (request, reply) => {
    const { draft, data } = await loadDraft(request);
    return reply.redirect(inLang(firstUnanswered(data, draft.id), langOf(request.query)), 303);
  });
};

export default openDraft;
