/**
 * Input read as meant, or questioned, in every place a person types it: the member page, a link
 * holder's member page, the staff-list import and the quick estimate. Unusual values are asked
 * about and a second send confirms them (kept in the draft); no answer that changes the outcome
 * is chosen on a fresh form.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { FormClient } from './form-client.ts';
import { buildApp } from './helper.ts';
import { school, team as answeredTeam } from './journey-answers.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp();
});
after(() => app.close());

const team = { ...answeredTeam, name: 'Team Norr' };

/** A draft with one empty team: the client, the draft's id and the team's path. */
async function teamDraft(): Promise<{ client: FormClient; id: string; teamPath: string }> {
  const client = new FormClient(app);
  await client.get('/');
  const base = String((await client.post('/ansokan', {})).headers.location).replace(/\/bidragsar$/, '');
  await client.submit(`${base}/bidragsar`, { grantYear: '2026' });
  await client.submit(`${base}/huvudman`, { name: 'Exempla kommun', orgNumber: '212000-0142', type: 'municipal' });
  const created = await client.submit(`${base}/team/ny`, team);
  assert.equal(created.statusCode, 303, created.body.slice(0, 1000));
  return { client, id: base.split('/').pop()!, teamPath: String(created.headers.location).replace(/\/personer$/, '') };
}

/** The draft's members as the API gives them. */
async function membersOf(id: string) {
  const response = await app.inject({ url: `/api/v1/drafts/${id}` });
  return JSON.parse(response.body).application.teams[0].members as Array<Record<string, string>>;
}

/** A link holder's page for the team's school staff: its path. */
async function schoolLink(client: FormClient, teamPath: string): Promise<string> {
  const created = await client.submit(`${teamPath}/dela`, { side: 'school' });
  const url = /value="(https?:\/\/[^"]+\/lank\/[A-Za-z0-9_-]{22})"/.exec(created.body)?.[1];
  assert.ok(url, created.body.slice(0, 1000));
  return new URL(url).pathname;
}

/** The values of the hidden `confirmed` fields on a page. */
const confirmationsOn = (html: string) => [...html.matchAll(/name="confirmed" value="([^"]*)"/g)].map((m) => m[1]);

const spellings: Array<[Partial<typeof school>, Record<string, string>]> = [
  [{ monthlySalary: '42.000' }, { monthlySalary: '42000' }],
  [{ monthlySalary: '42000 kr' }, { monthlySalary: '42000' }],
  [{ monthlySalary: '42 000:-' }, { monthlySalary: '42000' }],
  [{ monthlySalary: '42000:-' }, { monthlySalary: '42000' }],
  [{ monthlySalary: '38 500 kr' }, { monthlySalary: '38500' }],
  [{ monthlySalary: '42\u00a0000' }, { monthlySalary: '42000' }],
  [{ monthlySalary: '42\u202f000' }, { monthlySalary: '42000' }],
  [{ monthlySalary: '42.000,50' }, { monthlySalary: '42000.5' }],
  [{ monthlySalary: '42k' }, { monthlySalary: '42000' }],
  [{ monthlySalary: '42 tkr' }, { monthlySalary: '42000' }],
  [{ employerCostRate: '31,42' }, { employerCostRate: '0.3142' }],
  [{ employerCostRate: '31.42' }, { employerCostRate: '0.3142' }],
  [{ employerCostRate: '0,3142' }, { employerCostRate: '0.3142' }],
  [{ fte: '50' }, { fte: '0.50' }],
  [{ fte: '1' }, { fte: '1.00' }],
  [{ fte: '0,5' }, { fte: '0.50' }],
];

const questioned: Array<[Partial<typeof school>, RegExp]> = [
  [{ monthlySalary: '42,000' }, /href="#monthlySalary"[^>]*>Menar du 42,000 kronor med decimaler eller ett belopp i tusental\?/],
  [{ employerCostRate: '1' }, /href="#employerCostRate"[^>]*>Menar du 1 % eller 100 %\?/],
  [{ fte: '1,5' }, /href="#fte"[^>]*>Menar du 1,5 % eller 1,5 heltider\?/],
  [
    { employerCostRate: '' },
    /href="#employerCostRate"[^>]*>Skriv personalomkostnadspålägget för anställningen, till exempel 31,42 %, eller välj &quot;Vet inte&quot;/,
  ],
];

