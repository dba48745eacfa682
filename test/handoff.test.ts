/**
 * Hand-off without accounts: a link opens one team's school-staff or social-services section,
 * and nothing else; revoked and expired links are refused; every change is in the history.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { FormClient } from './form-client.ts';
import { buildApp } from './helper.ts';
import { school, social, team as answeredTeam } from './journey-answers.ts';

/** The app reaching app.drafts (the test hook for making a link that has already expired). */
let app: FastifyInstance;
before(async () => {
  app = await buildApp({}, { open: true });
});
after(() => app.close());

const team = { ...answeredTeam, name: 'Team Norr' };

/** A draft with two teams: Team Norr (p1 school, p2 social services) and Team Söder (p3 school). */
async function draftWithTeams(client: FormClient): Promise<{ base: string; id: string }> {
  await client.get('/');
  const base = String((await client.post('/ansokan', {})).headers.location).replace(/\/bidragsar$/, '');
  await client.submit(`${base}/bidragsar`, { grantYear: '2026' });
  await client.submit(`${base}/huvudman`, { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal' });
  for (const [name, members] of [
    ['Team Norr', [school, social]],
    ['Team Söder', [school]],
  ] as const) {
    const people = String((await client.submit(`${base}/team/ny`, { ...team, name })).headers.location);
    for (const member of members) assert.equal((await client.submit(people.replace('/personer', '/person/ny'), member)).statusCode, 303);
  }
  return { base, id: base.split('/').pop() ?? '' };
}

/** Creates a link on the coordinator's page and returns its path, /lank/{token}. */
async function createLink(client: FormClient, base: string, side: string, teamNumber = 1): Promise<string> {
  const members = await client.get(`${base}/team/${teamNumber}/personer`);
  assert.match(members.body, /Dela en del av teamet med en länk/);
  const created = await client.submit(`${base}/team/${teamNumber}/dela`, { side });
  assert.equal(created.statusCode, 200);
  assert.match(created.body, /Länken är skapad/);
  const url = /value="(https?:\/\/[^"]+\/lank\/[A-Za-z0-9_-]{22})"/.exec(created.body)?.[1];
  assert.ok(url, 'the page shows the full link');
  return new URL(url).pathname;
}

