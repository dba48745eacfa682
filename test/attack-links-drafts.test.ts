/**
 * Issue 8, as an attacker tried it: hand-off links after a reorder and a removal through the
 * API, a link holder past the 50-member limit, drafts the pages could not show (a JSON number,
 * NUL, a lone surrogate), DELETE, the API's changes in the history, old drafts migrated. And a
 * property test: random valid and mutated drafts through POST and PUT /api/v1/drafts, every
 * page of each opened, never a 5xx.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { openDb } from '../src/drafts/db.ts';
import { asDraftData } from '../src/drafts/draft-data.ts';
import { migrate } from '../src/drafts/migrate.ts';
import { createDraftStore } from '../src/drafts/store.ts';
import { buildApplication, mutate } from './application-builder.ts';
import { forEachBackend } from './fixtures/drafts-backends.ts';
import { FormClient } from './form-client.ts';
import { buildApp } from './helper.ts';

type Json = Record<string, unknown>;
type ApiTeam = Json & { id: string; name: string; members: Array<Json & { id: string }> };

/** Every GET route of a draft's pages and of a link holder's pages, collected as the app registers them. */
const pageRoutes: string[] = [];
let app: FastifyInstance;
before(async () => {
  app = await buildApp(
    {},
    {
      open: true,
      onRoute: ({ method, url }) => {
        if ((method === 'GET' || (Array.isArray(method) && method.includes('GET'))) && /^\/(ansokan\/:id|lank\/:token)\//.test(`${url}/`)) pageRoutes.push(url);
      },
    },
  );
});
after(() => app.close());

const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  app.inject({
    method,
    url,
    ...(payload === undefined
      ? {}
      : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { 'content-type': 'application/json' } }),
  });

async function createDraft(application: unknown): Promise<string> {
  const created = await api('POST', '/api/v1/drafts', application);
  assert.equal(created.statusCode, 201, created.body);
  return created.json().id;
}

const read = async (id: string) => (await api('GET', `/api/v1/drafts/${id}`)).json() as { version: number; application: Json & { teams: ApiTeam[] } };

/** Team A (a school and a social-services member) and Team B (one school member). */
const twoTeams = () => buildApplication({ teams: [{ name: 'Team A' }, { name: 'Team B', members: [{ side: 'school' }] }] });

async function linkFor(id: string, teamId: string, side: 'school' | 'social_services' = 'school'): Promise<string> {
  const link = await app.drafts.createLink({ draftId: id, teamId, side, label: `Länk för ${side}` });
  assert.ok(link);
  return `/lank/${link.token}`;
}

const linkMember = {
  side: 'school',
  role: 'Specialpedagog',
  engagement: 'employment',
  fte: '0,5',
  start: '2025-08-15',
  end: '',
  education: 'psychosocial_training',
  educationNote: '',
  origin: 'new',
  monthlySalary: '38 000',
  employerCostRate: '31,42',
  otherFundingShare: '',
};

describe('en länk följer sitt team, inte en plats i listan', () => {
  test('efter att teamen bytt plats genom PUT öppnar länken för Team B fortfarande Team B och ändrar bara det', async () => {
    const id = await createDraft(twoTeams());
    const before = await read(id);
    const teamB = before.application.teams[1];
    const link = await linkFor(id, teamB.id);
    const reordered = { ...before.application, teams: [teamB, before.application.teams[0]] };
    assert.equal((await api('PUT', `/api/v1/drafts/${id}`, reordered)).statusCode, 200);

    const holder = new FormClient(app);
    const page = await holder.get(link);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Skolpersonal i Team B/);
    assert.equal((await holder.submit(`${link}/person/ny`, linkMember)).statusCode, 303);
    const after = await read(id);
    assert.deepEqual(
      after.application.teams.map((t) => [t.name, t.members.length]),
      [
        ['Team B', 2],
        ['Team A', 2],
      ],
    );
    assert.deepEqual(after.application.teams[1], before.application.teams[0], 'Team A is untouched');
  });

  test('när Team B tas bort genom PUT svarar länken 404 "Länken gäller inte längre", också om ett team med samma id kommer tillbaka', async () => {
    const id = await createDraft(twoTeams());
    const { application } = await read(id);
    const link = await linkFor(id, application.teams[1].id);
    assert.equal((await api('PUT', `/api/v1/drafts/${id}`, { ...application, teams: [application.teams[0]] })).statusCode, 200);
    const holder = new FormClient(app);
    const gone = await holder.get(link);
    assert.equal(gone.statusCode, 404);
    assert.match(gone.body, /Länken gäller inte längre/);
    assert.equal((await holder.get(`${link}/person/ny`)).statusCode, 404);

    assert.equal((await api('PUT', `/api/v1/drafts/${id}`, application)).statusCode, 200, 'Team B sent again with its old id');
    assert.equal((await holder.get(link)).statusCode, 404);
  });

  test('när Team B tas bort på sidan svarar länken 404, och länken till Team A gäller fortfarande', async () => {
    const id = await createDraft(twoTeams());
    const { application } = await read(id);
    const linkA = await linkFor(id, application.teams[0].id);
    const linkB = await linkFor(id, application.teams[1].id);
    const coordinator = new FormClient(app);
    assert.equal((await coordinator.submit(`/ansokan/${id}/team/2/ta-bort`, {})).statusCode, 303);
    assert.equal((await coordinator.get(linkB)).statusCode, 404);
    assert.match((await coordinator.get(linkA)).body, /Skolpersonal i Team A/);
  });
});

