/**
 * The redovisning of a year through its pages, as a browser without JavaScript: "Redovisa
 * året" on an application's result page starts a settlement draft of its own; Skolverket's
 * decision per team; a member corrected with the actual cost; the result's figures are the
 * engine's for the same input. CSRF on every new POST, bad input answered 422 at the field,
 * 2023 refused with a message, and a settlement's section link reaching only its team and side.
 */
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { parseSettlement } from '../forms/settlement.ts';
import { rawMember, recognise } from '../forms/member-import.ts';
import { municipalityName } from '../forms/municipalities.ts';
import { formatKronor } from '../rules/format.ts';
import type { Settlement } from '../rules/types.ts';
import { settle } from '../rules/settlement.ts';
import type { DraftApplicationInput } from '../forms/draft-application.ts';
import { asDraftData, withIds } from '../src/drafts/draft-data.ts';
import { settlementWords } from '../src/settlement-words.ts';
import { todayInSweden } from '../src/lang.ts';
import { FormClient } from './form-client.ts';
import { buildApp } from './helper.ts';
import { addTeam, school, social, startDraft } from './journey-answers.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp({}, { open: true });
});
after(() => app.close());

const idOf = (path: string) => path.split('/')[2];

/** A 2026 application of one team (Skolsocialt team Norr) with a school and a social-services member, at its result page. */
async function application(client: FormClient) {
  const base = await startDraft(client);
  await addTeam(client, base, [school, social]);
  const result = await client.get(`${base}/resultat`);
  assert.equal(result.statusCode, 200);
  return { base, result };
}

/** Starts the settlement from the application's result page; the settlement's base path. */
async function startSettlement(client: FormClient, base: string): Promise<string> {
  await client.get(`${base}/resultat`);
  const started = await client.post(`${base}/redovisa`, {});
  assert.equal(started.statusCode, 303, started.body);
  const location = String(started.headers.location);
  assert.match(location, /^\/ansokan\/[A-Za-z0-9_-]{22}\/beslut$/);
  return location.replace(/\/beslut$/, '');
}

describe('Redovisa året', () => {
  test('resultatsidan för 2026 har knappen; den skapar ett eget utkast ifyllt från ansökan som inte nämner ansökan', async () => {
    const client = new FormClient(app);
    const { base, result } = await application(client);
    assert.match(result.body, /<button class="button button--secondary" type="submit" aria-describedby="settlement-offer-lead">Redovisa året<\/button>/);
    const settlement = await startSettlement(client, base);
    assert.notEqual(idOf(settlement), idOf(base));
    const stored = await app.drafts.get(idOf(settlement));
    assert.ok(stored);
    assert.ok(!JSON.stringify(stored.data).includes(idOf(base)), 'the settlement does not name the application draft');
    const data = asDraftData(stored.data);
    const appliedFor = asDraftData((await app.drafts.get(idOf(base)))!.data).application;
    assert.deepEqual(data.application, appliedFor);
    assert.deepEqual(data.settlement, { applied: appliedFor, decisions: {} });
    // A settlement counts its own steps.
    for (const [page, step] of [
      ['beslut', 'Steg 1 av 5: Skolverkets beslut'],
      ['team', 'Steg 2 av 5: Teamen'],
      ['team/1/personer', 'Steg 3 av 5: Personerna'],
      ['kontrollera', 'Steg 4 av 5: Kontrollera dina svar'],
    ]) {
      assert.match((await client.get(`${settlement}/${page}`)).body, new RegExp(`<p class="step-indicator">${step}</p>`), page);
    }
    // The draft's own link opens the settlement at the decision until it is entered; the history says how it began.
    assert.equal((await client.get(settlement)).headers.location, `${settlement}/beslut`);
    assert.match((await client.get(`${settlement}/historik`)).body, /startade redovisningen från ansökan/);
    // The application is unchanged and still an application.
    assert.equal(asDraftData((await app.drafts.get(idOf(base)))!.data).settlement, undefined);
  });

  test('POST utan eller med fel CSRF-token avvisas med 403 och skapar inget', async () => {
    const client = new FormClient(app);
    const { base } = await application(client);
    assert.equal((await client.post(`${base}/redovisa`, {}, { csrf: null })).statusCode, 403);
    assert.equal((await client.post(`${base}/redovisa`, {}, { csrf: 'fel-token' })).statusCode, 403);
  });

  test('bidragsår 2023: ingen knapp, ett tydligt besked, och POST svarar 422', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    assert.equal((await client.submit(`${base}/bidragsar`, { grantYear: '2023' })).statusCode, 303);
    await addTeam(client, base, [
      { ...school, start: '10/5 2023' },
      { ...social, start: '10/5 2023' },
    ]);
    const result = await client.get(`${base}/resultat`);
    assert.equal(result.statusCode, 200);
    assert.doesNotMatch(result.body, /Redovisa året/);
    assert.match(result.body, /Redovisning stöds från bidragsår 2024\. För 2023 gällde en äldre lydelse/);
    const refused = await client.post(`${base}/redovisa`, {});
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Redovisning stöds från bidragsår 2024/);
  });

  test('en redovisning kan inte starta en ny redovisning, och en ansökan har inga redovisningssidor', async () => {
    const client = new FormClient(app);
    const { base } = await application(client);
    const settlement = await startSettlement(client, base);
    assert.equal((await client.post(`${settlement}/redovisa`, {})).statusCode, 422);
    assert.equal((await client.get(`${base}/beslut`)).statusCode, 404);
    assert.equal((await client.get(`${base}/redovisning`)).statusCode, 404);
  });
});

