/** /api/v1/drafts: create, read, replace (with If-Match), delete; junk is a 400, never a 5xx. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApplication, findMismatch } from './application-builder.ts';
import { buildApp } from './helper.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp();
});
after(() => app.close());

const create = (payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/drafts', payload: payload as object });

test('POST skapar ett utkast och GET läser det; sidan öppnar det', async () => {
  const application = buildApplication();
  const created = await create(application);
  assert.equal(created.statusCode, 201);
  const { id, links } = created.json();
  assert.deepEqual(links, { self: `/api/v1/drafts/${id}`, page: `/ansokan/${id}/kontrollera` });
  const got = await app.inject({ url: links.self });
  assert.equal(got.statusCode, 200);
  const body = got.json();
  assert.deepEqual(Object.keys(body).sort(), ['application', 'expiresAt', 'id', 'updatedAt', 'version']);
  assert.equal(findMismatch(body.application, application), undefined, 'what was sent is kept; defaults fill the rest');
  assert.equal(body.application.teams[0].status, 'new');
  assert.equal(body.version, 1);
  assert.equal((await app.inject({ url: links.page })).statusCode, 200);
  assert.equal((await app.inject({ url: `/ansokan/${id}/resultat` })).statusCode, 200);
});

test('ett ofullständigt utkast sparas, utan teams blir teams en tom lista', async () => {
  const created = await create({ grantYear: 2026 });
  assert.equal(created.statusCode, 201);
  assert.deepEqual((await app.inject({ url: created.json().links.self })).json().application, { grantYear: 2026, teams: [] });
});

test('ett fält som utkastet inte har ger 400 och ändrar inget: GET:s svar skickat tillbaka tömmer inte utkastet', async () => {
  const application = buildApplication();
  const { id } = (await create(application)).json();
  const url = `/api/v1/drafts/${id}`;
  const read = (await app.inject({ url })).json();
  // The whole answer from GET sent back, the application under `application`: refused, field by field.
  const roundTrip = await app.inject({ method: 'PUT', url, payload: { ...read, application: { ...read.application, organiser: { name: 'Nytt namn' } } } });
  assert.equal(roundTrip.statusCode, 400);
  assert.equal(roundTrip.json().error, 'invalid_draft');
  assert.deepEqual(
    roundTrip
      .json()
      .issues.map((i: { path: string }) => i.path)
      .sort(),
    ['application', 'expiresAt', 'id', 'updatedAt', 'version'],
  );
  assert.match(roundTrip.json().issues[0].message, /bara fälten grantYear, organiser och teams.*Inget har ändrats/);
  const after = (await app.inject({ url })).json();
  assert.equal(after.version, read.version);
  assert.equal(findMismatch(after.application, application), undefined);
  // The same on creation, in English.
  const created = await app.inject({ method: 'POST', url: '/api/v1/drafts?lang=en', payload: { ...application, asOf: '2026-01-01' } });
  assert.equal(created.statusCode, 400);
  assert.deepEqual(created.json().issues, [{ path: 'asOf', message: created.json().issues[0].message }]);
  assert.match(created.json().issues[0].message, /^A draft has only the fields grantYear, organiser and teams/);
});

test('PUT ersätter ansökan; If-Match med fel version ger 409 och ändrar inget', async () => {
  const { id } = (await create(buildApplication())).json();
  const url = `/api/v1/drafts/${id}`;
  const second = buildApplication({ organiser: { name: 'Andra namnet' } });
  const put = await app.inject({ method: 'PUT', url, payload: second });
  assert.equal(put.statusCode, 200);
  assert.equal(put.json().version, 2);
  assert.equal(findMismatch(put.json().application, second), undefined);

  const third = buildApplication({ organiser: { name: 'Tredje namnet' } });
  const ok = await app.inject({ method: 'PUT', url, payload: third, headers: { 'if-match': '"2"' } });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().version, 3);
  const stale = await app.inject({ method: 'PUT', url, payload: second, headers: { 'if-match': '2' } });
  assert.equal(stale.statusCode, 409);
  assert.deepEqual(stale.json(), { error: 'version_conflict', expectedVersion: 2, version: 3 });
  assert.equal(findMismatch((await app.inject({ url })).json().application, third), undefined);
  const badTag = await app.inject({ method: 'PUT', url, payload: third, headers: { 'if-match': 'abc' } });
  assert.equal(badTag.statusCode, 400);
  assert.equal(badTag.json().error, 'invalid_draft');
});

test('okända och felformade id ger 404 not_found', async () => {
  for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'x', '%27%3B%20DROP']) {
    for (const [method, url] of [
      ['GET', `/api/v1/drafts/${id}`],
      ['PUT', `/api/v1/drafts/${id}`],
      ['DELETE', `/api/v1/drafts/${id}`],
    ] as const) {
      const response = await app.inject({ method, url, payload: method === 'GET' || method === 'DELETE' ? undefined : { teams: [] } });
      assert.equal(response.statusCode, 404, `${method} ${url}`);
      assert.deepEqual(response.json(), { error: 'not_found' });
    }
  }
});

test('skräp avvisas med 400 och aldrig 5xx', async () => {
  const { id } = (await create(buildApplication())).json();
  const junk: unknown[] = [
    [],
    [1, 2],
    'text',
    42,
    true,
    null,
    { teams: 'x' },
    { teams: [1] },
    { teams: [null] },
    { teams: [{ members: 'x' }] },
    { teams: [{ members: [3] }] },
    { teams: {} },
  ];
  for (const body of junk) {
    for (const [method, url] of [
      ['POST', '/api/v1/drafts'],
      ['PUT', `/api/v1/drafts/${id}`],
    ] as const) {
      const response = await app.inject({ method, url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      assert.equal(response.statusCode, 400, `${method} ${JSON.stringify(body)}: ${response.body}`);
      assert.equal(response.json().error, 'invalid_draft');
      assert.ok(Array.isArray(response.json().issues) && response.json().issues.length > 0);
    }
  }
  for (const payload of ['{', '{"teams": [', '', '\u0000']) {
    const response = await app.inject({ method: 'POST', url: '/api/v1/drafts', payload, headers: { 'content-type': 'application/json' } });
    assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${JSON.stringify(payload)}: ${response.statusCode}`);
  }
  const text = await app.inject({ method: 'POST', url: '/api/v1/drafts', payload: 'a=b', headers: { 'content-type': 'text/plain' } });
  assert.ok(text.statusCode >= 400 && text.statusCode < 500);
  // The draft is unchanged by all of it.
  assert.equal((await app.inject({ url: `/api/v1/drafts/${id}` })).json().version, 1);
});

test('OpenAPI beskriver utkasten och kommunens översikt', async () => {
  const { paths } = (await app.inject({ url: '/openapi.json' })).json();
  for (const path of [
    '/api/v1/drafts',
    '/api/v1/drafts/{id}',
    '/api/v1/drafts/{id}/share',
    '/api/v1/drafts/{id}/share/{submissionCode}',
    '/api/v1/overviews',
    '/api/v1/overviews/{key}',
  ]) {
    assert.ok(paths[path], path);
  }
  assert.ok(paths['/api/v1/drafts/{id}'].delete.responses[204]);
});