describe('ingen väg sparar mer än resan tillåter', () => {
  test('den som har en länk kan inte lägga till en 51:a person: en tydlig sida, inget sparas', async () => {
    const id = await createDraft(buildApplication({ teams: [{ members: Array.from({ length: 50 }, () => ({ side: 'school' })) }] }));
    const { application, version } = await read(id);
    const link = await linkFor(id, application.teams[0].id);
    const holder = new FormClient(app);
    const form = await holder.get(`${link}/person/ny`);
    assert.equal(form.statusCode, 422);
    assert.match(form.body, /högst 50 personer/);
    await holder.get(`${link}/person/${application.teams[0].members[0].id}`); // a page with a form, for its CSRF token
    const posted = await holder.post(`${link}/person/ny`, linkMember);
    assert.equal(posted.statusCode, 422);
    assert.match(posted.body, /Inget har ändrats/);
    const after = await read(id);
    assert.equal(after.version, version);
    assert.equal(after.application.teams[0].members.length, 50);
  });

  test('samordnaren kan inte heller lägga till en 51:a person eller ett 21:a team på sidorna', async () => {
    const id = await createDraft(
      buildApplication({
        teams: Array.from({ length: 20 }, (_, t) => ({
          name: `Team ${t + 1}`,
          members: t === 0 ? Array.from({ length: 50 }, () => ({ side: 'school' })) : undefined,
        })),
      }),
    );
    const coordinator = new FormClient(app);
    await coordinator.get(`/ansokan/${id}/team/1`); // a page with a form, for its CSRF token
    assert.equal((await coordinator.post(`/ansokan/${id}/team/1/person/ny`, linkMember)).statusCode, 422);
    assert.equal(
      (
        await coordinator.post(`/ansokan/${id}/team/ny`, {
          name: 'Team 21',
          schoolForms: 'grundskola',
          municipalityCode: '0180',
          status: 'new',
          contractEducation: 'no',
        })
      ).statusCode,
      422,
    );
    assert.equal((await read(id)).version, 1);
  });

  test('API:et avvisar 51 personer i ett team och 21 team med 400 och sökvägen', async () => {
    const tooManyMembers = await api(
      'POST',
      '/api/v1/drafts',
      buildApplication({ teams: [{ members: Array.from({ length: 51 }, () => ({ side: 'school' })) }] }),
    );
    assert.equal(tooManyMembers.statusCode, 400);
    assert.deepEqual(
      tooManyMembers.json().issues.map((i: { path: string }) => i.path),
      ['teams.0.members'],
    );
    const tooManyTeams = await api('POST', '/api/v1/drafts', buildApplication({ teams: Array.from({ length: 21 }, () => ({})) }));
    assert.equal(tooManyTeams.statusCode, 400);
    assert.deepEqual(
      tooManyTeams.json().issues.map((i: { path: string }) => i.path),
      ['teams'],
    );
  });
});