describe('länk för en del av ett team', () => {
  test('länken visar bara sin sida och kan lägga till, ändra och ta bort där; andra sidan och andra team ger 403', async () => {
    const coordinator = new FormClient(app);
    const { base } = await draftWithTeams(coordinator);
    const link = await createLink(coordinator, base, 'school');

    const holder = new FormClient(app);
    const page = await holder.get(link);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Skolpersonal i Team Norr/);
    assert.match(page.body, /Skolkurator \(p1\)/);
    // Neither p2's label nor a link to p2 (a bare /p2/ would also find it in the page's random tokens).
    assert.doesNotMatch(page.body, /\(p2\)|\/p2\b/);

    // The form offers only the link's side.
    const form = await holder.get(`${link}/person/ny`);
    assert.match(form.body, /value="school"/);
    assert.doesNotMatch(form.body, /value="social_services"/);

    const added = await holder.submit(`${link}/person/ny`, { ...school, role: 'Specialpedagog' });
    assert.equal(added.statusCode, 303);
    assert.equal(added.headers.location, link);
    assert.match((await coordinator.get(`${base}/team/1/personer`)).body, /Specialpedagog \(p4\)/);

    assert.equal((await holder.submit(`${link}/person/p1`, { ...school, fte: '0,5' })).statusCode, 303);
    await holder.get(link);
    // Changing the side, a member of the other side, or a member of another team: 403.
    assert.equal((await holder.post(`${link}/person/p1`, { ...social })).statusCode, 403);
    assert.equal((await holder.post(`${link}/person/ny`, { ...social })).statusCode, 403);
    assert.equal((await holder.post(`${link}/person/p2`, { ...school })).statusCode, 403);
    assert.equal((await holder.post(`${link}/person/p2/ta-bort`, {})).statusCode, 403);
    assert.equal((await holder.post(`${link}/person/p3`, { ...school })).statusCode, 403);
    assert.equal((await holder.post(`${link}/person/p3/ta-bort`, {})).statusCode, 403);
    assert.equal((await holder.get(`${link}/person/p2`)).statusCode, 403);

    await holder.get(`${link}/person/p1/ta-bort`);
    assert.equal((await holder.post(`${link}/person/p1/ta-bort`, {})).statusCode, 303);

    const people = (await coordinator.get(`${base}/team/1/personer`)).body;
    assert.doesNotMatch(people, /Skolkurator \(p1\)/);
    assert.match(people, /Skolsocionom \(p2\)/);
    assert.match((await coordinator.get(`${base}/team/2/personer`)).body, /Skolkurator \(p3\)/);
  });

  test('POST utan CSRF-token via länken ger 403', async () => {
    const coordinator = new FormClient(app);
    const { base } = await draftWithTeams(coordinator);
    const link = await createLink(coordinator, base, 'social_services');
    const holder = new FormClient(app);
    await holder.get(`${link}/person/ny`);
    assert.equal((await holder.post(`${link}/person/ny`, social, { csrf: null })).statusCode, 403);
    assert.equal((await holder.post(`${link}/person/p2`, social, { csrf: null })).statusCode, 403);
    assert.equal((await holder.post(`${link}/person/p2/ta-bort`, {}, { csrf: null })).statusCode, 403);
    assert.match((await coordinator.get(`${base}/team/1/personer`)).body, /Skolsocionom \(p2\)/);
  });

  test('en återkallad länk gäller inte längre', async () => {
    const coordinator = new FormClient(app);
    const { base } = await draftWithTeams(coordinator);
    const link = await createLink(coordinator, base, 'school');
    const holder = new FormClient(app);
    await holder.get(`${link}/person/ny`);

    const page = await coordinator.get(`${base}/team/1/dela`);
    const revoke = /action="([^"]+\/aterkalla)"/.exec(page.body)?.[1];
    assert.ok(revoke);
    assert.equal((await coordinator.post(revoke, {})).statusCode, 303);
    assert.match((await coordinator.get(`${base}/team/1/dela`)).body, /Återkallad/);

    const refused = await holder.get(link);
    assert.equal(refused.statusCode, 404);
    assert.match(refused.body, /Länken gäller inte längre/);
    assert.equal((await holder.post(`${link}/person/ny`, school)).statusCode, 404);
    assert.equal(await app.drafts.getLink(link.split('/').pop() ?? ''), undefined);
  });

  test('när ett team tas bort slutar länkarna till det att gälla; länkarna till teamen efter det följer sina team', async () => {
    const coordinator = new FormClient(app);
    const { base } = await draftWithTeams(coordinator);
    const first = await createLink(coordinator, base, 'school', 1);
    const second = await createLink(coordinator, base, 'school', 2);
    await coordinator.get(`${base}/team/1/ta-bort`);
    assert.equal((await coordinator.post(`${base}/team/1/ta-bort`, {})).statusCode, 303);
    const holder = new FormClient(app);
    assert.equal((await holder.get(first)).statusCode, 404);
    const moved = await holder.get(second);
    assert.equal(moved.statusCode, 200, 'the second team is now first: its link still opens it');
    assert.match(moved.body, /Team Söder/);
  });

  test('en länk som har gått ut gäller inte längre; okända och felformade länkar ger 404', async () => {
    const coordinator = new FormClient(app);
    const { id } = await draftWithTeams(coordinator);
    const old = await app.drafts.createLink({
      draftId: id,
      teamId: 't1',
      side: 'school',
      label: 'Länk för skolpersonal, Team Norr',
      now: new Date(Date.now() - 15 * 86_400_000),
    });
    assert.ok(old);
    const fresh = await app.drafts.createLink({
      draftId: id,
      teamId: 't1',
      side: 'school',
      label: 'Länk för skolpersonal, Team Norr',
      now: new Date(Date.now() - 13 * 86_400_000),
    });
    assert.ok(fresh);
    const holder = new FormClient(app);
    const expired = await holder.get(`/lank/${old.token}`);
    assert.equal(expired.statusCode, 404);
    assert.match(expired.body, /Länken gäller inte längre/);
    assert.equal((await holder.get(`/lank/${fresh.token}`)).statusCode, 200);
    assert.equal((await holder.get('/lank/AAAAAAAAAAAAAAAAAAAAAA')).statusCode, 404);
    assert.equal((await holder.get("/lank/x'--")).statusCode, 404);
    assert.equal(await app.drafts.getLink("x' OR 1=1 --"), undefined);
    assert.match(old.token, /^[A-Za-z0-9_-]{22}$/);
  });

  test('historiken visar varje ändring: vem, när och vad', async () => {
    const coordinator = new FormClient(app);
    const { base } = await draftWithTeams(coordinator);
    const link = await createLink(coordinator, base, 'social_services');
    const holder = new FormClient(app);
    assert.equal((await holder.submit(`${link}/person/ny`, social)).statusCode, 303);
    assert.equal((await holder.submit(`${link}/person/p2`, { ...social, fte: '0,5' })).statusCode, 303);
    await holder.get(`${link}/person/p4/ta-bort`);
    assert.equal((await holder.post(`${link}/person/p4/ta-bort`, {})).statusCode, 303);
    await coordinator.get(`${base}/team/2/person/p3/ta-bort`);
    assert.equal((await coordinator.post(`${base}/team/2/person/p3/ta-bort`, {})).statusCode, 303);

    const members = await coordinator.get(`${base}/team/1/personer`);
    assert.match(members.body, new RegExp(`href="${base}/historik"`));
    const page = await coordinator.get(`${base}/historik`);
    assert.equal(page.statusCode, 200);
    const rows = [...page.body.matchAll(/<tr><td>([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><\/tr>/g)].map((m) => [m[2], m[3]]);
    assert.deepEqual(rows, [
      ['Samordnaren', 'valde bidragsår 2026'],
      ['Samordnaren', 'ändrade huvudmannen'],
      ['Samordnaren', 'lade till teamet Team Norr'],
      // People by the role they have now; by id once removed.
      ['Samordnaren', 'lade till Skolkurator (p1)'],
      ['Samordnaren', 'lade till Skolsocionom (p2)'],
      ['Samordnaren', 'lade till teamet Team Söder'],
      ['Samordnaren', 'lade till p3'],
      ['Länk för socialtjänsten, Team Norr', 'lade till p4'],
      ['Länk för socialtjänsten, Team Norr', 'ändrade Skolsocionom (p2)'],
      ['Länk för socialtjänsten, Team Norr', 'tog bort p4'],
      ['Samordnaren', 'tog bort p3'],
    ]);
    assert.match(page.body, /<td>\d{4}-\d{2}-\d{2} \d{2}:\d{2}<\/td>/);
    // Stored as data, worded in the viewer's language.
    const english = (await coordinator.get(`${base}/historik?lang=en`)).body;
    assert.match(english, /<td>The coordinator<\/td><td>chose grant year 2026<\/td>/);
    assert.match(english, /<td>Link for social services, Team Norr<\/td><td>changed Skolsocionom \(p2\)<\/td>/);
  });

  test('sidorna finns på engelska', async () => {
    const coordinator = new FormClient(app);
    const { base } = await draftWithTeams(coordinator);
    assert.match((await coordinator.get(`${base}/team/1/dela?lang=en`)).body, /Share part of Team Norr with a link/);
    assert.match((await coordinator.get(`${base}/historik?lang=en`)).body, /<h1>History<\/h1>/);
  });
});
