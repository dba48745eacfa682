/**
 * /openapi.json is generated from the routes' schemas: every JSON route is in it, and every
 * answer a route gives here is documented for its status and has the documented shape (parsed
 * with the zod schema the document is generated from). A new JSON route fails this test until
 * it declares a schema and gets a case below.
 */
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Answer, RouteSchema } from '../src/api/route-schema.ts';
import { buildApplication } from './application-builder.ts';
import { buildApp } from './helper.ts';

const isJsonRoute = (url: string) => url.startsWith('/api/') || ['/healthz', '/readyz', '/openapi.json'].includes(url);

let app: FastifyInstance;
const routes: RouteOptions[] = [];
before(async () => {
  app = await buildApp({}, { onRoute: (route) => routes.push(route) });
});
after(() => app.close());

const jsonRoutes = () =>
  routes
    .filter((r) => isJsonRoute(r.url))
    .flatMap((r) =>
      [r.method]
        .flat()
        .filter((m) => m !== 'HEAD')
        .map((method) => ({ method, url: r.url, route: r })),
    );

/** Which route and status pairs the cases below have checked. */
const seen = new Set<string>();

/** Calls the route `pattern` with `params` in it, and checks the answer against the route's documented one. */
async function call(
  method: string,
  pattern: string,
  { params = {}, query = '', body, headers = {} }: { params?: Record<string, string>; query?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const route = routes.find((r) => r.url === pattern && [r.method].flat().includes(method as never));
  assert.ok(route, `${method} ${pattern} is a route`);
  const url = pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name])) + query;
  const response = await app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(body === undefined
      ? {}
      : typeof body === 'string'
        ? { payload: body, headers: { 'content-type': 'application/json', ...headers } }
        : { payload: body as object }),
  });
  const answer: Answer | undefined = (route.schema as RouteSchema).response[response.statusCode];
  assert.ok(answer, `${method} ${pattern} answered ${response.statusCode}, which it does not document`);
  if (answer.json) {
    const parsed = answer.json.safeParse(response.json());
    assert.ok(parsed.success, `${method} ${pattern} ${response.statusCode}: ${parsed.error?.message}`);
  } else if (answer.media) {
    assert.equal(String(response.headers['content-type']).split(';')[0], answer.media);
  } else {
    assert.equal(response.body, '');
  }
  seen.add(`${method} ${pattern} ${response.statusCode}`);
  return response;
}

test('every JSON route declares its schema and is in /openapi.json', async () => {
  const { paths, components } = (await call('GET', '/openapi.json')).json();
  assert.ok(jsonRoutes().length >= 18, 'the routes were collected');
  for (const { method, url, route } of jsonRoutes()) {
    assert.ok(route.schema, `${method} ${url} declares a schema`);
    const path = url.replace(/:(\w+)/g, '{$1}');
    const operation = paths[path]?.[method.toLowerCase()];
    assert.ok(operation, `${method} ${path} is in /openapi.json`);
    assert.deepEqual(
      Object.keys(operation.responses).sort(),
      Object.keys((route.schema as RouteSchema).response).sort(),
      `${method} ${path}: every documented status`,
    );
    for (const name of path.match(/\{\w+\}/g) ?? []) {
      assert.ok(
        operation.parameters.some((p: { in: string; name: string }) => p.in === 'path' && `{${p.name}}` === name),
        `${method} ${path} documents ${name}`,
      );
    }
  }
  // No page is described as part of the API.
  assert.deepEqual(
    Object.keys(paths).filter((path) => !isJsonRoute(path)),
    [],
  );
  // Every reference points at a component that is there.
  for (const [, name] of JSON.stringify({ paths, components }).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) assert.ok(components.schemas[name], name);
});