/** Every GET page of the draft (each team, each member, a link per team and side, the downloads) with its status. */
async function openEveryPage(id: string): Promise<Array<[string, number]>> {
  const { application } = await read(id);
  const urls = new Set<string>();
  // "ny" (a new team or member) only where the page offers it; a link holder's members only of the link's side.
  const orNew = (route: string, param: string, ids: string[]) => (route.endsWith(param) ? ids.concat('ny') : ids);
  for (const route of pageRoutes.filter((r) => r.startsWith('/ansokan/'))) {
    const teams = route.includes(':team')
      ? orNew(
          route,
          ':team',
          application.teams.map((_, t) => String(t + 1)),
        )
      : [''];
    for (const team of teams) {
      const members = route.includes(':member') ? orNew(route, ':member', application.teams[Number(team) - 1]?.members.map((m) => m.id) ?? []) : [''];
      for (const member of members) urls.add(route.replace(':id', id).replace(':team', team).replace(':member', member));
    }
  }
  for (const team of application.teams) {
    for (const side of ['school', 'social_services'] as const) {
      const link = await linkFor(id, team.id, side);
      const sideMembers = team.members.filter((m) => m.side === side).map((m) => m.id);
      for (const route of pageRoutes.filter((r) => r.startsWith('/lank/'))) {
        const members = route.includes(':member') ? orNew(route, ':member', sideMembers) : [''];
        for (const member of members) urls.add(route.replace('/lank/:token', link).replace(':member', member));
      }
    }
  }
  urls.add(`/api/v1/drafts/${id}`);
  const statuses: Array<[string, number]> = [];
  for (const url of urls) statuses.push([url, (await app.inject({ url })).statusCode]);
  return statuses;
}

describe('API:et sparar bara det sidorna kan visa', () => {
  test('"fte": 1 och "monthlySalary": 42000 som JSON-tal sparas som sidornas text, och varje sida av utkastet svarar 200 (länken till utkastet 303)', async () => {
    const id = await createDraft(
      buildApplication({
        teams: [
          {
            members: [
              { side: 'school', fte: 1, monthlySalary: 42000, employerCostRate: 0.3142 },
              { side: 'social_services', fte: 0.5 },
            ],
          },
        ],
      }),
    );
    const [school, social] = (await read(id)).application.teams[0].members;
    assert.deepEqual([school.fte, school.monthlySalary, school.employerCostRate, social.fte], ['1.00', '42000', '0.3142', '0.50']);
    const statuses = await openEveryPage(id);
    assert.ok(statuses.length > 20, `only ${statuses.length} pages`);
    // The draft's own link opens it at a step; a settlement's own pages are not an application's.
    const settlementOnly = (url: string) => /\/(beslut|redovisning)$/.test(url);
    const expected = (url: string) => (url === `/ansokan/${id}` ? 303 : settlementOnly(url) ? 404 : 200);
    assert.deepEqual(
      statuses.filter(([url, status]) => status !== expected(url)),
      [],
    );
    // The same application as a settlement (decided 300 000 kr): every page answers 200, its own included.
    const data = asDraftData((await app.drafts.get(id))!.data);
    const settlement = await app.drafts.create({
      ...data,
      settlement: { applied: data.application, decisions: { [data.application.teams[0].id]: { skolverketGrant: '300000', decidedOn: '2026-04-15' } } },
    });
    const settled = await openEveryPage(settlement.id);
    assert.ok(settled.some(([url, status]) => url.endsWith('/redovisning') && status === 200));
    assert.deepEqual(
      settled.filter(([url, status]) => status !== (url === `/ansokan/${settlement.id}` ? 303 : 200)),
      [],
    );
  });

  test('NUL och ett ensamt surrogattecken i ett namn ger 400 med sökvägen, och inget sparas', async () => {
    const id = await createDraft(twoTeams());
    const stored = await read(id);
    for (const name of ['"Team \\u0000 Norr"', '"Team \\ud800"', '"\\udc00"']) {
      const raw = JSON.stringify({ ...twoTeams(), organiser: { name: 'X', orgNumber: '212000-0142', type: 'municipal' } }).replace('"X"', name);
      for (const [method, url] of [
        ['POST', '/api/v1/drafts'],
        ['PUT', `/api/v1/drafts/${id}`],
      ] as const) {
        const response = await api(method, url, raw);
        assert.equal(response.statusCode, 400, `${method} ${name}`);
        assert.equal(response.json().error, 'invalid_draft');
        assert.deepEqual(
          response.json().issues.map((i: { path: string }) => i.path),
          ['organiser.name'],
        );
        assert.equal(response.headers.location, undefined);
      }
    }
    assert.deepEqual(await read(id), stored);
  });

  test('fel typer avvisas med 400 och sökvägen; ett ofullständigt utkast går bra', async () => {
    const cases: Array<[unknown, string]> = [
      [{ grantYear: 'tjugo' }, 'grantYear'],
      [{ grantYear: 1999 }, 'grantYear'],
      [{ teams: [{ name: 7 }] }, 'teams.0.name'],
      [{ teams: [{ members: [{ fte: 'mycket' }] }] }, 'teams.0.members.0.fte'],
      [{ teams: [{ members: [{ fte: 2 }] }] }, 'teams.0.members.0.fte'],
      [{ teams: [{ members: [{ start: 20250815 }] }] }, 'teams.0.members.0.start'],
      [{ teams: [{ schoolForms: 'grundskola' }] }, 'teams.0.schoolForms'],
      [{ teams: [{ id: 'a/b' }] }, 'teams.0.id'],
      [{ teams: [{ id: 't1' }, { id: 't1' }] }, 'teams.1.id'],
      [{ teams: [{ members: [{ id: 'p1' }] }, { members: [{ id: 'p1' }] }] }, 'teams.1.members.0.id'],
      [{ organiser: { orgNumber: '212000-0143' } }, 'organiser.orgNumber'],
      [{ teams: [{ members: [{ side: 'school', education: 'socionomexamen' }] }] }, 'teams.0.members.0.education'],
    ];
    for (const [body, path] of cases) {
      const response = await api('POST', '/api/v1/drafts', body);
      assert.equal(response.statusCode, 400, JSON.stringify(body));
      assert.ok(
        response.json().issues.some((i: { path: string }) => i.path === path),
        `${JSON.stringify(body)}: ${response.body}`,
      );
    }
    const id = await createDraft({ grantYear: 2026, organiser: { name: 'Exempla kommun' }, teams: [{ name: '', members: [{ side: 'school', fte: '' }] }] });
    const { application } = await read(id);
    assert.deepEqual(application.organiser, { name: 'Exempla kommun', orgNumber: '', type: '' });
    assert.equal(application.teams[0].id, 't1');
    assert.equal(application.teams[0].members[0].id, 'p1');
    assert.deepEqual(
      (await openEveryPage(id)).filter(([, status]) => status >= 500),
      [],
    );
  });
});