describe('Skolverkets beslut', () => {
  test('fel belopp och saknat datum ger 422 med felet vid fältet och det skrivna kvar; CSRF krävs', async () => {
    const client = new FormClient(app);
    const { base } = await application(client);
    const settlement = await startSettlement(client, base);
    const page = await client.get(`${settlement}/beslut`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<legend class="legend">Skolsocialt team Norr<\/legend>/);
    const bad = await client.post(`${settlement}/beslut`, { 'grant-t1': '300 000,50', 'decidedOn-t1': '' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /<title>Fel: Vad beslutade Skolverket\?/);
    assert.match(bad.body, /<a href="#grant-t1">Skriv hur många kronor Skolverket beviljade Skolsocialt team Norr, i hela kronor/);
    assert.match(bad.body, /<a href="#decidedOn-t1">Skriv dagen för Skolverkets beslut/);
    assert.match(bad.body, /id="grant-t1" name="grant-t1" type="text" value="300 000,50"/);
    const negative = await client.post(`${settlement}/beslut`, { 'grant-t1': '-1', 'decidedOn-t1': '15/4 2026' });
    assert.equal(negative.statusCode, 422);
    assert.equal((await client.post(`${settlement}/beslut`, { 'grant-t1': '0', 'decidedOn-t1': '15/4 2026' }, { csrf: null })).statusCode, 403);
    // 0 is a decision: the team was not granted.
    const zero = await client.post(`${settlement}/beslut`, { 'grant-t1': '0', 'decidedOn-t1': '15/4 2026' });
    assert.equal(zero.headers.location, `${settlement}/team`);
    assert.deepEqual(asDraftData((await app.drafts.get(idOf(settlement)))!.data).settlement?.decisions, {
      t1: { skolverketGrant: '0', decidedOn: '2026-04-15' },
    });
    // The history keeps the save as an event (only the saved decision, not the refused ones), worded in the viewer's language.
    assert.deepEqual(
      (await app.drafts.history(idOf(settlement))).map((e) => e.event?.kind),
      ['settlement_started', 'decisions_saved'],
    );
    assert.match((await client.get(`${settlement}/historik`)).body, /förde in Skolverkets beslut/);
    assert.match((await client.get(`${settlement}/historik?lang=en`)).body, /entered Skolverket(&#39;|')s decision/);
  });
});

describe('det som blev', () => {
  test('personsidan visar faktisk kostnad bara i en redovisning; fel kostnad ger 422 vid fältet', async () => {
    const client = new FormClient(app);
    const { base } = await application(client);
    assert.doesNotMatch((await client.get(`${base}/team/1/person/p1`)).body, /name="actualCost"/);
    // Sent to an application's member page anyway, it is not kept.
    assert.equal((await client.submit(`${base}/team/1/person/p1`, { ...school, actualCost: '1 000' })).statusCode, 303);
    assert.equal(asDraftData((await app.drafts.get(idOf(base)))!.data).application.teams[0].members[0].actualCost, undefined);
    const settlement = await startSettlement(client, base);
    assert.match((await client.get(`${settlement}/team/1/person/p1`)).body, /name="actualCost"/);
    const bad = await client.submit(`${settlement}/team/1/person/p1`, { ...school, actualCost: 'mycket' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /<a href="#actualCost">Skriv den faktiska kostnaden enligt bokföringen/);
    const saved = await client.submit(`${settlement}/team/1/person/p1`, { ...school, actualCost: '412 345,50 kr' });
    assert.equal(saved.statusCode, 303);
    assert.equal(asDraftData((await app.drafts.get(idOf(settlement)))!.data).application.teams[0].members[0].actualCost, '412345.5');
    assert.match((await client.get(`${settlement}/team/1/person/p1`)).body, /id="actualCost" name="actualCost" type="text" value="412345,5"/);
  });

  test('personallistan i en redovisning läses med faktisk kostnad och laddas ner med den; i en ansökan finns ingen sådan kolumn', async () => {
    const client = new FormClient(app);
    const { base } = await application(client);
    assert.doesNotMatch((await client.get(`${base}/team/1/personal.csv`)).body, /Faktisk kostnad/);
    const settlement = await startSettlement(client, base);
    const csv = (await client.get(`${settlement}/team/1/personal.csv`)).body;
    assert.match(csv.split('\r\n')[0], /;Faktisk kostnad$/);
    // A list's column "Faktisk kostnad" is read as the actual cost …
    const headers = [
      'Roll',
      'Sida',
      'Anställning',
      'Tjänstgöringsgrad',
      'Start',
      'Utbildning',
      'Ursprung',
      'Månadslön',
      'Personalomkostnadspålägg',
      'Faktisk kostnad',
    ];
    const raw = rawMember(
      ['Kurator', 'skola', 'Anställning', '1', '2025-08-15', 'Examen i psykosocialt arbete', 'Nytillsatt', '42 000', '31,42 %', '500 000'],
      recognise(headers),
    );
    assert.equal(raw.actualCost, '500 000');
    // … and the checked rows saved with it into a settlement, without it into an application.
    const payload = JSON.stringify({ total: 1, encoding: 'utf-8', lines: [2], rows: [raw] });
    for (const [draft, expected] of [
      [settlement, '500000'],
      [base, undefined],
    ] as const) {
      await client.get(`${draft}/team/1/importera`);
      const saved = await client.post(`${draft}/team/1/importera/spara`, { payload, mode: 'add', confirmRow: '0' });
      assert.match(String(saved.headers.location), /tillagda=1/);
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
      const added = asDraftData((await app.drafts.get(idOf(draft)))!.data).application.teams[0].members.at(-1);
      assert.equal(added?.role, 'Kurator');
      assert.equal(added?.actualCost, expected);
    }
  });
});

describe('resultatet', () => {
  test('utan beslut säger sidan vad som saknas; med beslut och en rättad person är siffrorna motorns', async () => {
    const client = new FormClient(app);
    const { base } = await application(client);
    const settlement = await startSettlement(client, base);
    const missing = await client.get(`${settlement}/redovisning`);
    assert.equal(missing.statusCode, 200);
    assert.match(missing.body, /Skolverkets beslut saknas för Skolsocialt team Norr/);
    assert.match(missing.body, new RegExp(`href="${settlement}/beslut"`));
    const unchecked = await client.get(`${settlement}/kontrollera`);
    assert.match(unchecked.body, new RegExp(`<a href="${settlement}/beslut\\?fran=kontrollera">Fyll i Skolverkets beslut för Skolsocialt team Norr\\.</a>`));
    assert.doesNotMatch(unchecked.body, /Se redovisningen/);

    assert.equal((await client.submit(`${settlement}/beslut`, { 'grant-t1': '300 000', 'decidedOn-t1': '2026-04-15' })).statusCode, 303);
    // The social-services member ended early and cost less than computed.
    assert.equal((await client.submit(`${settlement}/team/1/person/p2`, { ...social, end: '2026-06-14', actualCost: '180 000' })).statusCode, 303);
    const check = await client.get(`${settlement}/kontrollera`);
    assert.match(check.body, /<title>Kontrollera redovisningen/);
    assert.match(check.body, /300\u00a0000\u00a0kr, beslut 2026-04-15/);
    assert.match(check.body, /faktisk kostnad 180000 kr/);
    assert.match(check.body, new RegExp(`href="${settlement}/redovisning">Se redovisningen`));

    const page = await client.get(`${settlement}/redovisning`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Redovisning av bidragsår 2026<\/h1>/);
    assert.match(page.body, /<p class="step-indicator">Steg 5 av 5: Redovisningen<\/p>/);
    assert.match(page.body, /Uppskattning — myndigheten beslutar/);
    // The engine on the same input.
    const data = asDraftData((await app.drafts.get(idOf(settlement)))!.data);
    const parsed = parseSettlement(
      { application: data.application, decision: { teams: [{ skolverketGrant: '300000' }] }, applied: data.settlement?.applied },
      'sv',
    );
    assert.ok(parsed.ok);
    const expected = settle(parsed.input, { asOf: todayInSweden(), lang: 'sv' });
    const kr = (v: string) => formatKronor(v, 'sv');
    const team = expected.teams[0];
    const row = /<tr><th scope="row">Skolsocialt team Norr<\/th>(.*?)<\/tr>/.exec(page.body)?.[1] ?? '';
    const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
    assert.deepEqual(cells, [team.decided, team.justified, team.used, team.unused].map(kr));
    const municipality = expected.municipalities[0];
    const mrow = /<tr><th scope="row">Stockholm \(0180\)<\/th>(.*?)<\/tr>/.exec(page.body)?.[1] ?? '';
    assert.deepEqual(
      [...mrow.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]),
      [municipality.received, municipality.usable, municipality.repay].map(kr),
    );
    // The change to report, with its date and agencies.
    assert.ok(expected.changes.length > 0);
    for (const change of expected.changes) {
      assert.ok(
        page.body.includes(`<li><strong>${change.from}, ${settlementWords.sv.changeKind[change.kind]}:</strong> ${change.message}</li>`),
        change.message,
      );
      assert.deepEqual(change.agencies, ['skolverket', 'socialstyrelsen']);
      assert.match(change.message, /Skolverket och Socialstyrelsen/);
    }
    // The conditions during the year: the chart of what happened, collapsed under the summary.
    assert.match(page.body, /<details class="details">\s*<summary>Villkoren under året: Skolsocialt team Norr<\/summary>[\s\S]*<svg/);
    // In English too.
    const english = await client.get(`${settlement}/redovisning?lang=en`);
    assert.match(english.body, /<h1>Report on grant year 2026<\/h1>/);
    assert.match(english.body, /Estimate — the agency decides/);
  });
});

describe('länk till socialtjänsten i en redovisning', () => {
  test('länken når bara sitt team och sin sida, visar faktisk kostnad och behåller redovisningen när den sparar', async () => {
    const coordinator = new FormClient(app);
    const { base } = await application(coordinator);
    const settlement = await startSettlement(coordinator, base);
    const created = await coordinator.submit(`${settlement}/team/1/dela`, { side: 'social_services' });
    assert.equal(created.statusCode, 200);
    const url = /value="(https?:\/\/[^"]+\/lank\/[A-Za-z0-9_-]{22})"/.exec(created.body)?.[1];
    assert.ok(url);
    const link = new URL(url).pathname;
    const holder = new FormClient(app);
    const page = await holder.get(link);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /p2/);
    assert.doesNotMatch(page.body, /href="[^"]*\/person\/p1"/);
    // The school member is out of reach.
    assert.equal((await holder.get(`${link}/person/p1`)).statusCode, 403);
    const member = await holder.get(`${link}/person/p2`);
    assert.match(member.body, /name="actualCost"/);
    const saved = await holder.post(`${link}/person/p2`, { ...social, actualCost: '200 000' });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
    const data = asDraftData((await app.drafts.get(idOf(settlement)))!.data);
    assert.equal(data.application.teams[0].members[1].actualCost, '200000');
    assert.ok(data.settlement, 'a save through the link keeps the settlement');
    assert.equal((await holder.post(`${link}/person/p1`, { ...school, actualCost: '1' })).statusCode, 403);
  });
});