test('every JSON route answers in the shape /openapi.json gives for its status', async () => {
  const application = buildApplication();
  await call('GET', '/healthz');
  await call('GET', '/readyz');

  await call('POST', '/api/v1/assessments', { body: application });
  await call('POST', '/api/v1/assessments', { query: '?lang=en', body: { ...application, teams: [] } });
  await call('POST', '/api/v1/assessments', { body: { ...application, grantYear: 2029 } });
  await call('POST', '/api/v1/assessments', { body: JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }) });
  const settlement = JSON.parse(readFileSync(new URL('./fixtures/settlement-example.json', import.meta.url), 'utf8'));
  await call('POST', '/api/v1/settlements', { body: settlement });
  await call('POST', '/api/v1/settlements', { query: '?lang=en', body: { ...settlement, decision: {} } });
  await call('POST', '/api/v1/settlements', { body: { application: { ...application, grantYear: 2023 }, decision: { teams: [{ skolverketGrant: 0 }] } } });
  await call('POST', '/api/v1/settlements', { body: JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }) });
  await call('POST', '/api/v1/assessments/pdf', { body: application });
  await call('POST', '/api/v1/assessments/pdf', { body: { grantYear: 'x' } });
  await call('POST', '/api/v1/assessments/pdf', { body: { ...application, grantYear: 2029 } });
  await call('POST', '/api/v1/assessments/pdf', { body: JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }) });

  await call('GET', '/api/v1/rule-sets', { query: '?lang=en' });
  await call('GET', '/api/v1/rule-sets/:year', { params: { year: '2026' } });
  await call('GET', '/api/v1/rule-sets/:year', { params: { year: '2023' } });
  await call('GET', '/api/v1/rule-sets/:year', { params: { year: '2029' } });

  const { id } = (await call('POST', '/api/v1/drafts', { body: application })).json();
  await call('POST', '/api/v1/drafts', { body: { grantYear: 'x' } });
  await call('GET', '/api/v1/drafts/:id', { params: { id } });
  await call('GET', '/api/v1/drafts/:id', { params: { id: 'missing' } });
  await call('PUT', '/api/v1/drafts/:id', { params: { id }, body: application, headers: { 'if-match': '1' } });
  await call('PUT', '/api/v1/drafts/:id', { params: { id }, body: application, headers: { 'if-match': '1' } });
  await call('PUT', '/api/v1/drafts/:id', { params: { id }, body: { teams: 'x' } });
  await call('PUT', '/api/v1/drafts/:id', { params: { id: 'missing' }, body: application });

  const overview = (await call('POST', '/api/v1/overviews', { body: { municipalityCode: '0180', grantYear: 2026 } })).json();
  await call('POST', '/api/v1/overviews', { body: { municipalityCode: '0000', grantYear: 2026 } });
  await call('POST', '/api/v1/drafts/:id/share', { params: { id }, body: { submissionCode: overview.submissionCode } });
  await call('POST', '/api/v1/drafts/:id/share', { params: { id }, body: {} });
  await call('POST', '/api/v1/drafts/:id/share', { params: { id }, body: { submissionCode: 'unknown' } });
  const incomplete = (await call('POST', '/api/v1/drafts', { body: { grantYear: 2026 } })).json();
  await call('POST', '/api/v1/drafts/:id/share', { params: { id: incomplete.id }, body: { submissionCode: overview.submissionCode } });
  await call('GET', '/api/v1/overviews/:key', { params: { key: overview.key } });
  const renewed = (await call('POST', '/api/v1/overviews/:key/key', { params: { key: overview.key } })).json();
  await call('POST', '/api/v1/overviews/:key/key', { params: { key: overview.key } });
  const { submissionCode } = (await call('POST', '/api/v1/overviews/:key/submission-code', { params: { key: renewed.key } })).json();
  await call('POST', '/api/v1/overviews/:key/submission-code', { params: { key: overview.key } });
  await call('DELETE', '/api/v1/drafts/:id/share/:submissionCode', { params: { id, submissionCode } });
  await call('DELETE', '/api/v1/drafts/:id/share/:submissionCode', { params: { id, submissionCode } });
  await call('DELETE', '/api/v1/overviews/:key', { params: { key: renewed.key } });
  await call('DELETE', '/api/v1/overviews/:key', { params: { key: renewed.key } });
  await call('GET', '/api/v1/overviews/:key', { params: { key: renewed.key } });
  await call('DELETE', '/api/v1/drafts/:id', { params: { id } });
  await call('DELETE', '/api/v1/drafts/:id', { params: { id } });

  // Every JSON route has been called and answered with success at least once.
  for (const { method, url } of jsonRoutes()) {
    assert.ok(
      [...seen].some((key) => key.startsWith(`${method} ${url} 2`)),
      `${method} ${url} has a case that succeeds`,
    );
  }
});
