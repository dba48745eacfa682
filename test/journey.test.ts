/**
 * The guided check through its pages, as a browser without JavaScript: every page's GET and
 * POST, valid and invalid input, CSRF, body limits, editing from "check your answers", and
 * the result page agreeing with the JSON API.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { FormClient } from './form-client.ts';
import { addTeam, school, social, startDraft, team } from './journey-answers.ts';
import { buildApp } from './helper.ts';
import { namePeople } from '../src/result-words.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp();
});
after(() => app.close());

describe('startsidan och utkastet', () => {
  test('Starta skapar ett utkast med en id som inte går att gissa och går till bidragsåret', async () => {
    const client = new FormClient(app);
    await client.get('/');
    const response = await client.post('/ansokan', {});
    assert.equal(response.statusCode, 303);
    const id = /\/ansokan\/([^/]+)\/bidragsar$/.exec(String(response.headers.location))?.[1] ?? '';
    assert.match(id, /^[A-Za-z0-9_-]{22,}$/);
  });

  test('POST utan CSRF-token eller med fel token avvisas med 403', async () => {
    const client = new FormClient(app);
    await client.get('/');
    assert.equal((await client.post('/ansokan', {}, { csrf: null })).statusCode, 403);
    assert.equal((await client.post('/ansokan', {}, { csrf: 'fel-token' })).statusCode, 403);
  });

  test('ett utkast som inte finns ger 404', async () => {
    const client = new FormClient(app);
    const response = await client.get('/ansokan/AAAAAAAAAAAAAAAAAAAAAA/bidragsar');
    assert.equal(response.statusCode, 404);
    assert.match(response.body, /Sidan finns inte/);
  });
});

describe('frågesidorna', () => {
  test('POST /ansokan/…/bidragsar utan val visar felet vid fältet med status 422 och Fel: i titeln', async () => {
    const client = new FormClient(app);
    await client.get('/');
    const base = String((await client.post('/ansokan', {})).headers.location).replace('/bidragsar', '');
    const response = await client.submit(`${base}/bidragsar`, {});
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /<title>Fel: Vilket bidragsår gäller ansökan\?/);
    assert.match(response.body, /<a href="#grantYear">Välj vilket bidragsår/);
    assert.match(response.body, /id="grantYear-error"/);
  });

  test('bidragsårets ledtext tar bidragsperioderna från regeluppsättningarna', async () => {
    const client = new FormClient(app);
    await client.get('/');
    const base = String((await client.post('/ansokan', {})).headers.location).replace('/bidragsar', '');
    assert.match(
      (await client.get(`${base}/bidragsar`)).body,
      /Reglerna bestäms av bidragsåret\. För 2023 gäller perioden 10 maj–31 december 2023, från 2024 hela kalenderåret\./,
    );
    assert.match((await client.get(`${base}/bidragsar?lang=en`)).body, /For 2023 the period is 10 May–31 December 2023, from 2024 the whole calendar year\./);
  });

  test('POST /ansokan/…/huvudman med fel kontrollsiffra säger vad som är fel och behåller det skrivna', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    const response = await client.submit(`${base}/huvudman`, { name: 'Exempla kommun', orgNumber: '212000-0143', type: 'municipal' });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /Organisationsnumret stämmer inte/);
    assert.match(response.body, /value="Exempla kommun"/);
    assert.match(response.body, /value="212000-0143"/);
  });

  test('POST /ansokan/…/team/ny utan skolform och med period utanför bidragsåret visar båda felen', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    const response = await client.submit(`${base}/team/ny`, { ...team, schoolForms: [], periodFrom: '2025-12-01', periodTo: '2026-06-30' });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /href="#schoolForms"/);
    assert.match(response.body, /href="#periodFrom"[^>]*>Perioden måste ligga inom bidragsperioden 2026-01-01–2026-12-31/);
  });

  test('POST /ansokan/…/person/ny utan tjänstgöringsgrad visar fel vid fältet och förlåter svenska tal och datum', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    const people = await addTeam(client, base, []);
    const invalid = await client.submit(people.replace('/personer', '/person/ny'), { ...school, fte: '' });
    assert.equal(invalid.statusCode, 422);
    assert.match(invalid.body, /href="#fte"[^>]*>Skriv tjänstgöringsgraden/);
    assert.match(invalid.body, /value="42 000"/);
    const wrongSide = await client.submit(people.replace('/personer', '/person/ny'), { ...school, education: 'socionomexamen' });
    assert.equal(wrongSide.statusCode, 422);
    assert.match(wrongSide.body, /För skolpersonal: välj examen/);
    const valid = await client.submit(people.replace('/personer', '/person/ny'), { ...school, fte: '50 %' });
    assert.equal(valid.statusCode, 303);
    const list = await client.get(people);
    assert.match(list.body, /Skolpersonal, 0,50 tjänstgöringsgrad, 2025-08-15 – tills vidare/);
  });

  test('styrtecken i ett textfält tas bort i stället för att ge ett serverfel', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    const people = await addTeam(client, base, []);
    const saved = await client.submit(people.replace('/personer', '/person/ny'), { ...school, role: 'Kura\u0000tor\u0007' });
    assert.equal(saved.statusCode, 303);
    assert.match((await client.get(people)).body, /Kurator \(p1\)/);
  });

  test('en för stor kropp ger 413 och en felsida', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await client.get(`${base}/huvudman`);
    const response = await client.post(`${base}/huvudman`, { name: 'x'.repeat(1_100_000), orgNumber: '', type: '' });
    assert.equal(response.statusCode, 413);
    assert.match(response.body, /för stort/);
  });
});

describe('kontrollera svaren och resultatet', () => {
  test('ett bidragsberättigat team: kontrollsidan visar svaren och resultatet stämmer med API:et', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await addTeam(client, base, [school, social]);
    const check = await client.get(`${base}/kontrollera`);
    assert.equal(check.statusCode, 200);
    assert.match(check.body, /Skolsocialt team Norr/);
    assert.match(check.body, /Stockholm \(0180\)/);
    assert.match(check.body, /Ändra<span class="visually-hidden"> Bidragsår/);
    assert.match(check.body, /finns kvar i 30 dagar/);
    const result = await client.get(`${base}/resultat`);
    assert.equal(result.statusCode, 200);
    assert.match(result.body, /Ansökan uppfyller villkoren för bidrag/);
    assert.match(result.body, /331\u00a0178\u00a0kr/);
    assert.match(result.body, /<svg class="chart"[^>]*role="img"/);

    const application = (await client.get(`${base}/ansokan.json`)).json();
    const viaApi = (await app.inject({ method: 'POST', url: '/api/v1/assessments', payload: application })).json();
    const viaPage = (await client.get(`${base}/bedomning.json`)).json();
    assert.deepEqual(viaPage.findings, viaApi.findings);
    assert.deepEqual(viaPage.teams, viaApi.teams);
    assert.deepEqual(viaPage.amounts, viaApi.amounts);
    assert.equal(viaPage.status, viaApi.status);
    // Every finding is on the page, its people named by the role typed; with one team the
    // organiser's teams together are that team, so their staffing findings are shown once, as the team's.
    const people = application.teams.flatMap((t: { members: Array<{ id: string; role?: string }> }) => t.members);
    for (const finding of viaApi.findings) {
      const shown = escapeHtml(namePeople(finding.message, people));
      const repeated = finding.scope === 'application' && ['team-total-fte', 'school-staff-fte', 'social-services-fte'].includes(finding.rule);
      assert.equal(result.body.includes(shown), !repeated, shown);
    }
    assert.doesNotMatch(result.body, /\bp[12](?: |:s)/, 'no bare member ids');
  });

  test('ett team som inte uppfyller villkoren är ett resultat med åtgärder, inte ett valideringsfel', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await addTeam(client, base, [school, { ...social, fte: '0,5' }]);
    const result = await client.get(`${base}/resultat`);
    assert.equal(result.statusCode, 200);
    assert.match(result.body, /Ansökan uppfyller inte villkoren för bidrag/);
    assert.match(result.body, /Öka tjänstgöringsgraden för personalen från socialtjänsten med 0,50 från 2026-01-01 till 2026-12-31/);
  });

  test('okänd utbildning ger behöver bedömas', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await addTeam(client, base, [school, { ...social, education: 'unknown' }]);
    const result = await client.get(`${base}/resultat`);
    assert.match(result.body, /Ansökan behöver bedömas/);
    assert.match(result.body, /Ange utbildningen för Skolsocionom \(p2\)/);
    // The to-do list leads to the page where the education is given, and back to check answers.
    assert.match(result.body, /<a class="finding__title" href="[^"]*\/team\/1\/person\/p2\?fran=kontrollera">[^<]*Skolsocionom \(p2\)<\/a>/);
  });

  test('Ändra från kontrollsidan går tillbaka till kontrollsidan efter sparandet', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await addTeam(client, base, [school, social]);
    const check = await client.get(`${base}/kontrollera`);
    const change = /href="([^"]*\/person\/p2\?fran=kontrollera)"/.exec(check.body)?.[1];
    assert.ok(change, 'an Ändra link for p2');
    const page = await client.get(change);
    assert.match(page.body, /action="[^"]*person\/p2\?fran=kontrollera"/);
    const saved = await client.post(change, { ...social, fte: '0,75' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `${base}/kontrollera`);
    assert.match((await client.get(`${base}/kontrollera`)).body, /0,75 tjänstgöringsgrad/);
  });

  test('det som saknas listas på kontrollsidan med länk till sidan där det fylls i', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await addTeam(client, base, []);
    const check = await client.get(`${base}/kontrollera`);
    assert.match(check.body, /Det här behöver fyllas i/);
    assert.match(check.body, /href="[^"]*\/team\/1\/personer\?fran=kontrollera"/);
    assert.doesNotMatch(check.body, /Se resultatet/);
  });

  test('flera team: ett team utan egen bemanning får bidrag tillsammans med det andra', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await addTeam(client, base, [school, social]);
    await addTeam(client, base, [school], { name: 'Team Syd' });
    const result = await client.get(`${base}/resultat`);
    assert.match(result.body, /Uppfyller villkoren tillsammans med huvudmannens andra team/);
    assert.match(result.body, /331\u00a0178\u00a0kr \+ 331\u00a0178\u00a0kr = 662\u00a0356\u00a0kr/);
  });

  test('ett återupptaget utkast bedöms på nytt och säger när resultatet har ändrats', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await addTeam(client, base, [school, social]);
    assert.doesNotMatch((await client.get(`${base}/resultat`)).body, /har ändrats/);
    await client.submit(`${base}/team/1/person/p2`, { ...social, fte: '0,5' });
    const again = new FormClient(app);
    assert.match((await again.get(`${base}/resultat`)).body, /Resultatet har ändrats sedan du senast såg det/);
  });

  test('ta bort en person och ett team, och radera hela utkastet med en POST', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await addTeam(client, base, [school, social]);
    assert.match((await client.get(`${base}/team/1/person/p1/ta-bort`)).body, /Vill du ta bort Skolkurator \(p1\)/);
    assert.equal((await client.post(`${base}/team/1/person/p1/ta-bort`, {})).headers.location, `${base}/team/1/personer`);
    assert.doesNotMatch((await client.get(`${base}/team/1/personer`)).body, /Skolkurator \(p1\)/);
    await client.get(`${base}/team/1/ta-bort`);
    assert.equal((await client.post(`${base}/team/1/ta-bort`, {})).headers.location, `${base}/team`);
    await client.get(`${base}/radera`);
    assert.equal((await client.post(`${base}/radera`, {}, { csrf: null })).statusCode, 403);
    await client.get(`${base}/radera`);
    assert.equal((await client.post(`${base}/radera`, {})).statusCode, 200);
    assert.equal((await client.get(`${base}/kontrollera`)).statusCode, 404);
  });
});

describe('bemanningen medan personerna läggs till', () => {
  /** The staffing box on a team's people page, tags and spaces made plain. */
  const staffingBox = (body: string) =>
    (/<div class="staffing-now"[\s\S]*?<\/div>/.exec(body)?.[0] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim();

  test('personsidan visar varje sidas lägsta tjänstgöringsgrad mot minimum, med ✓ eller ✗ och i ord', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    const people = await addTeam(client, base, [school, { ...school, role: 'Skolpsykolog', fte: '0,1' }, { ...social, fte: '0,99' }]);
    const box = staffingBox((await client.get(people)).body);
    assert.match(
      box,
      /^Bemanningen under teamets period Skolpersonal: lägst 1,10 av minst 1,00 ✓ \(räcker\) Socialtjänsten: lägst 0,99 av minst 1,00 ✗ \(räcker inte\)/,
    );
    // The boundary: exactly the minimum is enough.
    await client.submit(`${people.replace('/personer', '/person/p3')}`, { ...social, fte: '1,00' });
    assert.match(staffingBox((await client.get(people)).body), /Socialtjänsten: lägst 1,00 av minst 1,00 ✓ \(räcker\)/);
    assert.match(
      staffingBox((await client.get(`${people}?lang=en`)).body),
      /School staff: lowest 1\.10 of at least 1\.00 ✓ \(enough\) Social services: lowest 1\.00 of at least 1\.00 ✓ \(enough\)/,
    );
  });

  test('utan personer visas ingen bemanning, och en person utan godkänd utbildning räknas inte', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    const people = await addTeam(client, base, []);
    assert.equal(staffingBox((await client.get(people)).body), '');
    await client.submit(people.replace('/personer', '/person/ny'), { ...school, education: 'unknown' });
    assert.match(staffingBox((await client.get(people)).body), /Skolpersonal: lägst 0,00 av minst 1,00 ✗/);
  });

  test('kontrollsidan varnar före resultatet när sommaren lämnar en sida kort, med datumen och länk till personerna', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await addTeam(client, base, [school, { ...social, end: '31/5 2026' }, { ...social, role: 'Socionom', start: '1/9 2026' }]);
    const check = (await client.get(`${base}/kontrollera`)).body;
    assert.match(check, /<h2 id="staffing-warning-title">Bemanningen räcker inte varje dag<\/h2>/);
    assert.match(
      check,
      /<li>Skolsocialt team Norr: personalen från socialtjänsten har mindre än 1,00 årsarbetskraft under 2026-06-01–2026-08-31\. <a href="[^"]*\/team\/1\/personer\?fran=kontrollera">Ändra personerna i Skolsocialt team Norr<\/a><\/li>/,
    );
    assert.ok(check.indexOf('staffing-warning-title') < check.indexOf('Se resultatet'), 'before the result');
    assert.doesNotMatch(check, /skolpersonalen har mindre/, 'the school side is not short');

    const whole = new FormClient(app);
    const other = await startDraft(whole);
    await addTeam(whole, other, [school, social]);
    assert.doesNotMatch((await whole.get(`${other}/kontrollera`)).body, /staffing-warning-title/, 'no warning when every day is staffed');
  });
});

describe('på engelska', () => {
  test('hela vägen går på engelska och formulären behåller språket', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client, 'en');
    const teams = await client.get(`${base}/team?lang=en`);
    assert.match(teams.body, /<html lang="en">/);
    const created = await client.submit(`${base}/team/ny?lang=en`, team);
    assert.match(String(created.headers.location), /\?lang=en$/);
    await client.submit(`${base}/team/1/person/ny?lang=en`, school);
    await client.submit(`${base}/team/1/person/ny?lang=en`, social);
    const result = await client.get(`${base}/resultat?lang=en`);
    assert.match(result.body, /The application meets the conditions for a grant/);
    assert.match(result.body, /SEK\u00a0331,178/);
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