describe('medlemssidan och länksidan läser tal som de skrivs', () => {
  for (const where of ['medlemssidan', 'länksidan'] as const) {
    test(`${where}: varje skrivsätt sparas som det menas`, async () => {
      const { client, id, teamPath } = await teamDraft();
      const page = where === 'medlemssidan' ? `${teamPath}/person/ny` : `${await schoolLink(client, teamPath)}/person/ny`;
      for (const [typed] of spellings) {
        // Half time each, so that together they stay a plausible team.
        const saved = await client.submit(page, { ...school, fte: '0,5', ...typed });
        assert.equal(saved.statusCode, 303, `${JSON.stringify(typed)}: ${saved.body.slice(0, 3000)}`);
      }
      const members = await membersOf(id);
      spellings.forEach(([typed, stored], i) => {
        for (const [field, value] of Object.entries(stored)) assert.equal(members[i][field], value, JSON.stringify(typed));
      });
    });

    test(`${where}: det som kan läsas på två sätt ger en fråga och sparas inte`, async () => {
      const { client, id, teamPath } = await teamDraft();
      const page = where === 'medlemssidan' ? `${teamPath}/person/ny` : `${await schoolLink(client, teamPath)}/person/ny`;
      for (const [typed, question] of questioned) {
        const response = await client.submit(page, { ...school, ...typed });
        assert.equal(response.statusCode, 422, JSON.stringify(typed));
        assert.match(response.body, question);
      }
      assert.deepEqual(await membersOf(id), []);
    });
  }

  test('"Vet inte" om personalomkostnadspålägget sparar 0 och resultatet varnar', async () => {
    const { client, id, teamPath } = await teamDraft();
    const saved = await client.submit(`${teamPath}/person/ny`, { ...school, employerCostRate: '', employerCostRateUnknown: 'yes' });
    assert.equal(saved.statusCode, 303);
    assert.equal((await membersOf(id))[0].employerCostRate, '0');
    const again = await client.get(`${teamPath}/person/p1`);
    assert.match(again.body, /id="employerCostRateUnknown" name="employerCostRateUnknown" type="checkbox" value="yes" checked/);
    assert.match((await client.get(`/ansokan/${id}/kontrollera`)).body, /kr i månaden, personalomkostnadspålägg: Vet inte/);
    // An assignment needs no rate.
    assert.equal((await client.submit(`${teamPath}/person/ny`, { ...school, engagement: 'assignment', employerCostRate: '' })).statusCode, 303);
  });
});

