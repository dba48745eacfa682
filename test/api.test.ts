import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { assessmentSchema, errorSchemas } from '../src/api/assessment-schema.ts';
import { buildApplication } from './application-builder.ts';
import { buildApp } from './helper.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp();
});
after(() => app.close());

const post = (payload: unknown, query = '') => app.inject({ method: 'POST', url: `/api/v1/assessments${query}`, payload: payload as object });

describe('POST /api/v1/assessments', () => {
  test('en giltig ansökan ger en bedömning som följer schemat', async () => {
    const response = await post(buildApplication());
    assert.equal(response.statusCode, 200);
    const body = assessmentSchema.parse(response.json());
    assert.equal(body.status, 'eligible');
    assert.equal(body.ruleSet.id, 'sfs-2023-946');
    assert.equal(body.lang, 'sv');
    assert.match(body.findings[0].message, /Bidragsår 2026/);
  });

  test('?lang=en ger meddelanden på engelska', async () => {
    const response = await post(buildApplication(), '?lang=en');
    const body = assessmentSchema.parse(response.json());
    assert.equal(body.lang, 'en');
    assert.match(body.findings[0].message, /Grant year 2026/);
  });

  test('API:ets exempel ger 662 357 kr i kostnad och 331 178 kr i bidrag', async () => {
    const application = buildApplication({
      teams: [{ members: [{ side: 'school', monthlySalary: '42000', employerCostRate: '0.3142', start: '2025-08-15' }, { side: 'social_services' }] }],
    });
    const body = assessmentSchema.parse((await post(application)).json());
    assert.equal(body.teams[0].members[0].eligibleCost, '662357');
    assert.equal(body.teams[0].members[0].grant, '331178');
    assert.deepEqual(body.teams[0].priorityTier, [2]);
  });

  test('summorna delas upp efter teamens status och delarna blir summan (D18)', async () => {
    const application = buildApplication({
      teams: [{}, { members: [{ side: 'school' }, { side: 'social_services', education: 'unknown' }], municipalityCode: '1480' }],
    });
    const { amounts, teams } = assessmentSchema.parse((await post(application)).json());
    assert.deepEqual(
      teams.map((t) => t.status),
      ['eligible', 'eligible_aggregate_only'],
    );
    assert.deepEqual(amounts.byTeamStatus, {
      eligible: { skolverketGrant: '240000', matched: '240000', matchedUsable: '240000', repaymentRisk: '0' },
      eligible_aggregate_only: { skolverketGrant: '240000', matched: '240000', matchedUsable: '0', repaymentRisk: '240000' },
      needs_review: { skolverketGrant: '0', matched: '0', matchedUsable: '0', repaymentRisk: '0' },
    });
    assert.equal(amounts.skolverketGrant, '480000');
    assert.deepEqual(
      amounts.municipalities.map((m) => m.byTeamStatus.eligible_aggregate_only.repaymentRisk),
      ['0', '240000'],
    );
  });

  test('belopp som JSON-tal tas emot som strängar', async () => {
    const application = buildApplication({
      teams: [
        {
          members: [
            { side: 'school', fte: 1, monthlySalary: 40000 },
            { side: 'social_services', fte: 0.5 },
            { side: 'social_services', fte: 0.5 },
          ],
        },
      ],
    });
    const body = assessmentSchema.parse((await post(application)).json());
    assert.equal(body.status, 'eligible');
    assert.equal(body.teams[0].members[0].eligibleCost, '480000');
  });

  test('en ogiltig ansökan ger 400 med varje problem och dess sökväg', async () => {
    const application = buildApplication({
      teams: [
        {
          members: [
            { side: 'school', fte: '1.5' },
            { side: 'social_services', start: '2026-02-30' },
          ],
        },
      ],
    }) as { organiser: { orgNumber: string } };
    application.organiser.orgNumber = '212000-0143';
    const response = await post(application, '?lang=en');
    assert.equal(response.statusCode, 400);
    const body = errorSchemas.invalidApplication.parse(response.json());
    const paths = body.issues.map((i) => i.path).sort();
    assert.deepEqual(paths, ['organiser.orgNumber', 'teams.0.members.0.fte', 'teams.0.members.1.start']);
    for (const issue of body.issues) assert.doesNotMatch(issue.message, /Invalid|Expected/);
  });

  test('ett bidragsår utan regler ger 422 no_rule_set', async () => {
    const response = await post(buildApplication({ grantYear: 2029 }));
    assert.equal(response.statusCode, 422);
    const body = errorSchemas.noRuleSet.parse(response.json());
    assert.deepEqual(body.knownYears, [2023, 2024, 2025, 2026, 2027, 2028]);
  });

  test('trasig JSON ger 400 invalid_json', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/assessments',
      payload: '{"grantYear": 20',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json(), { error: 'invalid_json' });
  });

  test('en tom kropp ger 400', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/assessments', headers: { 'content-type': 'application/json' } });
    assert.equal(response.statusCode, 400);
  });

  test('en annan innehållstyp än JSON ger 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/assessments',
      payload: '<application/>',
      headers: { 'content-type': 'application/xml' },
    });
    assert.equal(response.statusCode, 415);
  });

  test('en för stor kropp ger 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/assessments',
      payload: `{"pad":"${'x'.repeat(1_100_000)}"}`,
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(response.statusCode, 413);
    assert.deepEqual(response.json(), { error: 'payload_too_large' });
  });

  test('den största tillåtna ansökan, 20 team med 50 personer, ryms och bedöms', async () => {
    const teams = Array.from({ length: 20 }, () => ({
      members: Array.from({ length: 50 }, (_, i) => ({
        side: i % 2 ? 'social_services' : 'school',
        fte: '0.50',
        role: 'r'.repeat(200),
        educationNote: 'n'.repeat(300),
      })),
    }));
    const response = await post(buildApplication({ teams }));
    assert.equal(response.statusCode, 200);
    assert.equal(assessmentSchema.parse(response.json()).teams.length, 20);
  });
});

