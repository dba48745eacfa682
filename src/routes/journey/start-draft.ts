/** POST /ansokan: "Starta" on the start page creates a draft and goes to its first question. */
import type { FastifyPluginAsync } from 'fastify';
import { emptyDraft } from '../../drafts/draft-data.ts';
import { draftPath, inLang } from '../../journey.ts';
import { langOf } from '../../lang.ts';

const startDraft: FastifyPluginAsync = async (app) => {
  app.post('/ansokan', async (request, reply) => {
    const draft = await app.drafts.create(emptyDraft());
    return reply.redirect(inLang(draftPath(draft.id, 'bidragsar'), langOf(request.query)), 303);
  });
};

export default startDraft;