describe('ovanliga värden frågas om och bekräftas', () => {
  test('en månadslön på 4 200 kr: först en fråga (422), sedan sparas den när sidan skickas igen; en omladdning frågar inte igen', async () => {
    const { client, id, teamPath } = await teamDraft();
    const asked = await client.submit(`${teamPath}/person/ny`, { ...school, monthlySalary: '4 200' });
    assert.equal(asked.statusCode, 422);
    assert.match(asked.body, /<title>Kontrollera: Lägg till en person i teamet/);
    assert.match(asked.body, /Stämmer uppgifterna\?/);
    assert.match(asked.body, /id="monthlySalary-error"><span class="visually-hidden">Kontrollera:<\/span> Stämmer det/);
    assert.doesNotMatch(asked.body, /visually-hidden">Fel:/);
    assert.match(asked.body, /href="#monthlySalary"[^>]*>Stämmer det att månadslönen vid heltid är 4\u00a0200\u00a0kr\? Det är ovanligt lite\./);
    assert.match(asked.body, /value="4 200"/);
    assert.deepEqual(confirmationsOn(asked.body), ['monthlySalary=4200']);
    assert.deepEqual(await membersOf(id), []);

    const confirmed = await client.post(`${teamPath}/person/ny`, { ...school, monthlySalary: '4 200', confirmed: confirmationsOn(asked.body) });
    assert.equal(confirmed.statusCode, 303);
    assert.equal((await membersOf(id))[0].monthlySalary, '4200');

    // Reloaded and sent again unchanged: remembered, no question. A new unusual value is asked about.
    const reloaded = await client.get(`${teamPath}/person/p1`);
    assert.doesNotMatch(reloaded.body, /Stämmer det/);
    assert.equal((await client.post(`${teamPath}/person/p1`, { ...school, monthlySalary: '4200' })).statusCode, 303);
    const changed = await client.submit(`${teamPath}/person/p1`, { ...school, monthlySalary: '4300' });
    assert.equal(changed.statusCode, 422);
    assert.match(changed.body, /månadslönen vid heltid är 4\u00a0300\u00a0kr\?/);
    // The draft still exports as the public API's application, without the confirmations.
    const exported = JSON.parse((await app.inject({ url: `/api/v1/drafts/${id}` })).body);
    assert.doesNotMatch(JSON.stringify(exported), /confirmed/);
  });

  test('gränserna: 14 999 och 150 001 kr frågas om, 15 000 och 150 000 kr inte; 60 % inte, 60,01 % frågas om', async () => {
    const { client, teamPath } = await teamDraft();
    const page = `${teamPath}/person/ny`;
    assert.equal((await client.submit(page, { ...school, monthlySalary: '14 999' })).statusCode, 422);
    assert.equal((await client.submit(page, { ...school, monthlySalary: '15 000' })).statusCode, 303);
    assert.equal((await client.submit(page, { ...school, monthlySalary: '150 000', fte: '0,1' })).statusCode, 303);
    assert.equal((await client.submit(page, { ...school, monthlySalary: '150 001', fte: '0,1' })).statusCode, 422);
    assert.equal((await client.submit(page, { ...school, employerCostRate: '60 %', fte: '0,1' })).statusCode, 303);
    const high = await client.submit(page, { ...school, employerCostRate: '60,01', fte: '0,1' });
    assert.equal(high.statusCode, 422);
    assert.match(high.body, /Stämmer det att personalomkostnadspålägget är 60,01 %\?/);
  });

  test('mer än 10 heltider skolpersonal samma dag frågas om, på länksidan som på medlemssidan', async () => {
    const { client, teamPath } = await teamDraft();
    for (let i = 0; i < 10; i++) assert.equal((await client.submit(`${teamPath}/person/ny`, school)).statusCode, 303);
    const link = await schoolLink(client, teamPath);
    const holder = new FormClient(app);
    const asked = await holder.submit(`${link}/person/ny`, { ...school, fte: '0,5' });
    assert.equal(asked.statusCode, 422);
    assert.match(asked.body, /Stämmer det att skolpersonalen i teamet har 10,50 i tjänstgöringsgrad sammanlagt samma dag\?/);
    const confirmed = await holder.post(`${link}/person/ny`, { ...school, fte: '0,5', confirmed: confirmationsOn(asked.body) });
    assert.equal(confirmed.statusCode, 303);
    // Someone who left before the others started does not count.
    assert.equal((await client.submit(`${teamPath}/person/ny`, { ...school, start: '2024-01-01', end: '2024-12-31' })).statusCode, 303);
  });
});

describe('personallistan läser tal som medlemssidan och frågar om ovanliga rader', () => {
  const header = 'Roll\tSida\tAnställning\tTjänstgöringsgrad\tStart\tUtbildning\tUrsprung\tMånadslön\tPersonalomkostnadspålägg\n';
  const row = (fte: string, salary: string, rate: string) =>
    `Kurator\tskola\tAnställning\t${fte}\t2025-08-15\tExamen i psykosocialt arbete\tNytillsatt\t${salary}\t${rate}\n`;

  test('42.000, 42 000:-, 38 500 kr, 42k, 31,42 och 50 läses som menat; 42,000 och 1,5 ger frågor', async () => {
    const { client, id, teamPath } = await teamDraft();
    const rows =
      header +
      row('50', '42.000', '31,42') +
      row('1', '42 000:-', '31.42') +
      row('0,5', '38 500 kr', '31,42 %') +
      row('1', '42k', '0,3142') +
      row('1', '42,000', '31,42') +
      row('1,5', '42000', '31,42');
    const preview = await client.submit(`${teamPath}/importera`, { rows });
    assert.equal(preview.statusCode, 200, preview.body.slice(0, 2000));
    assert.match(preview.body, /4 rader kan läggas till\. 2 rader har problem/);
    assert.match(preview.body, /Menar du 42,000 kronor med decimaler/);
    assert.match(preview.body, /Menar du 1,5 % eller 1,5 heltider\?/);
    const payload = /name="payload" value="([^"]*)"/.exec(preview.body)![1].replace(/&quot;/g, '"');
    assert.equal((await client.post(`${teamPath}/importera/spara`, { payload })).statusCode, 303);
    const members = await membersOf(id);
    assert.deepEqual(
      members.map((m) => [m.fte, m.monthlySalary, m.employerCostRate]),
      [
        ['0.50', '42000', '0.3142'],
        ['1.00', '42000', '0.3142'],
        ['0.50', '38500', '0.3142'],
        ['1.00', '42000', '0.3142'],
      ],
    );
  });

  test('en rad med månadslön 4 200 kr läggs bara till om den bekräftas, och bekräftelsen följer med', async () => {
    const { client, id, teamPath } = await teamDraft();
    const rows = header + row('1', '42 000', '31,42') + row('1', '4 200', '31,42');
    const preview = await client.submit(`${teamPath}/importera`, { rows });
    assert.match(preview.body, /1 rad har ovanliga uppgifter och läggs bara till om du bekräftar att de stämmer/);
    assert.match(preview.body, /Ja, rad 3 stämmer\. Stämmer det att månadslönen vid heltid är 4\u00a0200\u00a0kr\?/);
    const payload = /name="payload" value="([^"]*)"/.exec(preview.body)![1].replace(/&quot;/g, '"');
    const confirmRow = /name="confirmRow" type="checkbox" value="(\d+)"/.exec(preview.body)![1];

    const unticked = await client.post(`${teamPath}/importera/spara`, { payload });
    assert.match((await client.get(String(unticked.headers.location))).body, /1 person lades till från listan\. 1 rad hoppades över\./);
    assert.deepEqual(
      (await membersOf(id)).map((m) => m.monthlySalary),
      ['42000'],
    );

    await client.get(`${teamPath}/importera`);
    // Sent again from the same preview, now that the team has a member: added to it, both rows ticked although they repeat the member (same side, role, start and fte).
    const ticked = await client.post(`${teamPath}/importera/spara`, { payload, confirmRow, mode: 'add', includeRow: ['0', '1'] });
    assert.equal(ticked.statusCode, 303);
    // The ticked row is added this time (with the first row again).
    assert.deepEqual(
      (await membersOf(id)).map((m) => m.monthlySalary),
      ['42000', '42000', '4200'],
    );
    // The confirmation is kept: the member page saves the imported person without asking again.
    const saved = await client.submit(`${teamPath}/person/p3`, { ...school, monthlySalary: '4200' });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
  });
});

