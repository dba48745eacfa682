/** /uppskattning: the quick estimate runs the same engine, reports errors with 422 and can start a draft. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { splitFte } from '../forms/estimate.ts';
import { FormClient } from './form-client.ts';
import { buildApp } from './helper.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp();
});
after(() => app.close());

const typical = { grantYear: '2026', schoolFte: '1,5', socialFte: '1', schoolCost: '55 000', socialCost: '52 000', months: '12' };

test('fte över 1 delas i personer om högst 1,00', () => {
  assert.deepEqual(splitFte('2.50'), ['1.00', '1.00', '0.50']);
  assert.deepEqual(splitFte('0.75'), ['0.75']);
});

test('en typisk uppskattning: bemanningen räcker, bidrag och kommunens belopp visas', async () => {
  const client = new FormClient(app);
  assert.equal((await client.get('/uppskattning')).statusCode, 200);
  const response = await client.post('/uppskattning', typical);
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /Bemanningen räcker för bidrag/);
  assert.match(response.body, /Minst två årsarbetskrafter i teamet/);
  assert.match(response.body, /data-amount="grant">495\u00a0000\u00a0kr/);
  assert.match(response.body, /Del kommunen får använda/);
  assert.match(response.body, /Risk att betala tillbaka/);
  assert.match(response.body, /Starta en ansökan med de här uppgifterna/);
});

test('skolpersonal 0,5 räcker inte för bidrag', async () => {
  const client = new FormClient(app);
  await client.get('/uppskattning');
  const response = await client.post('/uppskattning', { ...typical, schoolFte: '0,5' });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /Bemanningen räcker inte för bidrag/);
  assert.match(response.body, /Inte uppfyllt/);
});

test('2023: perioden börjar 2023-05-10 och kommunens belopp lämnas först från 2024', async () => {
  const client = new FormClient(app);
  await client.get('/uppskattning');
  const response = await client.post('/uppskattning', { ...typical, grantYear: '2023', months: '3' });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /2023-05-10 – 2023-08-09/);
  assert.match(response.body, /från bidragsåret 2024/);
});

test('felaktiga uppgifter ger 422 med felsammanfattning, aldrig 5xx', async () => {
  const client = new FormClient(app);
  await client.get('/uppskattning');
  const response = await client.post('/uppskattning', { ...typical, schoolFte: 'mycket', months: '13', grantYear: '1999' });
  assert.equal(response.statusCode, 422);
  assert.match(response.body, /<title>Fel: /);
  assert.match(response.body, /<a href="#schoolFte">/);
  assert.match(response.body, /<a href="#months">/);
  assert.match(response.body, /<a href="#grantYear">/);
  const english = await client.post('/uppskattning?lang=en', {});
  assert.equal(english.statusCode, 422);
  assert.match(english.body, /<title>Error: /);
});

test('"Starta en ansökan" skapar ett utkast med personerna och går till kontrollsidan', async () => {
  const client = new FormClient(app);
  await client.get('/uppskattning');
  await client.post('/uppskattning', typical);
  const started = await client.post('/uppskattning/utkast', typical);
  assert.equal(started.statusCode, 303);
  const location = String(started.headers.location);
  assert.match(location, /^\/ansokan\/[^/]+\/kontrollera$/);
  const check = await client.get(location);
  assert.equal(check.statusCode, 200);
  assert.match(check.body, /Skolkurator \(p1\)/);
  assert.match(check.body, /Skolkurator \(p2\)/);
  assert.match(check.body, /Socialsekreterare \(p3\)/);
  assert.equal((await client.post('/uppskattning/utkast', typical, { csrf: null })).statusCode, 403);
});
