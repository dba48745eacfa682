/**
 * The kommun's overview attacked as it was (issue 8): anyone with a kommunkod saw every ready team
 * with org numbers, and anyone could add teams to any kommun's overview. Now: the overview only
 * with its key, a draft only shared with its submission code, keys and codes that can be revoked
 * and renewed, and figures from summaries stored at save time, never re-assessed per request.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { openDb, type Db } from '../src/drafts/db.ts';
import type { TeamSummary } from '../src/drafts/overviews.ts';
import { createDraftStore, type DraftStore } from '../src/drafts/store.ts';
import { buildApplication } from './application-builder.ts';
import { forEachBackend, type Backend } from './fixtures/drafts-backends.ts';
import { createOverview, exempla, expectedTeams, friskolan, makeDraft } from './fixtures/overviews.ts';
import { FormClient } from './form-client.ts';
import { buildApp } from './helper.ts';

let app: FastifyInstance;
let stockholm: Awaited<ReturnType<typeof createOverview>>;
let exemplaId = '';
let friskolanId = '';

const randomKey = () => randomBytes(16).toString('base64url');
const teamsOf = async (key: string) => (await app.inject({ url: `/api/v1/overviews/${key}` })).json().teams as { team: string }[];
const share = (id: string, submissionCode: unknown) => app.inject({ method: 'POST', url: `/api/v1/drafts/${id}/share`, payload: { submissionCode } });

before(async () => {
  app = await buildApp();
  stockholm = await createOverview(app, '0180', 2026);
  exemplaId = await makeDraft(app, exempla, stockholm.submissionCode);
  friskolanId = await makeDraft(app, friskolan, stockholm.submissionCode);
});
after(() => app.close());

test('översikten per kommunkod finns inte längre: gamla adresser ger 404, sidan förklarar hur det går till nu', async () => {
  for (const url of ['/kommun/0180?ar=2026', '/kommun/0180', '/kommun?kommun=0180&ar=2026', '/kommun/0180?ar=2026&lang=en']) {
    const page = await app.inject({ url });
    assert.equal(page.statusCode, 404, url);
    assert.match(page.body, url.includes('lang=en') ? /The municipality&#39;s overview has moved/ : /Kommunens översikt har flyttat/);
    assert.match(page.body, /href="\/oversikt\/ny(\?lang=en)?"/);
    assert.doesNotMatch(page.body, /Team Norr|Team Söder|Exempla|Friskolan/, url);
  }
  for (const url of ['/kommun/0180/oversikt.csv?ar=2026', '/api/v1/municipalities/0180/allocation?year=2026']) {
    const response = await app.inject({ url });
    assert.equal(response.statusCode, 404, url);
    assert.doesNotMatch(response.body, /Team Norr|Team Söder|Exempla|Friskolan/, url);
  }
  assert.equal((await app.inject({ method: 'POST', url: `/api/v1/drafts/${exemplaId}/ready` })).statusCode, 404, 'no ready flag to set');
});

test('utan rätt nyckel ingen översikt: gissad, felformad, koden i stället för nyckeln, ett utkasts id', async () => {
  for (const key of [randomKey(), 'x', 'A'.repeat(22), `${stockholm.key}A`, stockholm.submissionCode, exemplaId, '%27%20OR%201%3D1']) {
    for (const url of [`/oversikt/${key}`, `/oversikt/${key}/oversikt.csv`, `/api/v1/overviews/${key}`]) {
      const response = await app.inject({ url });
      assert.equal(response.statusCode, 404, url);
      assert.doesNotMatch(response.body, /Team Norr|Team Söder/, url);
    }
  }
  assert.equal((await app.inject({ url: `/oversikt/${stockholm.key}` })).statusCode, 200, 'the key itself works');
});

test('ett utkast delat med fel kod avvisas med ett tydligt meddelande, och inget delas', async () => {
  const id = await makeDraft(app, buildApplication({ organiser: { name: 'Angriparen AB' }, teams: [{ name: 'Falskt team' }] }));
  for (const code of [randomKey(), stockholm.key, 'x', `${stockholm.submissionCode} x`]) {
    const response = await share(id, code);
    assert.equal(response.statusCode, 404, code);
    assert.equal(response.json().error, 'unknown_submission_code');
    assert.match(response.json().message, /Koden finns inte eller gäller inte längre.*Inget har delats/);
  }
  for (const code of [undefined, '', 42, { $ne: null }, ['x']]) {
    const response = await share(id, code);
    assert.equal(response.statusCode, 400, JSON.stringify(code));
    assert.equal(response.json().error, 'missing_submission_code');
  }
  const client = new FormClient(app);
  await client.get(`/ansokan/${id}/oversikt`);
  const page = await client.post(`/ansokan/${id}/oversikt/dela`, { code: randomKey() });
  assert.equal(page.statusCode, 422);
  assert.match(page.body, /<title>Fel: Dela med kommunens översikt/);
  assert.match(page.body, /<a href="#code">Koden finns inte eller gäller inte längre/);
  assert.match(page.body, /Ansökan är inte delad med någon översikt/);
  assert.equal((await share(randomKey(), stockholm.submissionCode)).statusCode, 404, 'an unknown draft');
  assert.deepEqual(
    (await teamsOf(stockholm.key)).map((t) => t.team),
    ['Team Norr', 'Team Söder'],
    'nothing added',
  );
});

test('fel bidragsår, inget team i kommunen eller ett ofullständigt utkast avvisas, och inget delas', async () => {
  const cases = [
    [buildApplication({ grantYear: 2025, teams: [{ name: 'Team 2025' }] }), 'grant_year_mismatch', /Översikten gäller bidragsår 2026, men ansökan gäller 2025/],
    [buildApplication({ teams: [{ name: 'Team Malmö', municipalityCode: '1280' }] }), 'no_team_in_municipality', /Ansökan har inget team i Stockholm/],
    [{ grantYear: 2026, teams: [{ name: 'Ofullständigt', municipalityCode: '0180' }] }, 'not_assessable', /Ansökan saknar uppgifter/],
  ] as const;
  for (const [application, error, message] of cases) {
    const response = await share(await makeDraft(app, application), stockholm.submissionCode);
    assert.equal(response.statusCode, 422, error);
    assert.equal(response.json().error, error);
    assert.match(response.json().message, message);
  }
  assert.equal((await teamsOf(stockholm.key)).length, 2);
});

test('en återkallad översikt: nyckeln och koden slutar gälla, från API:et och från sidan', async () => {
  const viaApi = await createOverview(app, '0180', 2026);
  const viaPage = await createOverview(app, '0180', 2026);
  for (const overview of [viaApi, viaPage]) assert.equal((await share(exemplaId, overview.submissionCode)).statusCode, 200);

  assert.equal((await app.inject({ method: 'DELETE', url: `/api/v1/overviews/${viaApi.key}` })).statusCode, 204);
  const client = new FormClient(app);
  await client.get(`/oversikt/${viaPage.key}`);
  assert.equal((await client.post(`/oversikt/${viaPage.key}/stang`, {}, { csrf: null })).statusCode, 403);
  const closed = await client.post(`/oversikt/${viaPage.key}/stang`, {});
  assert.equal(closed.statusCode, 200);
  assert.match(closed.body, /Översikten är stängd/);

  for (const overview of [viaApi, viaPage]) {
    assert.equal((await app.inject({ url: `/api/v1/overviews/${overview.key}` })).statusCode, 404);
    assert.equal((await app.inject({ url: `/oversikt/${overview.key}` })).statusCode, 404);
    assert.equal((await share(exemplaId, overview.submissionCode)).statusCode, 404);
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/v1/overviews/${overview.key}` })).statusCode, 404);
  }
  assert.doesNotMatch(
    (await client.get(`/ansokan/${exemplaId}/oversikt`)).body,
    /Stockholm, bidragsår 2026.*Stockholm, bidragsår 2026/s,
    'only the live share is listed',
  );
});

test('förnyad nyckel och kod: de gamla slutar gälla, de nya fungerar och delningarna finns kvar', async () => {
  const overview = await createOverview(app, '0180', 2026);
  assert.equal((await share(friskolanId, overview.submissionCode)).statusCode, 200);

  const renewed = await app.inject({ method: 'POST', url: `/api/v1/overviews/${overview.key}/key` });
  assert.equal(renewed.statusCode, 200);
  const { key } = renewed.json();
  assert.notEqual(key, overview.key);
  assert.equal((await app.inject({ url: `/api/v1/overviews/${overview.key}` })).statusCode, 404, 'the old key');
  assert.deepEqual(
    (await teamsOf(key)).map((t) => t.team),
    ['Team Söder'],
    'the new key, with the share kept',
  );

  const client = new FormClient(app);
  await client.get(`/oversikt/${key}`);
  assert.equal((await client.post(`/oversikt/${key}/ny-kod`, {}, { csrf: null })).statusCode, 403);
  const page = await client.post(`/oversikt/${key}/ny-kod`, {});
  assert.match(page.body, /<h1>En ny inskickningskod<\/h1>/);
  assert.doesNotMatch(page.body, /id="overview-link"/, 'only the new code is shown');
  const code = /id="submission-code" type="text" readonly value="([A-Za-z0-9_-]{22})"/.exec(page.body)?.[1] ?? '';
  assert.notEqual(code, overview.submissionCode);
  assert.equal((await share(exemplaId, overview.submissionCode)).statusCode, 404, 'the old code');
  assert.equal((await share(exemplaId, code)).statusCode, 200, 'the new code');
  assert.deepEqual(
    (await teamsOf(key)).map((t) => t.team),
    ['Team Norr', 'Team Söder'],
  );

  const newKey = await client.post(`/oversikt/${key}/ny-lank`, {});
  const link = /id="overview-link" type="text" readonly value="[^"]*\/oversikt\/([A-Za-z0-9_-]{22})"/.exec(newKey.body)?.[1] ?? '';
  assert.equal((await app.inject({ url: `/oversikt/${key}` })).statusCode, 404);
  assert.equal((await app.inject({ url: `/oversikt/${link}` })).statusCode, 200);
});

test('ta tillbaka tar bort utkastet ur översikten; en ofullständig delning räknas och sägs', async () => {
  const overview = await createOverview(app, '0180', 2026);
  const id = await makeDraft(app, exempla, overview.submissionCode);
  await makeDraft(app, friskolan, overview.submissionCode);
  const withdraw = (code: string) => app.inject({ method: 'DELETE', url: `/api/v1/drafts/${id}/share/${code}` });
  assert.equal((await withdraw(randomKey())).statusCode, 404);
  assert.equal((await withdraw(overview.submissionCode)).statusCode, 204);
  assert.deepEqual(
    (await teamsOf(overview.key)).map((t) => t.team),
    ['Team Söder'],
  );
  assert.equal((await withdraw(overview.submissionCode)).statusCode, 404, 'already withdrawn');

  // Shared, then made incomplete: no figures to count, and the overview says so.
  assert.equal((await share(id, overview.submissionCode)).statusCode, 200);
  const put = await app.inject({
    method: 'PUT',
    url: `/api/v1/drafts/${id}`,
    payload: { grantYear: 2026, teams: [{ name: 'Team Norr', municipalityCode: '0180' }] },
  });
  assert.equal(put.statusCode, 200);
  const body = (await app.inject({ url: `/api/v1/overviews/${overview.key}` })).json();
  assert.deepEqual([body.teams.map((t: { team: string }) => t.team), body.uncounted], [['Team Söder'], 1]);
  assert.match((await app.inject({ url: `/oversikt/${overview.key}` })).body, /1 delad ansökan kunde inte räknas/);
});

test('översiktens svar innehåller inga organisationsnummer, utkasts-id eller löner', async () => {
  const responses = [
    `/api/v1/overviews/${stockholm.key}`,
    `/oversikt/${stockholm.key}`,
    `/oversikt/${stockholm.key}?lang=en`,
    `/oversikt/${stockholm.key}/oversikt.csv`,
  ];
  for (const url of responses) {
    const { statusCode, body } = await app.inject({ url });
    assert.equal(statusCode, 200);
    assert.match(body, /Team Norr/);
    for (const secret of ['212000-0142', '556036-0793', 'orgNumber', 'Organisationsnummer', exemplaId, friskolanId, 'monthlySalary']) {
      assert.ok(!body.includes(secret), `${url} holds ${secret}`);
    }
    // The salaries (40 000 and 30 000) and the cost per fte-month (37 500), however written.
    assert.doesNotMatch(body, /(?<!\d)(40|30|37)[\u00a0 ,]?(000|500)(?!\d)/, url);
  }
  assert.deepEqual((await app.inject({ url: `/api/v1/overviews/${stockholm.key}` })).json().teams, expectedTeams);
});

/** A summary as the engine would give it; the store is given this instead of the engine. */
const summary = (team: string, skolverketGrant: string): TeamSummary => ({
  municipalityCode: '0180',
  grantYear: 2026,
  organiser: { name: 'Exempla kommun', type: 'municipal' },
  orgNumber: '212000-0142',
  team,
  status: 'eligible',
  skolverketGrant,
  matched: skolverketGrant,
  matchedUsable: skolverketGrant,
  repaymentRisk: '0',
  staffingSuggestion: null,
});