describe('snabb uppskattning läser kronor som de skrivs och frågar om ovanliga värden', () => {
  const figures = { grantYear: '2026', municipalityCode: '0180', schoolFte: '1', socialFte: '1', schoolCost: '55 000', socialCost: '52 000', months: '12' };

  test('42.000, 42 000 kr och 42k ger samma uppskattning; 42,000 ger en fråga', async () => {
    const client = new FormClient(app);
    const grants = new Set<string>();
    for (const cost of ['42.000', '42 000 kr', '42k', '42000:-']) {
      const response = await client.submit('/uppskattning', { ...figures, schoolCost: cost });
      assert.equal(response.statusCode, 200, cost);
      grants.add(/data-amount="grant">([^<]*)</.exec(response.body)![1]);
    }
    assert.equal(grants.size, 1);
    const ambiguous = await client.submit('/uppskattning', { ...figures, schoolCost: '42,000' });
    assert.equal(ambiguous.statusCode, 422);
    assert.match(ambiguous.body, /href="#schoolCost"[^>]*>Menar du 42,000 kronor/);
  });

  test('en månadskostnad på 4 200 kr och 12 heltider frågas om; bekräftade räknas de och följer med till utkastet', async () => {
    const client = new FormClient(app);
    const asked = await client.submit('/uppskattning', { ...figures, schoolCost: '4 200', schoolFte: '12' });
    assert.equal(asked.statusCode, 422);
    assert.match(asked.body, /Stämmer det att månadskostnaden per heltid är 4\u00a0200\u00a0kr\?/);
    assert.match(asked.body, /Stämmer det att skolpersonalen i teamet har 12,00 i tjänstgöringsgrad sammanlagt samma dag\?/);
    const confirmed = confirmationsOn(asked.body);
    assert.deepEqual(confirmed, ['schoolCost=4200', 'schoolFte=12.00']);
    const result = await client.post('/uppskattning', { ...figures, schoolCost: '4 200', schoolFte: '12', confirmed });
    assert.equal(result.statusCode, 200);
    assert.match(result.body, /data-amount="grant"/);
    // The result's "start a draft" form carries the confirmations, and the draft keeps them.
    const draftForm = result.body.slice(result.body.indexOf('/uppskattning/utkast'));
    assert.deepEqual(confirmationsOn(draftForm).slice(0, 2), confirmed);
    const started = await client.post('/uppskattning/utkast', { ...figures, schoolCost: '4200', schoolFte: '12,00', confirmed });
    assert.equal(started.statusCode, 303);
    const draftPath = String(started.headers.location).replace(/\/kontrollera$/, '');
    const member = await client.submit(`${draftPath}/team/1/person/p1`, {
      ...school,
      monthlySalary: '4200',
      employerCostRate: '0',
      engagement: 'employment',
      employerCostRateUnknown: 'yes',
    });
    assert.equal(member.statusCode, 303, member.body.slice(0, 2000));
  });
});

