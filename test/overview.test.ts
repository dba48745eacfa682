/**
 * The kommun's overview: finance staff create one for Stockholm 2026, coordinators share their
 * drafts into it with the submission code (from the result page, and through the API); the
 * page, the CSV and the JSON against hand-computed figures, with huvudman names and no org
 * numbers or salaries.
 *
 * Every member is full time for the whole of 2026. Hand-computed (decisions D5–D8):
 *   Exempla kommun, "Team Norr" (0180): school 40 000 × 1.25 × 12 = 600 000, grant 300 000 =
 *     matched; social 30 000 × 1.25 × 12 = 450 000, usable 225 000, risk 75 000; suggestion:
 *     extra cost 150 000 = 0.3333… → 0.34 fte at 37 500 per fte-month over 12 months.
 *   Exempla kommun, "Team Malmö" (1280): not in Stockholm's overview.
 *   Friskolan AB (independent), "Team Söder" (0180): school and social 40 000 × 12 = 480 000
 *     each (no employer cost rate), grant 240 000 = matched = usable, risk 0.
 *   Not shared: Andra kommunen's team in 0180. Shared into the 2025 overview: left out of 2026.
 *   Totals for 0180, 2026: grant 540 000, matched 540 000, usable 465 000, risk 75 000.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApplication } from './application-builder.ts';
import { team as answeredTeam } from './journey-answers.ts';
import { createOverview, exempla, expectedTeams, expectedTotals, friskolan, makeDraft } from './fixtures/overviews.ts';
import { FormClient } from './form-client.ts';
import { buildApp, withoutCellLabels } from './helper.ts';

let app: FastifyInstance;
let exemplaId = '';
let stockholm = { key: '', submissionCode: '' };

before(async () => {
  app = await buildApp();
  stockholm = await createOverview(app, '0180', 2026);
  const lastYear = await createOverview(app, '0180', 2025);
  exemplaId = await makeDraft(app, exempla); // shared through the result page below
  await makeDraft(app, friskolan, stockholm.submissionCode);
  await makeDraft(app, buildApplication({ organiser: { name: 'Andra kommunen' }, teams: [{ name: 'Inte delad' }] }));
  await makeDraft(app, buildApplication({ grantYear: 2025, organiser: { name: 'Förra året' }, teams: [{ name: 'Team 2025' }] }), lastYear.submissionCode);
});
after(() => app.close());

test('resultatsidan delar utkastet med koden, visar först exakt vad kommunen ser, och kan ta tillbaka det', async () => {
  const client = new FormClient(app);
  const result = await client.get(`/ansokan/${exemplaId}/resultat`);
  // Collapsed under its name, which says what it is shared with.
  assert.match(result.body, /<details class="details share">\s*<summary>Dela med kommunens översikt<\/summary>/);
  assert.match(result.body, /Ansökan är inte delad med någon översikt/);
  assert.match(result.body, new RegExp(`<form method="post" action="/ansokan/${exemplaId}/oversikt"`));

  const preview = await client.post(`/ansokan/${exemplaId}/oversikt`, { code: ` ${stockholm.submissionCode} ` });
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /<h1>Det här ser Stockholm i översikten för 2026<\/h1>/);
  const rows = withoutCellLabels(preview.body).match(/<tr><td>.*?<\/tr>/g) ?? [];
  assert.equal(rows.length, 1, 'only the team in Stockholm');
  assert.match(
    rows[0],
    /Exempla kommun<\/td><td>Kommun<\/td><th scope="row">Team Norr<\/th><td>Uppfyller villkoren<\/td><td class="numeric">300\u00a0000\u00a0kr/,
  );
  assert.doesNotMatch(preview.body, /Team Malmö|212000-0142|(?<!\d)40\u00a0000|(?<!\d)30\u00a0000/);
  assert.equal((await app.inject({ url: `/api/v1/overviews/${stockholm.key}` })).json().teams.length, 1, 'nothing shared before the button');

  const shared = await client.post(`/ansokan/${exemplaId}/oversikt/dela`, { code: stockholm.submissionCode });
  assert.equal(shared.statusCode, 303);
  assert.equal(shared.headers.location, `/ansokan/${exemplaId}/oversikt`);
  const page = await client.get(`/ansokan/${exemplaId}/oversikt`);
  assert.match(page.body, /Stockholm, bidragsår 2026 \(delad /);
  assert.match(
    (await client.get(`/ansokan/${exemplaId}/resultat`)).body,
    /<summary>Dela med kommunens översikt \(Ansökan är delad med Stockholm, bidragsår 2026\)<\/summary>/,
  );
  assert.equal((await app.inject({ url: `/api/v1/overviews/${stockholm.key}` })).json().teams.length, 2);
  assert.match((await client.get(`/ansokan/${exemplaId}/historik`)).body, /delade ansökan med kommunens översikt för Stockholm \(0180\) 2026/);

  // Without the CSRF token nothing happens.
  assert.equal((await client.post(`/ansokan/${exemplaId}/oversikt/ta-tillbaka`, { overview: 'x' }, { csrf: null })).statusCode, 403);
  const overviewId = /name="overview" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  await client.post(`/ansokan/${exemplaId}/oversikt/ta-tillbaka`, { overview: overviewId });
  assert.equal((await app.inject({ url: `/api/v1/overviews/${stockholm.key}` })).json().teams.length, 1, 'withdrawn');
  await client.get(`/ansokan/${exemplaId}/oversikt?lang=en`);
  await client.post(`/ansokan/${exemplaId}/oversikt/dela?lang=en`, { code: stockholm.submissionCode });
  assert.match((await client.get(`/ansokan/${exemplaId}/resultat?lang=en`)).body, /Stockholm, grant year 2026 \(shared /);
});

test('JSON: bara delade utkast för året och kommunen, med huvudmannens namn, handräknade belopp och summor', async () => {
  const response = await app.inject({ url: `/api/v1/overviews/${stockholm.key}` });
  assert.equal(response.statusCode, 200);
  const body = response.json();
  assert.equal(body.municipality, 'Stockholm');
  assert.equal(body.grantYear, 2026);
  assert.deepEqual(body.teams, expectedTeams);
  assert.deepEqual(body.totals, expectedTotals);
  assert.equal(body.uncounted, 0);
  assert.doesNotMatch(response.body, /monthlySalary|\b30000\b|\b40000\b|\b37500\b|members|orgNumber|212000-0142|556036-0793/, 'no salaries or org numbers');
});

test('sidan: tabell med summor som stämmer med JSON, länk till CSV, hur länge den sparas, inga löner', async () => {
  const page = await app.inject({ url: `/oversikt/${stockholm.key}` });
  assert.equal(page.statusCode, 200);
  const body = page.body;
  assert.match(body, /<h1>Kommunens översikt: Stockholm, bidragsår 2026<\/h1>/);
  assert.match(body, /<caption id="overview-caption">Team i Stockholm, bidragsår 2026<\/caption>/);
  assert.match(body, /<th scope="col" class="numeric">Risk att betala tillbaka<\/th>/);
  const rows = withoutCellLabels(body).match(/<tr><td>.*?<\/tr>/g) ?? [];
  assert.equal(rows.length, 2);
  assert.match(
    rows[0],
    /Exempla kommun<\/td><td>Kommun<\/td><th scope="row">Team Norr<\/th>.*300\u00a0000\u00a0kr.*225\u00a0000\u00a0kr.*75\u00a0000\u00a0kr.*0,34 tjänst mer från socialtjänsten/,
  );
  assert.match(rows[1], /Friskolan AB<\/td><td>Enskild huvudman/);
  assert.match(
    withoutCellLabels(body),
    /<tfoot><tr><th scope="row" colspan="4">Summa<\/th><td class="numeric">540\u00a0000\u00a0kr<\/td><td class="numeric">540\u00a0000\u00a0kr<\/td><td class="numeric">465\u00a0000\u00a0kr<\/td><td class="numeric">75\u00a0000\u00a0kr<\/td>/,
  );
  assert.match(body, new RegExp(`href="/oversikt/${stockholm.key}/oversikt.csv"`));
  assert.match(body, /sparas i 30 dagar efter att den senast öppnades eller ändrades/);
  assert.doesNotMatch(body, /Inte delad|Team Malmö|Team 2025|212000-0142|(?<!\d)30\u00a0000|(?<!\d)40\u00a0000|37\u00a0500/);
  const en = await app.inject({ url: `/oversikt/${stockholm.key}?lang=en` });
  assert.match(en.body, /<html lang="en"/);
  assert.match(en.body, /SEK\u00a0540,000/);
  assert.match(en.body, new RegExp(`href="/oversikt/${stockholm.key}/oversikt.csv\\?lang=en"`));
});

test('CSV: BOM, rubrikrad, en rad per team med huvudmannens namn, summarad, semikolon och hela kronor', async () => {
  const response = await app.inject({ url: `/oversikt/${stockholm.key}/oversikt.csv` });
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.match(String(response.headers['content-disposition']), /attachment; filename="oversikt-0180-2026.csv"/);
  assert.ok(response.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'UTF-8 BOM');
  const lines = response.body
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n');
  assert.equal(lines.length, 6);
  assert.match(
    lines[0],
    /^Huvudman;Typ;Team;Bedömning;Skolverkets bidrag;Socialstyrelsens belopp till kommunen;Del kommunen får använda;Risk att betala tillbaka;/,
  );
  assert.equal(lines[1], 'Exempla kommun;Kommun;Team Norr;Uppfyller villkoren;300000;300000;225000;75000;0,34;150000;Ansökan;;;');
  assert.equal(lines[2], 'Friskolan AB;Enskild huvudman (fristående skola);Team Söder;Uppfyller villkoren;240000;240000;240000;0;;;Ansökan;;;');
  assert.equal(lines[3], 'Summa;;;;540000;540000;465000;75000;;150000;;0;;');
  assert.equal(lines[4], 'Klart: från team som uppfyller villkoren;;;;540000;540000;465000;75000;;;;;;');
  assert.equal(lines[5], 'Beror på en bedömning som återstår;;;;0;0;0;0;;;;;;');
  // The CSV's totals are the JSON's.
  const json = (await app.inject({ url: `/api/v1/overviews/${stockholm.key}` })).json();
  assert.deepEqual(lines[3].split(';').slice(4, 8), [json.totals.skolverketGrant, json.totals.matched, json.totals.matchedUsable, json.totals.repaymentRisk]);
});

test('startsidan länkar till att skapa en översikt; formuläret skapar den och visar länken och koden en gång', async () => {
  const client = new FormClient(app);
  const start = await client.get('/');
  assert.match(start.body, /För kommunens ekonomer: kommunens översikt/);
  assert.match(start.body, /<a href="\/oversikt\/ny">Skapa en översikt för kommunen<\/a>/);
  assert.doesNotMatch(start.body, /action="\/kommun"/);

  const form = await client.get('/oversikt/ny');
  assert.equal((form.body.match(/<option value="\d{4}">[^<]+ \(\d{4}\)<\/option>/g) ?? []).length, 290);
  const wrong = await client.post('/oversikt/ny', { municipalityCode: '9999', grantYear: '1999' });
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /<title>Fel: /);
  assert.match(wrong.body, /Välj kommunen i listan\./);
  assert.match(wrong.body, /Välj ett bidragsår i listan\./);
  assert.equal((await client.post('/oversikt/ny', { municipalityCode: '0180', grantYear: '2026' }, { csrf: null })).statusCode, 403);

  const created = await client.post('/oversikt/ny', { municipalityCode: '1280', grantYear: '2026' });
  assert.equal(created.statusCode, 200);
  assert.match(created.body, /<h1>Översikten är skapad<\/h1>/);
  assert.match(created.body, /Översikten gäller Malmö, bidragsår 2026/);
  const link = /id="overview-link" type="text" readonly value="http:\/\/localhost:80\/oversikt\/([A-Za-z0-9_-]{22})"/.exec(created.body)?.[1];
  const code = /id="submission-code" type="text" readonly value="([A-Za-z0-9_-]{22})"/.exec(created.body)?.[1];
  assert.ok(link && code && link !== code, 'a link and a different code');
  assert.match(created.body, /Skicka koden till huvudmännen i kommunen/);
  assert.match(created.body, /Den som har länken ser översikten/);
  // Exempla's Team Malmö can be shared into it, and the overview then shows it.
  await app.inject({ method: 'POST', url: `/api/v1/drafts/${exemplaId}/share`, payload: { submissionCode: code } });
  const malmo = await client.get(`/oversikt/${link}`);
  assert.match(malmo.body, /<th scope="row">Team Malmö<\/th>/);
  assert.doesNotMatch(malmo.body, /Team Norr/);
  assert.doesNotMatch(malmo.body, new RegExp(code), 'the code is not on the overview page');
});

test('samma huvudmans team i två delade utkast räknas en gång, från det senast sparade, och sidan säger det', async () => {
  const fresh = await createOverview(app, '0180', 2026);
  const older = await makeDraft(app, exempla, fresh.submissionCode);
  await makeDraft(app, friskolan, fresh.submissionCode);
  // The same huvudman's Team Norr again, in a newer draft with a lower salary: it wins.
  const lower = structuredClone(exempla) as { teams: { name: string; members: { monthlySalary: string }[] }[] };
  lower.teams[0].name = ' team norr ';
  lower.teams[0].members[0].monthlySalary = '20000';
  await makeDraft(app, lower, fresh.submissionCode);

  const body = (await app.inject({ url: `/api/v1/overviews/${fresh.key}` })).json();
  const norr = body.teams.filter((t: { team: string }) => t.team.trim().toLowerCase() === 'team norr');
  assert.equal(norr.length, 1);
  assert.equal(norr[0].copies, 2);
  assert.equal(norr[0].skolverketGrant, '150000'); // 20 000 × 1.25 × 12 / 2, the newer draft
  assert.equal(body.totals.skolverketGrant, '390000'); // 150 000 + Friskolan's 240 000
  const page = await app.inject({ url: `/oversikt/${fresh.key}` });
  assert.match(page.body, /Samma team finns i flera delade ansökningar från samma huvudman: team norr \(Exempla kommun\)/);

  // Saving the older draft makes it the newest: its figures count again.
  const stored = (await app.inject({ url: `/api/v1/drafts/${older}` })).json();
  assert.equal((await app.inject({ method: 'PUT', url: `/api/v1/drafts/${older}`, payload: stored.application })).statusCode, 200);
  const after = (await app.inject({ url: `/api/v1/overviews/${fresh.key}` })).json();
  assert.equal(after.teams.find((t: { team: string }) => t.team === 'Team Norr').skolverketGrant, '300000');
  assert.equal(after.totals.skolverketGrant, '540000');
});

test('summorna delas i klart och beror på en bedömning; delarna blir exakt summan i JSON, på sidan och i CSV', async () => {
  const goteborg = await createOverview(app, '1480', 2026);
  await makeDraft(
    app,
    buildApplication({ organiser: { name: 'Klara skolan' }, teams: [{ name: 'Team Klart', municipalityCode: '1480' }] }),
    goteborg.submissionCode,
  );
  const unknown = buildApplication({
    organiser: { name: 'Öppna skolan', orgNumber: '556036-0793', type: 'independent' },
    teams: [
      {
        name: 'Team Öppet',
        municipalityCode: '1480',
        members: [{ side: 'school', fte: '0.50' }, { side: 'school', fte: '0.50', education: 'unknown' }, { side: 'social_services' }],
      },
    ],
  });
  await makeDraft(app, unknown, goteborg.submissionCode);
  const json = (await app.inject({ url: `/api/v1/overviews/${goteborg.key}` })).json();
  assert.deepEqual(
    json.teams.map((t: { status: string }) => t.status),
    ['eligible', 'needs_review'],
  );
  const { byTeamStatus } = json.totals;
  assert.ok(BigInt(byTeamStatus.needs_review.skolverketGrant) > 0n && BigInt(byTeamStatus.eligible.skolverketGrant) > 0n);
  const figures = ['skolverketGrant', 'matched', 'matchedUsable', 'repaymentRisk'] as const;
  const settled = figures.map((f) => (BigInt(byTeamStatus.eligible[f]) + BigInt(byTeamStatus.eligible_aggregate_only[f])).toString());
  const pending = figures.map((f) => byTeamStatus.needs_review[f]);
  for (const [i, f] of figures.entries()) assert.equal(BigInt(settled[i]) + BigInt(pending[i]), BigInt(json.totals[f]), f);

  const kr = (v: string) => `${new Intl.NumberFormat('sv-SE').format(BigInt(v))}\u00a0kr`;
  const page = withoutCellLabels((await app.inject({ url: `/oversikt/${goteborg.key}` })).body);
  const cells = (values: string[]) => values.map((v) => `<td class="numeric">${kr(v)}</td>`).join('');
  assert.ok(page.includes(`<th scope="row" colspan="4">Klart: från team som uppfyller villkoren</th>${cells(settled)}`), 'the settled row');
  assert.ok(page.includes(`<th scope="row" colspan="4">Beror på en bedömning som återstår</th>${cells(pending)}`), 'the pending row');

  const lines = (await app.inject({ url: `/oversikt/${goteborg.key}/oversikt.csv` })).body
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n');
  assert.equal(lines.length, 6);
  assert.match(lines[3], /^Summa;/);
  assert.equal(lines[4], `Klart: från team som uppfyller villkoren;;;;${settled.join(';')};;;;;;`);
  assert.equal(lines[5], `Beror på en bedömning som återstår;;;;${pending.join(';')};;;;;;`);
});

test('ett utkast från snabbuppskattningen delas inte förrän huvudmannen är ifylld; kommunen är användarens egen', async () => {
  const overview = await createOverview(app, '0180', 2026);
  const client = new FormClient(app);
  const estimate = { grantYear: '2026', municipalityCode: '0180', schoolFte: '1', socialFte: '1', schoolCost: '55 000', socialCost: '52 000', months: '12' };
  await client.get('/uppskattning');
  const started = await client.post('/uppskattning/utkast', estimate);
  const id = String(started.headers.location).split('/')[2];
  const share = () => app.inject({ method: 'POST', url: `/api/v1/drafts/${id}/share`, payload: { submissionCode: overview.submissionCode } });

  const refused = await share();
  assert.equal(refused.statusCode, 422);
  assert.equal(refused.json().error, 'placeholders');
  assert.match(refused.json().message, /exempel i stället för era uppgifter: huvudmannen\. Fyll i era egna först\. Inget har delats\./);
  const onPage = await client.post(`/ansokan/${id}/oversikt`, { code: overview.submissionCode });
  assert.equal(onPage.statusCode, 422);
  assert.match(onPage.body, /exempel i stället för era uppgifter: huvudmannen\./);

  await client.get(`/ansokan/${id}/huvudman`);
  assert.equal((await client.post(`/ansokan/${id}/huvudman`, { name: 'Norra kommunen', orgNumber: '212000-0142', type: 'municipal' })).statusCode, 303);
  const accepted = await share();
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.deepEqual(
    (await app.inject({ url: `/api/v1/overviews/${overview.key}` })).json().teams.map((t: { team: string }) => t.team),
    ['Uppskattat team'],
  );
});

test('ett äldre uppskattningsutkast med exempelkommun delas inte förrän teamets kommun är vald', async (t) => {
  // Open, to reach the store (app.drafts) directly.
  const app = await buildApp({}, { open: true });
  t.after(() => app.close());
  const overview = await createOverview(app, '0180', 2026);
  const client = new FormClient(app);
  await client.get('/uppskattning');
  const started = await client.post('/uppskattning/utkast', {
    grantYear: '2026',
    municipalityCode: '0180',
    schoolFte: '1',
    socialFte: '1',
    schoolCost: '55 000',
    socialCost: '52 000',
    months: '12',
  });
  const id = String(started.headers.location).split('/')[2];
  // Before the estimate asked for the kommun, its drafts marked the example kommun as well.
  const draft = (await app.drafts.get(id))!;
  await app.drafts.save(id, { ...(draft.data as object), placeholders: ['municipality:t1'] });
  const share = () => app.inject({ method: 'POST', url: `/api/v1/drafts/${id}/share`, payload: { submissionCode: overview.submissionCode } });
  assert.match((await share()).json().message, /uppgifter: kommunen för Uppskattat team\./);

  await client.get(`/ansokan/${id}/team/1`);
  const team = { ...answeredTeam, name: 'Team Norr', previouslyGrantedFte: '0' };
  assert.equal((await client.post(`/ansokan/${id}/team/1`, team)).statusCode, 303);
  assert.equal((await share()).statusCode, 200);
});
