/**
 * The way back into a draft: its link on every page of it, /ansokan/{id} opening it where the
 * user left off, "Ändra" returning to check answers, the step indicator, the link holder's
 * context and "Jag är klar", and the default years.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openDb } from '../src/drafts/db.ts';
import { createDraftStore } from '../src/drafts/store.ts';
import { roundBeingPrepared } from '../src/grant-round.ts';
import { todayInSweden } from '../src/lang.ts';
import { FormClient } from './form-client.ts';
import { addTeam, school, social, startDraft, team } from './journey-answers.ts';
import { forEachBackend } from './fixtures/drafts-backends.ts';
import { buildApp } from './helper.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp();
});
after(() => app.close());

/** A new draft with nothing answered; its base path. */
async function emptyDraft(client: FormClient): Promise<string> {
  await client.get('/');
  return String((await client.post('/ansokan', {})).headers.location).replace('/bidragsar', '');
}

/** A draft with one team, one side of it shared by link: the coordinator, the holder and the link's path. */
async function sharedSide(side: 'school' | 'social_services') {
  const coordinator = new FormClient(app);
  const base = await startDraft(coordinator);
  await addTeam(coordinator, base, [school]);
  const shared = await coordinator.submit(`${base}/team/1/dela`, { side });
  const link = /value="https?:\/\/[^/]+(\/lank\/[^"]+)"/.exec(shared.body)?.[1] ?? '';
  const holder = new FormClient(app);
  return { coordinator, base, shared, link, holder, page: (await holder.get(link)).body };
}

const draftLinkOf = (body: string) => /id="draft-link-url"[^>]*>([^<]+)</.exec(body)?.[1];

describe('länken till utkastet', () => {
  test('varje sida i ett utkast visar länken under Spara och fortsätt senare, utan kopieringsknapp utan JavaScript', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    const people = await addTeam(client, base, [school, social]);
    const member = (await client.get(people)).body.match(/href="([^"]+\/person\/p\d+)"/)?.[1];
    assert.ok(member);
    const pages = [
      'bidragsar',
      'huvudman',
      'team',
      'team/1',
      'team/ny',
      'team/1/personer',
      'team/1/person/ny',
      'team/1/importera',
      'team/1/dela',
      'team/1/ta-bort',
      'kontrollera',
      'resultat',
      'historik',
      'oversikt',
      'radera',
    ];
    for (const page of [...pages.map((p) => `${base}/${p}`), member]) {
      const response = await client.get(page);
      assert.equal(response.statusCode, 200, page);
      assert.match(response.body, /<h2 id="draft-link-title">Spara och fortsätt senare<\/h2>/, page);
      assert.match(response.body, /finns kvar i 30 dagar efter senaste ändringen/, page);
      assert.equal(draftLinkOf(response.body), `http://localhost:80${base}`, page);
      assert.doesNotMatch(response.body, /<button[^>]*>Kopiera länken/, page);
    }
  });

  test('på engelska är länken den engelska', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client, 'en');
    const response = await client.get(`${base}/team?lang=en`);
    assert.match(response.body, /Save and continue later/);
    assert.equal(draftLinkOf(response.body), `http://localhost:80${base}?lang=en`);
  });

  test('ett utkast som inte finns, ett raderat utkast och länkinnehavarens sida visar ingen utkastlänk', async () => {
    const { coordinator: client, base, link, holder, page } = await sharedSide('social_services');
    assert.equal(draftLinkOf((await client.get('/ansokan/AAAAAAAAAAAAAAAAAAAAAA/team')).body), undefined);
    assert.equal(draftLinkOf(page), undefined);
    assert.equal(draftLinkOf((await holder.get(`${link}/person/ny`)).body), undefined);
    const deleted = await client.submit(`${base}/radera`, {});
    assert.match(deleted.body, /Utkastet är raderat/);
    assert.equal(draftLinkOf(deleted.body), undefined);
  });

  test('kopieringsknappen skapas av skriptet, bara där webbläsaren kan kopiera', async () => {
    const script = (await app.inject('/assets/enhance.js')).body;
    assert.match(script, /data-copy-label/);
    assert.match(script, /navigator\.clipboard/);
  });
});

