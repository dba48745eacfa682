/**
 * Drafts through the JSON API, so a system can hand an application over to the pages:
 * POST /api/v1/drafts stores an application, possibly incomplete, as a new draft; GET, PUT and
 * DELETE /api/v1/drafts/{id} read, replace and delete it (PUT with `If-Match: <version>`
 * refuses to overwrite someone else's save with 409). Sharing a draft
 * with a kommun's overview is in overviews.ts.
 *
 * A draft may be incomplete, but every value it gives is checked as the application's (same
 * limits: 20 teams, 50 members a team), numbers normalised to the strings the pages store, so
 * every page can show it; anything else is 400 `invalid_draft` with each problem's path. What
 * it leaves out is stored empty, so GET returns the application with those filled in. Teams and
 * members keep the ids given and get the next t- and p-numbers otherwise; hand-off links follow
 * a team by its id. Every change is recorded in the draft's history as made by "API".
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { parseDraftApplication } from '../../../forms/application.ts';
import { asDraftData, emptyDraft, withIds, type DraftData } from '../../drafts/draft-data.ts';
import { changesBetween } from '../../drafts/handoff.ts';
import { VersionConflictError, type Draft } from '../../drafts/store.ts';
import { draftPath } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { words } from '../../words/index.ts';
import { draftSchemas, errorBody } from '../../api/schemas.ts';
import { langQuery, type RouteSchema } from '../../api/route-schema.ts';
import * as z from 'zod';

type Issue = { path: string; message: string };

const messages = { sv: words.sv.apiDrafts, en: words.en.apiDrafts };

function view(draft: Draft) {
  return {
    id: draft.id,
    version: draft.version,
    application: asDraftData(draft.data).application,
    updatedAt: draft.updatedAt,
    expiresAt: draft.expiresAt,
  };
}

const links = (id: string) => ({ self: `/api/v1/drafts/${id}`, page: draftPath(id, 'kontrollera') });
const notFound = (reply: FastifyReply) => reply.status(404).send({ error: 'not_found' });
const invalid = (reply: FastifyReply, issues: Issue[]) => reply.status(400).send({ error: 'invalid_draft', issues });

const invalidDraft =
  'A value is not one the application accepts (wrong type, out of range, a control character or a lone surrogate in a text, too many teams or members); each problem with its dotted path';
const noDraft = { description: 'No such draft (or it has expired)', json: errorBody };
const draftId = z.object({ id: z.string() });

const schemas = {
  create: {
    summary: 'Store an application, possibly incomplete, as a draft to continue in the pages',
    querystring: langQuery,
    body: draftSchemas.body,
    response: {
      201: { description: 'The new draft: its id, a link to itself and to the page "check your answers"', json: draftSchemas.created },
      400: { description: invalidDraft, json: draftSchemas.invalid },
      413: { description: 'The body is larger than the limit', json: errorBody },
    },
  },
  read: { summary: 'A draft', params: draftId, response: { 200: { description: 'The draft', json: draftSchemas.draft }, 404: noDraft } },
  replace: {
    summary: "Replace a draft's application",
    params: draftId,
    querystring: langQuery,
    headers: z.object({ 'if-match': z.string().optional().describe('The version read; 409 if the draft has been saved since') }),
    body: draftSchemas.body,
    response: {
      200: { description: 'The draft as saved, with its new version', json: draftSchemas.draft },
      400: { description: `${invalidDraft}, or If-Match is not a version`, json: draftSchemas.invalid },
      404: noDraft,
      409: { description: 'The draft was saved since the version in If-Match', json: draftSchemas.conflict },
      413: { description: 'The body is larger than the limit', json: errorBody },
    },
  },
  delete: {
    summary: 'Delete a draft with everything kept about it: its hand-off links and its history',
    params: draftId,
    response: { 204: { description: 'Deleted' }, 404: noDraft },
  },
} satisfies Record<string, RouteSchema>;

const drafts: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/drafts', { schema: schemas.create }, async (request, reply) => {
    const parsed = parseDraftApplication(request.body, langOf(request.query));
    if (!parsed.ok) return invalid(reply, parsed.issues);
    const data = withIds(parsed.application);
    const draft = await app.drafts.create(data);
    await app.drafts.addHistory(draft.id, 'api', changesBetween(emptyDraft().application, data.application));
    return reply
      .status(201)
      .header('location', links(draft.id).self)
      .send({ id: draft.id, version: draft.version, links: links(draft.id) });
  });

  app.get<{ Params: { id: string } }>('/api/v1/drafts/:id', { schema: schemas.read }, async (request, reply) => {
    const draft = await app.drafts.get(request.params.id);
    return draft ? view(draft) : notFound(reply);
  });

  app.put<{ Params: { id: string } }>('/api/v1/drafts/:id', { schema: schemas.replace }, async (request, reply) => {
    const lang = langOf(request.query);
    const ifMatch = request.headers['if-match'];
    let expectedVersion: number | undefined;
    if (ifMatch !== undefined) {
      // A version, bare or as an entity tag: 3, "3", W/"3".
      const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(ifMatch).trim());
      if (!match) return invalid(reply, [{ path: 'If-Match', message: messages[lang].ifMatch }]);
      expectedVersion = Number(match[1]);
    }
    const parsed = parseDraftApplication(request.body, lang);
    if (!parsed.ok) return invalid(reply, parsed.issues);
    const current = await app.drafts.get(request.params.id);
    if (!current) return notFound(reply);
    const previous = asDraftData(current.data);
    // A settlement stays one: its decisions and the application as applied for are not the body's to replace.
    const data: DraftData = {
      ...withIds(parsed.application, previous),
      lastResult: previous.lastResult,
      ...(previous.settlement && { settlement: previous.settlement }),
    };
    try {
      // The version read above, unless the client named one: a save in between is a conflict, not lost from the history.
      const saved = await app.drafts.save(current.id, data, { expectedVersion: expectedVersion ?? current.version });
      if (!saved) return notFound(reply);
      await app.drafts.addHistory(saved.id, 'api', changesBetween(previous.application, data.application));
      return view(saved);
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      return reply.status(409).send({ error: 'version_conflict', expectedVersion: error.expectedVersion, version: error.actualVersion });
    }
  });

  app.delete<{ Params: { id: string } }>('/api/v1/drafts/:id', { schema: schemas.delete }, async (request, reply) =>
    (await app.drafts.delete(request.params.id)) ? reply.status(204).send() : notFound(reply),
  );
};

export default drafts;
