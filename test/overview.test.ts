/**
 * The kommun's overview: applications from several huvudmän made through the drafts API, some
 * marked ready; the page, the CSV and the JSON against hand-computed figures, and no salaries.
 *
 * Every member is full time for the whole of 2026. Hand-computed (RULEBOOK D5–D8):
 *   Exempla kommun, "Team Norr" (0180): school 40 000 × 1.25 × 12 = 600 000, grant 300 000 =
 *     matched; social 30 000 × 1.25 × 12 = 450 000, usable 225 000, risk 75 000; suggestion:
 *     extra cost 150 000 = 0.3333… → 0.34 fte at 37 500 per fte-month over 12 months.
 *   Exempla kommun, "Team Malmö" (1280): not in Stockholm's overview.
 *   Friskolan AB (independent), "Team Söder" (0180): school and social 40 000 × 12 = 480 000
 *     each (no employer cost rate), grant 240 000 = matched = usable, risk 0.
 *   Not ready: Andra kommunen's team in 0180. Ready but 2025: left out of 2026.
 *   Totals for 0180, 2026: grant 540 000, matched 540 000, usable 465 000, risk 75 000.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApplication } from './application-builder.ts';
import { FormClient } from './form-client.ts';
import { buildApp } from './helper.ts';

let app: FastifyInstance;
let exemplaId = '';
before(async () => {
  app = await buildApp();
  const rate = { employerCostRate: '0.25' };
  const make = async (application: unknown, ready: boolean) => {
    const { id } = (await app.inject({ method: 'POST', url: '/api/v1/drafts', payload: application as object })).json();
    if (ready) assert.equal((await app.inject({ method: 'POST', url: `/api/v1/drafts/${id}/ready`, payload: { ready: true } })).statusCode, 200);
    return id as string;
  };
  exemplaId = await make(
    buildApplication({
      teams: [
        { name: 'Team Norr', members: [{ side: 'school', ...rate, monthlySalary: '40000' }, { side: 'social_services', ...rate, monthlySalary: '30000' }] },
        { name: 'Team Malmö', municipalityCode: '1280' },
      ],
    }),
    false, // marked through the result page's form below
  );
  await make(buildApplication({ organiser: { name: 'Friskolan AB', orgNumber: '556036-0793', type: 'independent' }, teams: [{ name: 'Team Söder' }] }), true);
  await make(buildApplication({ organiser: { name: 'Andra kommunen' }, teams: [{ name: 'Inte klar' }] }), false);
  await make(buildApplication({ grantYear: 2025, organiser: { name: 'Förra året' }, teams: [{ name: 'Team 2025' }] }), true);
  await make({ grantYear: 2026, teams: [{ name: 'Ofullständigt', municipalityCode: '0180' }] }, true);
});
after(() => app.close());

test('resultatsidans formulär markerar utkastet som klart och tar bort det igen', async () => {
  const client = new FormClient(app);
  const page = await client.get(`/ansokan/${exemplaId}/resultat`);
  assert.match(page.body, /Markera som klar för kommunens översikt/);
  const marked = await client.post(`/ansokan/${exemplaId}/klar`, { ready: 'ja' });
  assert.equal(marked.statusCode, 303);
  assert.equal(marked.headers.location, `/ansokan/${exemplaId}/resultat`);
  assert.match((await client.get(`/ansokan/${exemplaId}/resultat`)).body, /Ta bort från kommunens översikt/);
  await client.post(`/ansokan/${exemplaId}/klar?lang=en`, { ready: 'nej' });
  assert.equal((await app.inject({ url: `/api/v1/drafts/${exemplaId}` })).json().ready, false);
  assert.equal((await client.post(`/ansokan/${exemplaId}/klar`, { ready: 'ja' }, { csrf: null })).statusCode, 403);
  await client.get(`/ansokan/${exemplaId}/resultat`);
  await client.post(`/ansokan/${exemplaId}/klar`, { ready: 'ja' });
  assert.equal((await app.inject({ url: `/api/v1/drafts/${exemplaId}` })).json().ready, true);
});

test('JSON: bara klara utkast för året och kommunen, med handräknade belopp och summor', async () => {
  const response = await app.inject({ url: '/api/v1/municipalities/0180/allocation?year=2026' });
  assert.equal(response.statusCode, 200);
  const body = response.json();
  assert.equal(body.municipality, 'Stockholm');
  assert.deepEqual(body.teams, [
    {
      organiser: { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal' },
      team: 'Team Norr',
      status: 'eligible',
      skolverketGrant: '300000',
      matched: '300000',
      matchedUsable: '225000',
      repaymentRisk: '75000',
      // No cost per fte-month: with one social-services member it would be that person's cost.
      staffingSuggestion: { extraCost: '150000', fte: '0.34', months: '12.00', basis: 'social_services' },
    },
    {
      organiser: { name: 'Friskolan AB', orgNumber: '556036-0793', type: 'independent' },
      team: 'Team Söder',
      status: 'eligible',
      skolverketGrant: '240000',
      matched: '240000',
      matchedUsable: '240000',
      repaymentRisk: '0',
      staffingSuggestion: null,
    },
  ]);
  assert.deepEqual(body.totals, { skolverketGrant: '540000', matched: '540000', matchedUsable: '465000', repaymentRisk: '75000', extraCost: '150000' });
  assert.doesNotMatch(response.body, /monthlySalary|\b30000\b|\b40000\b|\b37500\b|members/, 'no salaries');

  const malmo = (await app.inject({ url: '/api/v1/municipalities/1280/allocation?year=2026' })).json();
  assert.deepEqual(malmo.teams.map((t: { team: string }) => t.team), ['Team Malmö']);
  assert.equal((await app.inject({ url: '/api/v1/municipalities/0180/allocation?year=2025' })).json().teams[0].team, 'Team 2025');
});

test('fel kommun, saknat eller felaktigt år och år utan regler', async () => {
  assert.equal((await app.inject({ url: '/api/v1/municipalities/9999/allocation?year=2026' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/api/v1/municipalities/0180/allocation' })).statusCode, 400);
  assert.equal((await app.inject({ url: '/api/v1/municipalities/0180/allocation?year=abc' })).json().error, 'invalid_year');
  assert.equal((await app.inject({ url: '/api/v1/municipalities/0180/allocation?year=1999' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/kommun/9999?ar=2026' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/kommun/9999/oversikt.csv?ar=2026' })).statusCode, 404);
  const noYear = await app.inject({ url: '/kommun/0180' });
  assert.equal(noYear.statusCode, 200);
  assert.match(noYear.body, /<select class="select" id="ar" name="ar">/);
  const badYear = await app.inject({ url: '/kommun/0180?ar=tjugo' });
  assert.equal(badYear.statusCode, 400);
  assert.match(badYear.body, /Välj ett bidragsår i listan/);
  assert.equal((await app.inject({ url: '/kommun/0180?ar=1999' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/kommun/0180/oversikt.csv' })).statusCode, 400);
});

test('sidan: tabell med summor som stämmer med JSON, länk till CSV, inga löner', async () => {
  const page = await app.inject({ url: '/kommun/0180?ar=2026' });
  assert.equal(page.statusCode, 200);
  const body = page.body;
  assert.match(body, /<caption id="overview-caption">Team i Stockholm, bidragsår 2026<\/caption>/);
  assert.match(body, /<th scope="col" class="numeric">Risk att betala tillbaka<\/th>/);
  const rows = body.match(/<tr><td>.*?<\/tr>/g) ?? [];
  assert.equal(rows.length, 2);
  assert.match(rows[0], /Exempla kommun<\/td><td>Kommun<\/td><th scope="row">Team Norr<\/th>.*300\u00a0000\u00a0kr.*225\u00a0000\u00a0kr.*75\u00a0000\u00a0kr.*0,34 tjänst mer från socialtjänsten/);
  assert.match(rows[1], /Friskolan AB<\/td><td>Enskild huvudman/);
  assert.match(body, /<tfoot><tr><th scope="row" colspan="4">Summa<\/th><td class="numeric">540\u00a0000\u00a0kr<\/td><td class="numeric">540\u00a0000\u00a0kr<\/td><td class="numeric">465\u00a0000\u00a0kr<\/td><td class="numeric">75\u00a0000\u00a0kr<\/td>/);
  assert.match(body, /href="\/kommun\/0180\/oversikt.csv\?ar=2026"/);
  assert.doesNotMatch(body, /Inte klar|Team Malmö|Team 2025|(?<!\d)30\u00a0000|(?<!\d)40\u00a0000|37\u00a0500/);
  const en = await app.inject({ url: '/kommun/0180?ar=2026&lang=en' });
  assert.match(en.body, /<html lang="en"/);
  assert.match(en.body, /SEK\u00a0540,000/);
  assert.match(en.body, /href="\/kommun\/0180\/oversikt.csv\?ar=2026&amp;lang=en"/);
});

test('CSV: BOM, rubrikrad, en rad per team, summarad, semikolon och hela kronor', async () => {
  const response = await app.inject({ url: '/kommun/0180/oversikt.csv?ar=2026' });
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.match(String(response.headers['content-disposition']), /attachment; filename="oversikt-0180-2026.csv"/);
  assert.ok(response.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'UTF-8 BOM');
  const lines = response.body.replace(/^\ufeff/, '').trimEnd().split('\r\n');
  assert.equal(lines.length, 4);
  assert.match(lines[0], /^Huvudman;Organisationsnummer;Typ;Team;Bedömning;Skolverkets bidrag;Socialstyrelsens belopp;Del kommunen får använda;Risk att betala tillbaka;/);
  assert.equal(lines[1], 'Exempla kommun;212000-0142;Kommun;Team Norr;Uppfyller villkoren;300000;300000;225000;75000;0,34;150000');
  assert.equal(lines[2], 'Friskolan AB;556036-0793;Enskild huvudman (fristående skola);Team Söder;Uppfyller villkoren;240000;240000;240000;0;;');
  assert.equal(lines[3], 'Summa;;;;;540000;540000;465000;75000;;150000');
  // The CSV's totals are the JSON's.
  const json = (await app.inject({ url: '/api/v1/municipalities/0180/allocation?year=2026' })).json();
  assert.deepEqual(lines[3].split(';').slice(5, 9), [json.totals.skolverketGrant, json.totals.matched, json.totals.matchedUsable, json.totals.repaymentRisk]);
});

test('startsidan länkar till översikten med ett GET-formulär', async () => {
  const start = await app.inject({ url: '/' });
  assert.match(start.body, /För kommunens ekonomer: kommunens översikt/);
  assert.match(start.body, /<form method="get" action="\/kommun"/);
  assert.equal((start.body.match(/<option value="\d{4}">[^<]+ \(\d{4}\)<\/option>/g) ?? []).length, 290);
  const go = await app.inject({ url: '/kommun?kommun=0180&ar=2026' });
  assert.equal(go.statusCode, 303);
  assert.equal(go.headers.location, '/kommun/0180?ar=2026');
});