describe('/ansokan/{id} öppnar utkastet', () => {
  test('ett tomt utkast öppnas vid bidragsåret', async () => {
    const client = new FormClient(app);
    const base = await emptyDraft(client);
    const response = await client.get(base);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `${base}/bidragsar`);
    assert.equal((await client.get(`${base}?lang=en`)).headers.location, `${base}/bidragsar?lang=en`);
  });

  test('ett halvt ifyllt utkast öppnas vid första obesvarade steget', async () => {
    const client = new FormClient(app);
    const base = await emptyDraft(client);
    await client.submit(`${base}/bidragsar`, { grantYear: '2027' });
    assert.equal((await client.get(base)).headers.location, `${base}/huvudman`);
    await client.submit(`${base}/huvudman`, { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal' });
    assert.equal((await client.get(base)).headers.location, `${base}/team`);
    await addTeam(client, base, []);
    assert.equal((await client.get(base)).headers.location, `${base}/team/1/personer`);
  });

  test('ett färdigt utkast öppnas vid Kontrollera dina svar', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await addTeam(client, base, [school, social]);
    assert.equal((await client.get(base)).headers.location, `${base}/kontrollera`);
  });

  test('ett utkast som inte finns ger 404', async () => {
    const response = await new FormClient(app).get('/ansokan/AAAAAAAAAAAAAAAAAAAAAA');
    assert.equal(response.statusCode, 404);
  });
});

