/** The summary PDF as the API, the result page and bursts of requests get it. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { readAttachments } from '../src/pdf/summary.ts';
import { WORK_QUEUE_LIMIT, WORKER_THREADS } from '../src/plugins/worker-pool.ts';
import { buildApplication } from './application-builder.ts';
import { FormClient, multipart } from './form-client.ts';
import { buildApp } from './helper.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp();
});
after(() => app.close());

const application = buildApplication({ organiser: { name: 'Exempla Öst kommun' } });
const postPdf = (payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/assessments/pdf', payload: payload as object });

test('POST /api/v1/assessments/pdf ger en PDF att ladda ner, aldrig cachad, med ansökan och bedömningen bifogade', async () => {
  const response = await postPdf(application);
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'application/pdf');
  assert.equal(response.headers['content-disposition'], 'attachment; filename="sammanstallning-exempla-ost-kommun-2026.pdf"');
  assert.equal(response.headers['cache-control'], 'no-store');
  assert.equal(response.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const attached = await readAttachments(response.rawPayload);
  assert.ok(attached.ok);
  const viaApi = (await app.inject({ method: 'POST', url: '/api/v1/assessments', payload: application })).json();
  assert.deepEqual(attached?.assessment, viaApi);
});

test('en ogiltig ansökan ger samma 400-svar som bedömningen, inte en PDF', async () => {
  const response = await postPdf({ grantYear: 2026 });
  assert.equal(response.statusCode, 400);
  assert.equal(response.json().error, 'invalid_application');
});

test('en skur av 50 samtidiga förfrågningar: några byggs, resten köar eller får 503 med Retry-After, inget annat fel', async () => {
  const responses = await Promise.all(Array.from({ length: 50 }, () => postPdf(application)));
  const statuses = responses.map((r) => r.statusCode);
  const built = statuses.filter((s) => s === 200).length;
  const refused = responses.filter((r) => r.statusCode === 503);
  assert.equal(built + refused.length, 50, `only 200 and 503: ${statuses.join(',')}`);
  assert.ok(built >= WORKER_THREADS + WORK_QUEUE_LIMIT, `${built} built`);
  assert.ok(refused.length > 0, 'some refused');
  for (const r of refused) {
    assert.equal(r.headers['retry-after'], '5');
    assert.equal(r.json().error, 'busy');
  }
  assert.equal((await postPdf(application)).statusCode, 200, 'served again once the burst is over');
});

test('knappen Ladda ner PDF på resultatsidan är en POST med CSRF-skydd', async () => {
  const client = new FormClient(app);
  await client.get('/');
  const base = String((await client.post('/ansokan', {})).headers.location).replace('/bidragsar', '');
  await client.submit(`${base}/bidragsar`, { grantYear: '2026' });
  await client.submit(`${base}/huvudman`, { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal' });
  await client.submit(`${base}/team/ny`, { name: 'Team', schoolForms: 'grundskola', municipalityCode: '0180', status: 'new', contractEducation: 'no' });
  const member = { engagement: 'employment', fte: '1', start: '2025-08-01', origin: 'new', monthlySalary: '40000', employerCostRate: '31,42 %' };
  await client.submit(`${base}/team/1/person/ny`, { ...member, side: 'school', education: 'psychosocial_degree' });
  await client.submit(`${base}/team/1/person/ny`, { ...member, side: 'social_services', education: 'socionomexamen' });
  const result = await client.get(`${base}/resultat`);
  assert.match(result.body, /action="[^"]*\/sammanstallning\.pdf"/);
  assert.equal((await client.post(`${base}/sammanstallning.pdf`, {}, { csrf: null })).statusCode, 403);
  const pdf = await client.post(`${base}/sammanstallning.pdf`, {});
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.match(String(pdf.headers['content-disposition']), /attachment; filename="sammanstallning-exempla-kommun-2026\.pdf"/);
});

async function upload(file: Buffer, { withToken = true } = {}) {
  const page = await app.inject({ method: 'GET', url: '/importera' });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const cookie = String(page.headers['set-cookie']).split(';')[0];
  const { payload, contentType } = multipart(withToken ? token : null, file);
  return app.inject({ method: 'POST', url: '/importera', payload, headers: { cookie, 'content-type': contentType } });
}

test('en sammanställning som PDF öppnas som ett nytt utkast med samma ansökan', async () => {
  const pdf = (await postPdf(application)).rawPayload;
  const response = await upload(pdf);
  assert.equal(response.statusCode, 303);
  const check = String(response.headers.location);
  assert.match(check, /^\/ansokan\/[A-Za-z0-9_-]{22}\/kontrollera$/);
  const restored = (await app.inject({ method: 'GET', url: check.replace('kontrollera', 'ansokan.json') })).json();
  const parsedOriginal = (await app.inject({ method: 'POST', url: '/api/v1/assessments', payload: application })).json();
  const viaRestored = (await app.inject({ method: 'POST', url: '/api/v1/assessments', payload: restored })).json();
  assert.deepEqual(viaRestored.teams, parsedOriginal.teams);
  assert.equal(restored.organiser.name, 'Exempla Öst kommun');
});

test('en fil som inte är en sammanställning ger ett tydligt fel och inget utkast', async () => {
  for (const file of [Buffer.from('inte en pdf'), Buffer.from('%PDF-1.7\n%%EOF\n'), Buffer.alloc(0)]) {
    const response = await upload(file);
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /<title>Fel: Öppna en sammanställning/);
    assert.match(response.body, /href="#file"/);
  }
});

test('uppladdning utan CSRF-token avvisas, och en för stor fil ger 413', async () => {
  assert.equal((await upload(Buffer.from('%PDF-'), { withToken: false })).statusCode, 403);
  assert.equal((await upload(Buffer.alloc(9 * 1024 * 1024, 0x20))).statusCode, 413);
});
