/** /uppskattning: the quick estimate runs the same engine, reports errors with 422 and can start a draft. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { splitFte } from '../forms/estimate.ts';
import { roundBeingPrepared } from '../src/grant-round.ts';
import { todayInSweden } from '../src/lang.ts';
import { FormClient } from './form-client.ts';
import { buildApp } from './helper.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp();
});
after(() => app.close());

/** The result section alone: the form below it lists every kommun. */
const resultOf = (html: string) => html.slice(html.indexOf('<section aria-labelledby="estimate-result">'), html.indexOf('</section>'));

const typical = { grantYear: '2026', municipalityCode: '1480', schoolFte: '1,5', socialFte: '1', schoolCost: '55 000', socialCost: '52 000', months: '12' };

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

test('uppskattningen säger vad den antar: den valda kommunen, nya teamet, personerna per sida och nyanställda', async () => {
  const client = new FormClient(app);
  await client.get('/uppskattning');
  const response = await client.post('/uppskattning', typical);
  const result = resultOf(response.body);
  assert.doesNotMatch(result, /Stockholm|0180/);
  assert.doesNotMatch(result, /sedan tidigare/);
  assert.match(result, /Ett nytt team för grundskolan i Göteborg \(1480\), 2026-01-01 – 2026-12-31\./);
  assert.match(result, /3 personer: 2 personer från skolan och 1 person från socialtjänsten, var och en på högst heltid\./);
  assert.match(result, /Alla är nyanställda för teamet från periodens början och anställda tills vidare\./);
  const english = await client.post('/uppskattning?lang=en', { ...typical, schoolFte: '0.75', socialFte: '1.5', schoolCost: '55000', socialCost: '52000' });
  assert.match(english.body, /3 people: 1 person from the school and 2 people from social services/);
});

test('risken att betala tillbaka förklaras med den bemanning som tar bort den', async () => {
  const client = new FormClient(app);
  await client.get('/uppskattning');
  // School: 1,5 × 55 000 × 12 × 0,5 = 495 000 kr to the huvudman and as much to the kommun;
  // social services: 1 × 52 000 × 12 × 0,5 = 312 000 kr usable, so 183 000 kr at risk.
  const response = await client.post('/uppskattning', typical);
  assert.match(response.body, /Socialstyrelsen ger Göteborg \(1480\) lika mycket som Skolverket ger huvudmannen för teamet, 495\u00a0000\u00a0kr\./);
  assert.match(response.body, /högst hälften av sin egen kostnad för socialtjänstens personal/);
  assert.match(response.body, /Här är hälften av kostnaden 312\u00a0000\u00a0kr\. Resten, 183\u00a0000\u00a0kr, kan kommunen få betala tillbaka\./);
  // 2 × 183 000 = 366 000 kr more, at 52 000 kr a month for 12 months: 0,59 fte (rounded up).
  assert.match(
    response.body,
    /Så tas risken bort: 0,59 tjänst mer från socialtjänsten under 12,00 månader \(366\u00a0000\u00a0kr mer i kostnad\)\. Då får kommunen använda hela beloppet\./,
  );
});

test('ingen risk när socialtjänstens halva kostnad räcker: inget förslag', async () => {
  const client = new FormClient(app);
  await client.get('/uppskattning');
  const response = await client.post('/uppskattning', { ...typical, schoolFte: '1', socialFte: '1', socialCost: '55 000' });
  assert.match(response.body, /Här är hälften av kostnaden minst lika mycket, så kommunen får använda hela beloppet\./);
  assert.doesNotMatch(response.body, /Så tas risken bort/);
});

test('utan kommun: ett tydligt fel vid kommunvalet, och en okänd kod avvisas', async () => {
  const client = new FormClient(app);
  await client.get('/uppskattning');
  const { municipalityCode: _none, ...withoutKommun } = typical;
  for (const body of [withoutKommun, { ...typical, municipalityCode: '' }, { ...typical, municipalityCode: '9999' }]) {
    const response = await client.post('/uppskattning', body);
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /<a href="#municipalityCode">Välj kommunen vars socialtjänst ska delta i teamet\./);
    assert.match(response.body, /id="municipalityCode"[^>]*aria-invalid="true"/);
  }
});

test('bidragsåret är förvalt till den omgång som förbereds', async () => {
  const client = new FormClient(app);
  const page = await client.get('/uppskattning');
  const year = roundBeingPrepared(todayInSweden());
  assert.match(page.body, new RegExp(`id="grantYear-${year}"[^>]*checked`));
  assert.match(page.body, /<option value="">Välj kommun<\/option>/);
  assert.doesNotMatch(page.body, /<option value="\d{4}" selected>/);
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
  assert.match(check.body, /Göteborg \(1480\)/);
  assert.equal((await client.post('/uppskattning/utkast', typical, { csrf: null })).statusCode, 403);
});