describe('DELETE och historiken', () => {
  test('DELETE tar bort utkastet med dess länkar och historik (204); ett okänt utkast ger 404', async () => {
    const id = await createDraft(twoTeams());
    const link = await linkFor(id, 't1');
    assert.ok((await app.drafts.history(id)).length > 0);
    const deleted = await api('DELETE', `/api/v1/drafts/${id}`);
    assert.equal(deleted.statusCode, 204);
    assert.equal(deleted.body, '');
    assert.equal((await api('GET', `/api/v1/drafts/${id}`)).statusCode, 404);
    assert.equal((await app.inject({ url: link })).statusCode, 404);
    assert.deepEqual(await app.drafts.listLinks(id), []);
    assert.deepEqual(await app.drafts.history(id), []);
    assert.equal((await api('DELETE', `/api/v1/drafts/${id}`)).statusCode, 404);
    assert.equal((await api('DELETE', '/api/v1/drafts/x')).statusCode, 404);
  });

  test('historiken visar vad API:et ändrade, med API som den som ändrade', async () => {
    const id = await createDraft(twoTeams());
    const { application } = await read(id);
    const [teamA, teamB] = application.teams;
    const changed = {
      ...application,
      teams: [
        { ...teamA, members: [{ ...teamA.members[0], fte: 0.5 }, teamA.members[1]] },
        { name: 'Team C', schoolForms: ['grundskola'], municipalityCode: '0180', members: [{ side: 'school' }] },
      ],
    };
    assert.equal((await api('PUT', `/api/v1/drafts/${id}`, changed)).statusCode, 200);
    const history = await app.drafts.history(id);
    assert.ok(history.every((entry) => entry.actor === 'api'));
    const page = (await app.inject({ url: `/ansokan/${id}/historik` })).body;
    assert.deepEqual(
      [...page.matchAll(/<tr><td>[^<]+<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><\/tr>/g)].map((m) => {
        assert.equal(m[1], 'API');
        return m[2];
      }),
      [
        'valde bidragsår 2026',
        'ändrade huvudmannen',
        'lade till teamet Team A',
        'lade till teamet Team B',
        'lade till Skolkurator (m1)',
        'lade till Skolsocionom (m2)',
        'lade till m3',
        'lade till teamet Team C',
        `tog bort teamet ${teamB.name}`,
        'ändrade Skolkurator (m1)',
        'lade till p1',
        'tog bort m3',
      ],
    );
    assert.match((await app.inject({ url: `/ansokan/${id}/historik` })).body, /tog bort teamet Team B/);
  });
});