describe('Ändra från Kontrollera dina svar', () => {
  test('Ändra på bidragsår och huvudman går tillbaka till Kontrollera dina svar', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await addTeam(client, base, [school, social]);
    const check = (await client.get(`${base}/kontrollera`)).body;
    for (const [page, fields] of [
      ['bidragsar', { grantYear: '2027' }],
      ['huvudman', { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal' }],
    ] as const) {
      const change = `${base}/${page}?fran=kontrollera`;
      assert.ok(check.includes(`href="${change}"`), page);
      assert.match((await client.get(change)).body, new RegExp(`action="${change.replace('?', '\\?')}"`), page);
      const saved = await client.submit(change, fields);
      assert.equal(saved.headers.location, `${base}/kontrollera`, page);
    }
  });

  test('ett fel på sidan behåller vägen tillbaka till Kontrollera dina svar', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    const wrong = await client.submit(`${base}/huvudman?fran=kontrollera`, { name: '', orgNumber: '', type: '' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, new RegExp(`action="${base}/huvudman\\?fran=kontrollera"`));
  });
});

describe('tillbaka efter ett rättat fel', () => {
  test('sidan med felet skickas med no-store, så Tillbaka hämtar sidan på nytt med det rättade värdet', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    const wrong = await client.submit(`${base}/huvudman`, { name: 'Exempla kommun', orgNumber: '212000-0143', type: 'municipal' });
    assert.equal(wrong.statusCode, 422);
    assert.equal(wrong.headers['cache-control'], 'no-store');
    assert.equal((await client.post(`${base}/huvudman`, { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal' })).statusCode, 303);
    const back = await client.get(`${base}/huvudman`);
    assert.equal(back.headers['cache-control'], 'no-store');
    assert.match(back.body, /value="212000-0142"/);
    assert.doesNotMatch(back.body, /212000-0143|Fel:/);
  });

  test('en webbläsare skickas till sidans egen adress för att se felet, en gång, så Tillbaka aldrig landar på en POST', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await client.get(`${base}/huvudman?lang=en`);
    const browser = { 'sec-fetch-mode': 'navigate' };
    const wrong = await client.post(`${base}/huvudman?lang=en`, { name: 'Exempla kommun', orgNumber: '212000-0143', type: 'municipal' }, { headers: browser });
    assert.equal(wrong.statusCode, 303);
    const shown = String(wrong.headers.location);
    assert.match(shown, new RegExp(`^${base}/huvudman\\?lang=en&fel=[A-Za-z0-9_-]{22}$`));
    // Another page's address with the key shows that page as it is.
    assert.doesNotMatch((await client.get(shown.replace('/huvudman', '/bidragsar'))).body, /212000-0143/);
    const errors = await client.get(shown);
    assert.equal(errors.statusCode, 422);
    assert.match(errors.body, /<title>Error: /);
    assert.match(errors.body, /value="212000-0143"/);
    assert.match(errors.body, /action="[^"]*\/huvudman\?lang=en"/, 'the form posts to the page, without the key');
    assert.match(errors.body, /id="draft-link-url"/, 'the way back is on it too');
    // Shown once: a reload (or Back, after the corrected answer is saved) shows what is saved.
    assert.equal(
      (await client.post(`${base}/huvudman?lang=en`, { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal' }, { headers: browser })).statusCode,
      303,
    );
    const back = await client.get(shown);
    assert.equal(back.statusCode, 200);
    assert.match(back.body, /value="212000-0142"/);
    assert.doesNotMatch(back.body, /212000-0143/);
    // A made-up key, or none, is the page itself.
    assert.equal((await client.get(`${base}/huvudman?fel=${'A'.repeat(22)}`)).statusCode, 200);
    assert.equal((await client.get(`${base}/huvudman?fel=<script>`)).statusCode, 200);
  });
});

describe('stegindikatorn', () => {
  test('varje steg säger var användaren är, i ordningen från src/journey.ts', async () => {
    const client = new FormClient(app);
    const base = await startDraft(client);
    await addTeam(client, base, [school, social]);
    const steps: Array<[string, string]> = [
      ['bidragsar', 'Steg 1 av 6: Bidragsår'],
      ['huvudman', 'Steg 2 av 6: Huvudman'],
      ['team', 'Steg 3 av 6: Teamen'],
      ['team/1', 'Steg 3 av 6: Teamen'],
      ['team/1/personer', 'Steg 4 av 6: Personerna'],
      ['team/1/person/ny', 'Steg 4 av 6: Personerna'],
      ['kontrollera', 'Steg 5 av 6: Kontrollera dina svar'],
      ['resultat', 'Steg 6 av 6: Resultatet'],
    ];
    for (const [page, step] of steps) assert.match((await client.get(`${base}/${page}`)).body, new RegExp(`<p class="step-indicator">${step}</p>`), page);
    assert.match((await client.get(`${base}/team?lang=en`)).body, /<p class="step-indicator">Step 3 of 6: The teams<\/p>/);
    assert.match((await client.submit(`${base}/bidragsar`, {})).body, /Steg 1 av 6: Bidragsår/);
    assert.doesNotMatch((await client.get(`${base}/historik`)).body, /step-indicator/);
  });
});

describe('länkinnehavarens sida', () => {
  test('säger vems ansökan, bidragsår, team, del och regeln, och Jag är klar syns för samordnaren', async () => {
    const { coordinator, base, link, holder, page } = await sharedSide('social_services');
    for (const [key, value] of [
      ['Ansökan från', 'Exempla kommun'],
      ['Bidragsår', '2026'],
      ['Team', 'Skolsocialt team Norr'],
      ['Del', 'Personal från socialtjänsten'],
    ]) {
      assert.match(page, new RegExp(`<dt class="summary__key">${key}</dt><dd class="summary__value">${value}</dd>`), key);
    }
    assert.match(
      page,
      /minst 1,00 i tjänstgöringsgrad varje dag under perioden, med personer som har rätt utbildning och en anställning eller ett uppdrag på minst 6 månader/,
    );
    assert.match((await coordinator.get(`${base}/team/1/dela`)).body, /<td>Gäller<\/td>/);

    assert.equal((await holder.post(`${link}/klar`, {}, { csrf: null })).statusCode, 403);
    const done = await holder.post(`${link}/klar`, {});
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, link);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short' }).format(new Date());
    assert.match((await holder.get(link)).body, new RegExp(`Du meddelade att du var klar ${today}`));
    assert.match((await coordinator.get(`${base}/team/1/dela`)).body, new RegExp(`<td>Klar ${today}</td>`));
    assert.match((await coordinator.get(`${base}/historik`)).body, /<td>Länk för socialtjänsten, Skolsocialt team Norr<\/td><td>är klar med sin del<\/td>/);
  });

  test('Jag är klar på en återkallad länk ger 404 och ändrar ingenting', async () => {
    const { coordinator, base, shared, link, holder } = await sharedSide('school');
    const revoke = /action="([^"]+\/aterkalla)"/.exec(shared.body)?.[1] ?? '';
    assert.equal((await coordinator.post(revoke, {})).statusCode, 303);
    assert.equal((await holder.post(`${link}/klar`, {})).statusCode, 404);
    assert.doesNotMatch((await coordinator.get(`${base}/historik`)).body, /klar med sin del/);
  });
});

forEachBackend((name, newBackend) => {
  test(`Jag är klar sparas på länken och i historiken, på ${name}`, async (t) => {
    const backend = await newBackend();
    const store = await createDraftStore(await openDb(backend.config));
    t.after(async () => {
      await store.close();
      await backend.dispose();
    });
    const draft = await store.create({ application: { teams: [] } });
    const link = await store.createLink({ draftId: draft.id, teamId: 't1', side: 'school', label: 'Länk för skolpersonal, Team Norr' });
    assert.ok(link);
    assert.equal(link.doneAt, null);
    const done = await store.markLinkDone(link.token, 'Team Norr');
    assert.ok(done?.doneAt);
    assert.equal((await store.listLinks(draft.id))[0].doneAt, done.doneAt);
    assert.deepEqual(
      (await store.history(draft.id)).map((e) => [e.actor, e.event]),
      [['link:school', { kind: 'link_done', team: 't1', teamName: 'Team Norr' }]],
    );
    assert.ok(await store.revokeLink(draft.id, link.token));
    assert.equal(await store.markLinkDone(link.token, 'Team Norr'), undefined);
    assert.equal(await store.markLinkDone("x'--", 'Team Norr'), undefined);
    assert.equal((await store.history(draft.id)).length, 1);
  });
});

describe('förvalt bidragsår', () => {
  test('från 1 juli förbereds nästa års omgång, före dess årets', () => {
    assert.equal(roundBeingPrepared('2026-06-30'), 2026);
    assert.equal(roundBeingPrepared('2026-07-01'), 2027);
    assert.equal(roundBeingPrepared('2026-12-02'), 2027);
    assert.equal(roundBeingPrepared('2026-12-31'), 2027);
    assert.equal(roundBeingPrepared('2027-01-01'), 2027);
    assert.equal(roundBeingPrepared('2027-06-30'), 2027);
    assert.equal(roundBeingPrepared('2027-07-01'), 2028);
  });

  test('snabbuppskattningen och en ny översikt föreslår omgången som förbereds', async () => {
    const year = String(roundBeingPrepared(todayInSweden()));
    assert.match((await app.inject('/uppskattning')).body, new RegExp(`name="grantYear" type="radio" value="${year}" checked`));
    assert.match((await app.inject('/oversikt/ny')).body, new RegExp(`<option value="${year}" selected>`));
  });

  test('bidragsårssidan förväljer inget år', async () => {
    const client = new FormClient(app);
    const base = await emptyDraft(client);
    assert.doesNotMatch((await client.get(`${base}/bidragsar`)).body, /checked/);
  });
});

describe('datumexemplen', () => {
  test('exemplen ligger i ansökans bidragsår, på sidorna och i felen', async () => {
    const client = new FormClient(app);
    const base = await emptyDraft(client);
    await client.submit(`${base}/bidragsar`, { grantYear: '2027' });
    await client.submit(`${base}/huvudman`, { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal' });
    assert.match((await client.get(`${base}/team/ny`)).body, /Skriv datum som 2027-01-01 eller 1\/1 2027\./);
    const wrongPeriod = await client.submit(`${base}/team/ny`, { ...team, periodFrom: 'i höstas', periodTo: '2027-12-31' });
    assert.match(wrongPeriod.body, /Skriv periodens första dag som 2027-01-01 eller 1\/1 2027\./);
    const people = await addTeam(client, base, []);
    const member = people.replace('/personer', '/person/ny');
    assert.match((await client.get(member)).body, /Skriv datum som 2027-08-15 eller 15\/8 2027\./);
    const wrongStart = await client.submit(member, { ...school, start: 'i augusti' });
    assert.match(wrongStart.body, /Skriv första dagen som 2027-08-15 eller 15\/8 2027\./);
    assert.doesNotMatch(wrongStart.body, /2025-08-15/);
  });
});