describe('utkastens API', () => {
  test('PUT /api/v1/drafts/{id} på en redovisning byter det som blev men behåller beslut och ansökan som den söktes', async () => {
    const client = new FormClient(app);
    const { base } = await application(client);
    const settlement = await startSettlement(client, base);
    assert.equal((await client.submit(`${settlement}/beslut`, { 'grant-t1': '300 000', 'decidedOn-t1': '2026-04-15' })).statusCode, 303);
    const before = asDraftData((await app.drafts.get(idOf(settlement)))!.data);
    const changed = structuredClone(before.application);
    changed.teams[0].members[1].fte = '0.5';
    changed.teams[0].members[1].actualCost = '180000.50';
    const put = await app.inject({ method: 'PUT', url: `/api/v1/drafts/${idOf(settlement)}`, payload: changed });
    assert.equal(put.statusCode, 200, put.body);
    const after = asDraftData((await app.drafts.get(idOf(settlement)))!.data);
    assert.equal(after.application.teams[0].members[1].fte, '0.50');
    assert.equal(after.application.teams[0].members[1].actualCost, '180000.5');
    assert.deepEqual(after.settlement, before.settlement);
  });
});

describe('samma exempel genom API:et och sidorna', () => {
  test('test/fixtures/settlement-example.json som utkast ger sidan samma siffror och förändringar som POST /api/v1/settlements', async () => {
    const example = JSON.parse(readFileSync(new URL('./fixtures/settlement-example.json', import.meta.url), 'utf8')) as {
      application: DraftApplicationInput;
      decision: { teams: Array<{ skolverketGrant: string }> };
      applied: DraftApplicationInput;
    };
    const api = await app.inject({ method: 'POST', url: '/api/v1/settlements', payload: example });
    assert.equal(api.statusCode, 200, api.body);
    const expected = api.json() as Settlement;
    // The same input as a settlement draft: its teams get ids, and the decisions go by them.
    const carriedOut = withIds(example.application);
    const decisions = Object.fromEntries(
      carriedOut.application.teams.map((t, i) => [t.id, { skolverketGrant: example.decision.teams[i].skolverketGrant, decidedOn: '2026-04-15' }]),
    );
    const draft = await app.drafts.create({ ...carriedOut, settlement: { applied: withIds(example.applied).application, decisions } });
    const page = (await new FormClient(app).get(`/ansokan/${draft.id}/redovisning`)).body;
    const kr = (v: string) => formatKronor(v, 'sv');
    const cells = (rowHead: string) =>
      [
        ...(new RegExp(`<tr><th scope="row">${rowHead.replace(/[()]/g, '\\$&')}</th>(.*?)</tr>`).exec(page)?.[1] ?? '').matchAll(
          /<td[^>]*>(?:<strong>)?(.*?)(?:<\/strong>)?<\/td>/g,
        ),
      ].map((m) => m[1]);
    for (const team of expected.teams) assert.deepEqual(cells(team.name), [team.decided, team.justified, team.used, team.unused].map(kr), team.name);
    assert.deepEqual(cells('Totalt'), [expected.totals.decided, expected.totals.justified, expected.totals.used, expected.totals.unused].map(kr));
    assert.equal(expected.municipalities.length, 2);
    for (const m of expected.municipalities)
      assert.deepEqual(cells(`${municipalityName(m.municipalityCode)} (${m.municipalityCode})`), [m.received, m.usable, m.repay].map(kr));
    assert.ok(expected.changes.length > 0);
    for (const change of expected.changes) assert.ok(page.includes(change.message.replaceAll("'", '&#39;')), change.message);
  });
});
