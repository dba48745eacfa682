/** Cookies, CSRF and body limits on every page that takes a POST. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { serverOptions } from '../src/server-options.ts';
import { FormClient } from './form-client.ts';
import { build, buildApp } from './helper.ts';

let app: FastifyInstance;
let base = '';
before(async () => {
  app = await buildApp();
  const client = new FormClient(app);
  await client.get('/');
  base = String((await client.post('/ansokan', {})).headers.location).replace('/bidragsar', '');
  await client.submit(`${base}/bidragsar`, { grantYear: '2026' });
  await client.submit(`${base}/huvudman`, { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal' });
  await client.submit(`${base}/team/ny`, { name: 'Team', schoolForms: 'grundskola', municipalityCode: '0180', status: 'new', contractEducation: 'no' });
  const member = {
    side: 'school',
    engagement: 'employment',
    fte: '1',
    start: '2025-08-01',
    education: 'psychosocial_degree',
    origin: 'new',
    monthlySalary: '40000',
    employerCostRate: '31,42 %',
  };
  await client.submit(`${base}/team/1/person/ny`, member);
});
after(() => app.close());

/** Every page that takes a POST, as the draft above has them. */
const postPages = () => [
  '/ansokan',
  `${base}/bidragsar`,
  `${base}/huvudman`,
  `${base}/team/ny`,
  `${base}/team/1`,
  `${base}/team/1/ta-bort`,
  `${base}/team/1/person/ny`,
  `${base}/team/1/person/p1`,
  `${base}/team/1/person/p1/ta-bort`,
  `${base}/radera`,
];

test('varje POST utan CSRF-token eller med fel token avvisas med 403 och ändrar inget', async () => {
  const client = new FormClient(app);
  await client.get('/');
  for (const url of postPages()) {
    assert.equal((await client.post(url, {}, { csrf: null })).statusCode, 403, `${url} without a token`);
    assert.equal((await client.post(url, {}, { csrf: 'x'.repeat(52) })).statusCode, 403, `${url} with a wrong token`);
  }
  const check = await client.get(`${base}/kontrollera`);
  assert.equal(check.statusCode, 200, 'the draft is still there');
  assert.match(check.body, /p1/);
});

test('varje POST med för stor kropp ger 413 och sparat finns kvar', async () => {
  const client = new FormClient(app);
  for (const url of postPages()) {
    await client.get('/');
    const response = await client.post(url, { pad: 'x'.repeat(1_100_000) });
    assert.equal(response.statusCode, 413, url);
  }
  assert.equal((await client.get(`${base}/kontrollera`)).statusCode, 200);
});

test('CSRF-kakan är HttpOnly och SameSite, och Secure bakom HTTPS', async (t) => {
  const plain = await app.inject({ method: 'GET', url: '/' });
  const cookie = String(plain.headers['set-cookie']);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.doesNotMatch(cookie, /Secure/);
  const proxied = await build(t, serverOptions({ trustProxy: true }));
  const https = await proxied.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
  assert.match(String(https.headers['set-cookie']), /; Secure/);
});

test('felsidor visar aldrig stackspår eller interna meddelanden', async () => {
  for (const url of [`${base}/team/99`, `${base}/team/abc/personer`, `${base}/team/1/person/p99`, '/ansokan/kort/bidragsar']) {
    const response = await app.inject({ method: 'GET', url });
    assert.equal(response.statusCode, 404, url);
    assert.doesNotMatch(response.body, /at \w+ \(|Error:|FST_|node_modules/);
  }
});