forEachBackend((name, newBackend) => {
  describe(`översikten på ${name}`, () => {
    let backend: Backend;
    let db: Db;
    let store: DraftStore;
    let summarised = 0;
    before(async () => {
      backend = await newBackend();
      db = await openDb(backend.config);
      store = await createDraftStore(db, {
        summarise: (data) => {
          summarised++;
          return (data as { teams?: TeamSummary[] }).teams;
        },
      });
    });
    after(async () => {
      await store.close();
      await backend.dispose();
    });

    test('siffrorna är de som sparades med utkastet: ingen ny bedömning när översikten läses', async () => {
      const overview = await store.createOverview('0180', 2026);
      const draft = await store.create({ teams: [summary('Team A', '100')] });
      assert.ok(await store.share(overview.id, draft.id, [summary('Team A', '100')]));
      const before = summarised;
      for (let i = 0; i < 3; i++)
        assert.deepEqual(
          (await store.overviewFigures(overview)).teams.map((t) => [t.team, t.skolverketGrant]),
          [['Team A', '100']],
        );
      assert.equal(summarised, before, 'reading an overview summarises nothing');
      // The draft's data changed behind the store's back: the overview still shows what was stored.
      await db.query(`UPDATE drafts SET data = '{"teams":[]}'::jsonb WHERE id = $1`, [draft.id]);
      assert.deepEqual(
        (await store.overviewFigures(overview)).teams.map((t) => t.skolverketGrant),
        ['100'],
      );
      // A save stores the new summary; one that cannot be assessed stores none, and is counted as such.
      await store.save(draft.id, { teams: [summary('Team A', '250'), { ...summary('Team B', '7'), municipalityCode: '1280' }] });
      assert.deepEqual(
        (await store.overviewFigures(overview)).teams.map((t) => [t.team, t.skolverketGrant]),
        [['Team A', '250']],
      );
      await store.save(draft.id, { incomplete: true });
      assert.deepEqual(await store.overviewFigures(overview), { teams: [], uncounted: 1 });
    });

    test('purgeExpired raderar utgångna översikter med deras delningar; en översikt som används lever vidare', async () => {
      const old = await store.createOverview('0180', 2026);
      const live = await store.createOverview('0180', 2026);
      const draft = await store.create({ teams: [summary('Team C', '1')] });
      await store.share(old.id, draft.id, [summary('Team C', '1')]);
      await db.query("UPDATE overviews SET expires_at = now() - interval '1 second' WHERE id = $1", [old.id]);
      assert.equal(await store.openOverview(old.key), undefined);
      assert.equal(await store.overviewForCode(old.submissionCode), undefined);
      assert.ok((await store.purgeExpired()) >= 1);
      assert.deepEqual(await db.query('SELECT id FROM overviews WHERE id = $1', [old.id]), []);
      assert.deepEqual(await db.query('SELECT draft_id FROM overview_shares WHERE overview_id = $1', [old.id]), []);
      assert.ok(await store.get(draft.id), 'the draft stays');
      // Opening it keeps it another 30 days.
      await db.query("UPDATE overviews SET expires_at = now() + interval '1 day' WHERE id = $1", [live.id]);
      const opened = await store.openOverview(live.key);
      assert.ok(opened && Date.parse(opened.expiresAt) - Date.now() > 29 * 24 * 60 * 60 * 1000);
    });
  });
});
