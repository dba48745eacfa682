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
import { loadOverview, overviewPath } from '../overview.ts';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const links = (key: string) => ({ self: `/api/v1/overviews/${key}`, page: overviewPath(key), csv: overviewPath(key, '/oversikt.csv') });
const notFound = (reply: FastifyReply) => reply.status(404).send({ error: 'not_found' });

const overviews: FastifyPluginAsync = async (app) => {
  app.post('/api/v1/overviews', async (request, reply) => {
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

  app.get<{ Params: { key: string } }>('/api/v1/overviews/:key', async (request, reply) => {
    return (await loadOverview(request, request.params.key)) ?? notFound(reply);
  });

  app.post<{ Params: { key: string } }>('/api/v1/overviews/:key/key', async (request, reply) => {
    const record = await app.drafts.renewOverview(request.params.key, 'key');
    return record ? { ...describe(record), key: record.key, links: links(record.key) } : notFound(reply);
  });

  app.post<{ Params: { key: string } }>('/api/v1/overviews/:key/submission-code', async (request, reply) => {
    const record = await app.drafts.renewOverview(request.params.key, 'submissionCode');
    return record ? { ...describe(record), submissionCode: record.submissionCode } : notFound(reply);
  });

  app.delete<{ Params: { key: string } }>('/api/v1/overviews/:key', async (request, reply) => {
    return (await app.drafts.revokeOverview(request.params.key)) ? reply.status(204).send() : notFound(reply);
  });

  app.post<{ Params: { id: string } }>('/api/v1/drafts/:id/share', async (request, reply) => {
    const draft = await app.drafts.get(request.params.id);
    if (!draft) return notFound(reply);
    const code = readCode(isObject(request.body) ? request.body.submissionCode : undefined);
    const check = await checkShare(app.drafts, draft.data, code, langOf(request.query));
    if (!check.ok) return reply.status(check.status).send({ error: check.error, message: check.message });
    if (!(await app.drafts.share(check.overview.id, draft.id, check.teams))) return notFound(reply);
    return { ...describe(check.overview), teams: check.shown };
  });

  app.delete<{ Params: { id: string; code: string } }>('/api/v1/drafts/:id/share/:code', async (request, reply) => {
    const overview = await app.drafts.overviewForCode(request.params.code);
    const withdrawn = overview !== undefined && (await app.drafts.withdraw(overview.id, request.params.id));
    return withdrawn ? reply.status(204).send() : notFound(reply);
  });
};

/** Which overview: the kommun and the year, never its internal id. */
function describe(record: OverviewRecord) {
  return { municipalityCode: record.municipalityCode, municipality: municipalityName(record.municipalityCode) ?? '', grantYear: record.grantYear, expiresAt: record.expiresAt };
}

export default overviews;
