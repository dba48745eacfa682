/**
 * The kommun's overview through the JSON API (see src/routes/overview.ts for what it shows):
 *
 *   POST   /api/v1/overviews {municipalityCode, grantYear}   201 {key, submissionCode, links}
 *   GET    /api/v1/overviews/{key}                           the overview; 404 for an unknown, renewed or revoked key
 *   POST   /api/v1/overviews/{key}/key                       a new key (the old stops working)
 *   POST   /api/v1/overviews/{key}/submission-code           a new submission code (the old stops working)
 *   DELETE /api/v1/overviews/{key}                           revoke it: key and code stop working, shares removed
 *   POST   /api/v1/drafts/{id}/share {submissionCode}        share a draft into the overview; says what the kommun sees
 *   DELETE /api/v1/drafts/{id}/share/{submissionCode}        withdraw it
 *
 * A wrong or renewed code shares nothing (404); a draft that cannot be assessed, is for another
 * bidragsår or has no team in the kommun is refused (422), each with a message saying why.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { municipalityName } from '../../../forms/municipalities.ts';
import type { OverviewRecord } from '../../drafts/overviews.ts';
import { langOf } from '../../lang.ts';
import { checkShare, readCode } from '../../overview-share.ts';
import { parseNewOverview } from '../../../forms/overview.ts';
import { loadOverview, overviewPath } from '../../overview.ts';
import { errorBody, overviewSchemas } from '../../api/schemas.ts';
import { langQuery, type RouteSchema } from '../../api/route-schema.ts';
import * as z from 'zod';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const links = (key: string) => ({ self: `/api/v1/overviews/${key}`, page: overviewPath(key), csv: overviewPath(key, '/oversikt.csv') });
const notFound = (reply: FastifyReply) => reply.status(404).send({ error: 'not_found' });

const overviewKey = z.object({ key: z.string().describe("The overview's key") });
const noOverview = { description: 'Unknown, renewed, revoked or expired key', json: errorBody };
const draftId = { id: z.string() };

const schemas = {
  create: {
    summary:
      "Create a kommun's overview for a grant year. The key opens it (keep it among those who may see it); the submission code is for the huvudmän, to share their drafts into it. Both are unguessable and different; kept 30 days after the overview was last opened or changed",
    querystring: langQuery,
    body: overviewSchemas.create,
    response: {
      201: { description: 'The overview', json: overviewSchemas.created },
      400: { description: 'Unknown kommunkod, or a grant year without rules', json: overviewSchemas.invalid },
    },
  },
  read: {
    summary:
      "The kommun's overview: the teams in the kommun for the year from the drafts shared into it, as stored when each was last saved or shared, with totals; no salaries, org numbers or draft ids",
    params: overviewKey,
    response: { 200: { description: 'The overview (kronor as strings of whole kronor)', json: overviewSchemas.overview }, 404: noOverview },
  },
  newKey: {
    summary: 'A new key for the overview; the old one stops working, the shares stay',
    params: overviewKey,
    response: { 200: { description: 'The new key and links', json: overviewSchemas.newKey }, 404: noOverview },
  },
  newSubmissionCode: {
    summary: 'A new submission code for the overview; the old one stops working, the shares stay',
    params: overviewKey,
    response: { 200: { description: 'The new submission code', json: overviewSchemas.newSubmissionCode }, 404: noOverview },
  },
  revoke: {
    summary: 'Revoke the overview: its key and submission code stop working and its shares are removed',
    params: overviewKey,
    response: { 204: { description: 'Revoked' }, 404: noOverview },
  },
  share: {
    summary:
      "Share a draft with a kommun's overview, using the overview's submission code. The answer says what the kommun sees: its teams in the kommun, with huvudman name, team name, verdict and amounts; never salaries, org numbers or people",
    params: z.object(draftId),
    querystring: langQuery,
    body: overviewSchemas.share,
    response: {
      200: { description: 'Shared (again is the same): the overview and the rows the kommun sees', json: overviewSchemas.shared },
      400: { description: 'No submission code', json: overviewSchemas.shareRefused },
      404: { description: 'No such draft, or the code is unknown, renewed or revoked; nothing shared', json: overviewSchemas.shareRefused },
      422: {
        description: 'The draft cannot be assessed yet, is for another grant year, or has no team in the kommun; nothing shared',
        json: overviewSchemas.shareRefused,
      },
    },
  },
  withdraw: {
    summary: "Withdraw a draft from the kommun's overview",
    params: z.object({ ...draftId, submissionCode: z.string() }),
    response: { 204: { description: 'Withdrawn' }, 404: { description: 'Not shared there, or the code is unknown, renewed or revoked', json: errorBody } },
  },
} satisfies Record<string, RouteSchema>;

const overviews: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/overviews', { schema: schemas.create }, async (request, reply) => {
    const body = request.body;
    // The page's form sends strings; a system may send the year as a number.
    const fields = isObject(body) ? { ...body, grantYear: body.grantYear === undefined ? undefined : String(body.grantYear) } : {};
    const form = parseNewOverview(fields, langOf(request.query));
    if (!form.ok) return reply.status(400).send({ error: 'invalid_overview', issues: form.errors.map((e) => ({ path: e.field, message: e.message })) });
    const record = await app.drafts.createOverview(form.value.municipalityCode, form.value.grantYear);
    return reply
      .status(201)
      .header('location', links(record.key).self)
      .send({ ...describe(record), key: record.key, submissionCode: record.submissionCode, links: links(record.key) });
  });

  app.get<{ Params: { key: string } }>('/api/v1/overviews/:key', { schema: schemas.read }, async (request, reply) => {
    return (await loadOverview(app.drafts, request.params.key)) ?? notFound(reply);
  });

  app.post<{ Params: { key: string } }>('/api/v1/overviews/:key/key', { schema: schemas.newKey }, async (request, reply) => {
    const record = await app.drafts.renewOverview(request.params.key, 'key');
    return record ? { ...describe(record), key: record.key, links: links(record.key) } : notFound(reply);
  });

  app.post<{ Params: { key: string } }>('/api/v1/overviews/:key/submission-code', { schema: schemas.newSubmissionCode }, async (request, reply) => {
    const record = await app.drafts.renewOverview(request.params.key, 'submissionCode');
    return record ? { ...describe(record), submissionCode: record.submissionCode } : notFound(reply);
  });

  app.delete<{ Params: { key: string } }>('/api/v1/overviews/:key', { schema: schemas.revoke }, async (request, reply) => {
    return (await app.drafts.revokeOverview(request.params.key)) ? reply.status(204).send() : notFound(reply);
  });

  app.post<{ Params: { id: string } }>('/api/v1/drafts/:id/share', { schema: schemas.share }, async (request, reply) => {
    const draft = await app.drafts.get(request.params.id);
    if (!draft) return notFound(reply);
    const code = readCode(isObject(request.body) ? request.body.submissionCode : undefined);
    const check = await checkShare(app.drafts, draft.data, code, langOf(request.query));
    if (!check.ok) return reply.status(check.status).send({ error: check.error, message: check.message });
    if (!(await app.drafts.share(check.overview.id, draft.id, check.teams))) return notFound(reply);
    return { ...describe(check.overview), teams: check.shown };
  });

  app.delete<{ Params: { id: string; submissionCode: string } }>(
    '/api/v1/drafts/:id/share/:submissionCode',
    { schema: schemas.withdraw },
    async (request, reply) => {
      const overview = await app.drafts.overviewForCode(request.params.submissionCode);
      const withdrawn = overview !== undefined && (await app.drafts.withdraw(overview.id, request.params.id));
      return withdrawn ? reply.status(204).send() : notFound(reply);
    },
  );
};

/** Which overview: the kommun and the year, never its internal id. */
function describe(record: OverviewRecord) {
  return {
    municipalityCode: record.municipalityCode,
    municipality: municipalityName(record.municipalityCode) ?? '',
    grantYear: record.grantYear,
    expiresAt: record.expiresAt,
  };
}

export default overviews;