describe('inget svar som ändrar utfallet är förvalt', () => {
  /** The outcome-changing choices that are checked on the page. */
  const checkedChoices = (html: string) =>
    [...html.matchAll(/<input[^>]*name="(origin|engagement|status|contractEducation|education|employerCostRateUnknown)"[^>]*>/g)]
      .filter((m) => / checked/.test(m[0]))
      .map((m) => m[1]);

  test('nytt team, ny person, ny person via länk: inga förvalda svar; skickas de utan svar ges fel per fält', async () => {
    const { client, teamPath } = await teamDraft();
    const base = teamPath.replace(/\/team\/\d+$/, '');
    const pages = [`${base}/team/ny`, `${teamPath}/person/ny`, `${await schoolLink(client, teamPath)}/person/ny`];
    for (const page of pages) {
      const html = (await client.get(page)).body;
      assert.match(html, /name="(status|origin)"/, page);
      assert.deepEqual(checkedChoices(html), [], page);
    }
    const teamErrors = await client.submit(`${base}/team/ny`, { ...team, status: [], contractEducation: [] });
    assert.equal(teamErrors.statusCode, 422);
    assert.match(teamErrors.body, /href="#status"[^>]*>Välj om teamet är nytt eller redan finns/);
    assert.match(teamErrors.body, /href="#contractEducation"[^>]*>Välj om teamets arbete gäller uppdragsutbildning/);
    const { origin: _o, engagement: _e, education: _u, ...unanswered } = school;
    const memberErrors = await client.submit(`${teamPath}/person/ny`, unanswered);
    assert.equal(memberErrors.statusCode, 422);
    for (const field of ['engagement', 'education', 'origin']) assert.match(memberErrors.body, new RegExp(`href="#${field}"`));
  });

  test('bidragsåret och huvudmannen: inget val är gjort på ett nytt utkast', async () => {
    const client = new FormClient(app);
    await client.get('/');
    const base = String((await client.post('/ansokan', {})).headers.location).replace(/\/bidragsar$/, '');
    for (const page of [`${base}/bidragsar`, `${base}/huvudman`]) {
      const html = (await client.get(page)).body;
      assert.match(html, /type="radio"/, page);
      assert.doesNotMatch(html, /type="radio"[^>]* checked/, page);
    }
  });

  test('ett sparat svar visas som valt igen', async () => {
    const { client, teamPath } = await teamDraft();
    await client.submit(`${teamPath}/person/ny`, { ...school, origin: 'redistributed' });
    assert.deepEqual(checkedChoices((await client.get(`${teamPath}/person/p1`)).body), ['engagement', 'education', 'origin']);
    assert.deepEqual(checkedChoices((await client.get(teamPath)).body), ['status', 'contractEducation']);
  });
});