forEachBackend((name, newBackend) => {
  test(`migrering 004 ger gamla utkasts team id och länkarna team-id (${name})`, async () => {
    const backend = await newBackend();
    const db = await openDb(backend.config);
    try {
      // A new embedded database is a copy of the migrated template: start from an empty schema.
      const [{ schema }] = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
      await db.exec(`DROP SCHEMA "${schema}" CASCADE; CREATE SCHEMA "${schema}"`);
      // The schema as it was after 003, made the way migrate() makes it.
      await db.exec('CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const file of ['001_create_drafts.sql', '002_draft_ready.sql', '003_handoff.sql']) {
        await db.exec(readFileSync(new URL(`../src/drafts/migrations/${file}`, import.meta.url), 'utf8'));
        await db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      }
      const old = {
        application: {
          grantYear: 2026,
          teams: [
            { name: 'Team A', members: [] },
            { name: 'Team B', members: [] },
          ],
        },
        nextMember: 1,
      };
      const draftId = 'A'.repeat(22);
      await db.query(
        "INSERT INTO drafts (id, data, expires_at) VALUES ($1, $2::text::jsonb, now() + interval '1 day'), ($3, '{\"n\": 1}', now() + interval '1 day')",
        [draftId, JSON.stringify(old), 'B'.repeat(22)],
      );
      const link = (token: string, index: number) =>
        db.query(
          "INSERT INTO handoff_links (token, draft_id, team_index, side, label, expires_at) VALUES ($1, $2, $3, 'school', 'Länk', now() + interval '1 day')",
          [token, draftId, index],
        );
      await link('b'.repeat(22), 1);
      await link('z'.repeat(22), 5); // pointed at no team

      assert.ok((await migrate(db)).includes('004_team_ids.sql'));
      const store = await createDraftStore(db);
      const migrated = (await store.get(draftId))?.data as { application: { teams: Array<{ id: string; name: string }> }; nextTeam: number };
      assert.deepEqual(
        migrated.application.teams.map((t) => [t.id, t.name]),
        [
          ['t1', 'Team A'],
          ['t2', 'Team B'],
        ],
      );
      assert.equal(migrated.nextTeam, 3);
      assert.deepEqual((await store.get('B'.repeat(22)))?.data, { n: 1 }, 'data of another shape is left alone');
      assert.deepEqual(
        (await store.listLinks(draftId)).map((l) => [l.token, l.teamId]),
        [['b'.repeat(22), 't2']],
      );
      await store.close();
    } finally {
      await backend.dispose();
    }
  });
});

const awkwardValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '1',
    1,
    0.5,
    42000,
    '0,5',
    '50 %',
    '1e3',
    'NaN',
    '2026-02-30',
    '\u0000',
    '\ud800',
    'ny',
    '../x',
    '__proto__',
    null,
    -0,
    1e308,
    [],
    {},
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const mutatedDraft = fc
  .record({
    grantYear: fc.constantFrom(2023, 2026, 2029),
    teams: fc.array(fc.array(fc.constantFrom('school', 'social_services'), { maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    mutations: fc.array(fc.tuple(fc.array(fc.nat(), { maxLength: 6 }), awkwardValue), { maxLength: 3 }),
  })
  .map(({ grantYear, teams, mutations }) => {
    let body: unknown = buildApplication({ grantYear, teams: teams.map((sides) => ({ members: sides.map((side) => ({ side })) })) });
    for (const [steps, replacement] of mutations) body = mutate(body, steps, replacement);
    return body;
  });

test('slumpade och förvanskade utkast genom POST och PUT: varje sida av varje utkast svarar utan 5xx', async () => {
  const statuses = new Map<number, number>();
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
  await fc.assert(
    fc.asyncProperty(mutatedDraft, mutatedDraft, async (first, second) => {
      const created = await api('POST', '/api/v1/drafts', first);
      count(created.statusCode);
      assert.ok([201, 400].includes(created.statusCode), `POST ${created.statusCode}: ${created.body.slice(0, 300)}`);
      if (created.statusCode !== 201) return;
      const { id } = created.json();
      const put = await api('PUT', `/api/v1/drafts/${id}`, second);
      count(put.statusCode);
      assert.ok([200, 400].includes(put.statusCode), `PUT ${put.statusCode}: ${put.body.slice(0, 300)}`);
      const failed = (await openEveryPage(id)).filter(([, status]) => status >= 500);
      assert.deepEqual(failed, [], JSON.stringify(put.statusCode === 200 ? second : first).slice(0, 500));
    }),
    { numRuns: 120 },
  );
  // The mix reaches both answers: drafts stored and drafts refused.
  for (const status of [201, 200, 400]) assert.ok((statuses.get(status) ?? 0) > 0, `no ${status} among ${JSON.stringify([...statuses])}`);
});