describe('GET /api/v1/rule-sets', () => {
  test('listar båda lydelserna med sina bidragsår', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/rule-sets' });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.deepEqual(
      body.ruleSets.map((r: { id: string; grantYears: number[] }) => [r.id, r.grantYears]),
      [
        ['sfs-2023-179', [2023]],
        ['sfs-2023-946', [2024, 2025, 2026, 2027, 2028]],
      ],
    );
  });

  test('regeluppsättningen för 2026 har parametrar med källor, regler med paragraf och text', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/rule-sets/2026?lang=en' });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.id, 'sfs-2023-946');
    assert.equal(body.parameters.grantShare.value, '0.5');
    assert.deepEqual(body.parameters.applicationWindow.value, { from: '2026-01-15', to: '2026-02-16' });
    assert.ok(body.parameters.grantShare.source.url.startsWith('https://'));
    const rule = body.rules.find((r: { id: string }) => r.id === 'school-staff-fte');
    assert.equal(rule.citation, '4 § första stycket 2');
    assert.match(rule.text, /full-time equivalent/);
    assert.ok(body.rules.some((r: { id: string }) => r.id === 'matched-allocation'));
    assert.ok(!body.rules.some((r: { id: string }) => r.id === 'independent-own-staff'));
    assert.ok(body.sources.length >= 2);
  });

  test('regeluppsättningen för 2023 har regeln om enskild huvudmans egen personal', async () => {
    const body = (await app.inject({ method: 'GET', url: '/api/v1/rule-sets/2023' })).json();
    assert.equal(body.id, 'sfs-2023-179');
    assert.ok(body.rules.some((r: { id: string }) => r.id === 'independent-own-staff'));
  });

  test('ett år utan regler ger 404 och de kända åren', async () => {
    for (const year of ['2022', '2029', 'abc', '20266']) {
      const response = await app.inject({ method: 'GET', url: `/api/v1/rule-sets/${year}` });
      assert.equal(response.statusCode, 404, year);
      assert.equal(response.json().error, 'no_rule_set');
    }
  });
});

describe('drift och säkerhet', () => {
  test('GET /healthz svarar 200', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(response.statusCode, 200);
  });

  test('GET /openapi.json beskriver alla vägar och scheman', async () => {
    const body = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    assert.equal(body.openapi, '3.0.3');
    for (const path of ['/api/v1/assessments', '/api/v1/assessments/pdf', '/api/v1/rule-sets', '/api/v1/rule-sets/{year}', '/healthz', '/openapi.json']) {
      assert.ok(body.paths[path], path);
    }
    const member = body.components.schemas.Application.properties.teams.items.properties.members.items;
    assert.deepEqual(member.properties.side.enum, ['school', 'social_services']);
    assert.ok(body.components.schemas.Assessment.properties.findings);
    assert.deepEqual(Object.keys(body.components.schemas.Assessment.properties.amounts.properties.byTeamStatus.properties), [
      'eligible',
      'eligible_aggregate_only',
      'needs_review',
    ]);
  });

  test('varje svar har en strikt innehållspolicy utan inline-skript eller inline-stil', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /style-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  });

  test('en okänd väg i API:et ger 404 som JSON', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/finns-inte' });
    assert.equal(response.statusCode, 404);
    assert.deepEqual(response.json(), { error: 'not_found' });
  });
});
