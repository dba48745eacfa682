/**
 * POST /api/v1/settlements (the year after the decision, D19–D23; API.md "Settlements"), with the shared
 * example in test/fixtures/settlement-example.json: two teams in two kommuner, a school-staff
 * replacement gap that breaks the conditions in one of them, actual costs from the ledger
 * (one with other funding), a lowered fte, and the application as applied for beside it.
 */
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { assessmentSchema, errorSchemas, settlementSchema } from '../src/api/assessment-schema.ts';
import { buildApplication, mutate } from './application-builder.ts';
import { buildApp } from './helper.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp();
});
after(() => app.close());

// biome-ignore lint/suspicious/noExplicitAny: the tests read parsed JSON responses freely
type Json = Record<string, any>;
const example = (): Json => JSON.parse(readFileSync(new URL('./fixtures/settlement-example.json', import.meta.url), 'utf8'));

const post = (payload: unknown, query = '') => app.inject({ method: 'POST', url: `/api/v1/settlements${query}`, payload: payload as object });

const invalid = async (payload: unknown) => {
  const response = await post(payload);
  assert.equal(response.statusCode, 400);
  return errorSchemas.invalidApplication.parse(response.json()).issues;
};

describe('POST /api/v1/settlements', () => {
  test('exemplet ger redovisningen per team och kommun, enligt schemat', async () => {
    const response = await post(example());
    assert.equal(response.statusCode, 200);
    const body = settlementSchema.parse(response.json());
    assert.equal(body.grantYear, 2026);
    assert.match(body.notice, /uppskattning/);
    // Norr: m1 305 120 kr (305 120,40 rounded) and m3 232 350 kr in actual cost, half of it justified.
    assert.deepEqual(
      body.teams.map(({ name, conditions, decided, justified, used, unused }) => ({ name, conditions, decided, justified, used, unused })),
      [
        { name: 'Skolsocialt team Norr', conditions: 'not_met', decided: '300000', justified: '268735', used: '268735', unused: '31265' },
        { name: 'Skolsocialt team Syd', conditions: 'met', decided: '175000', justified: '214967', used: '175000', unused: '0' },
      ],
    );
    // The gap 15 June–14 August; until 30 June team Syd's school staff carried the huvudman's teams together.
    assert.deepEqual(body.teams[0].belowMinimum, [
      { side: 'school', from: '2026-07-01', to: '2026-08-14', lowest: '0.00', minimum: '1.00' },
      { side: 'total', from: '2026-07-01', to: '2026-08-14', lowest: '1.00', minimum: '2.00' },
    ]);
    assert.deepEqual(body.totals, { decided: '475000', justified: '483702', used: '443735', unused: '31265' });
    assert.deepEqual(body.municipalities, [
      { municipalityCode: '0180', received: '300000', usable: '299638', repay: '362' },
      { municipalityCode: '0182', received: '175000', usable: '145876', repay: '29124' },
    ]);
    assert.deepEqual(
      body.changes.map(({ member, kind, from }) => ({ member, kind, from })),
      [
        { member: 'm5', kind: 'fte_lowered', from: '2026-01-01' },
        { member: 'm1', kind: 'ended_early', from: '2026-06-15' },
        { member: 'm3', kind: 'added', from: '2026-08-15' },
      ],
    );
    assert.equal(body.assessment.teams[0].members[0].eligibleCost, '305120');
    // The parts add up: used + unused = decided, usable + repay = received.
    for (const team of body.teams) {
      assert.equal(BigInt(team.used) + BigInt(team.unused), BigInt(team.decided));
      assert.equal(BigInt(team.matched.usable) + BigInt(team.matched.repay), BigInt(team.matched.received));
    }
  });

  test('?lang=en ger meddelanden på engelska', async () => {
    const body = settlementSchema.parse((await post(example(), '?lang=en')).json());
    assert.equal(body.lang, 'en');
    assert.match(body.notice, /estimate/);
    assert.match(body.changes[1].message, /m1 ended on 2026-06-14, earlier than in the application \(open-ended\)/);
    assert.match(body.findings.find((f) => f.rule === 'conditions-during-year' && f.team === 0)!.message, /up to the whole decided grant, SEK\u00a0300,000/);
  });

  test('utan ansökan som den söktes listas inga förändringar', async () => {
    const { applied: _applied, ...withoutApplied } = example();
    const body = settlementSchema.parse((await post(withoutApplied)).json());
    assert.equal(body.changesCompared, false);
    assert.deepEqual(body.changes, []);
  });

  test('POST /api/v1/assessments bortser från den faktiska kostnaden', async () => {
    const { application } = example();
    const withoutActual = {
      ...application,
      teams: application.teams.map((t: Json) => ({ ...t, members: t.members.map(({ actualCost: _cost, ...m }: Json) => m) })),
    };
    const assessed = async (payload: unknown) =>
      assessmentSchema.parse((await app.inject({ method: 'POST', url: '/api/v1/assessments', payload: payload as object })).json());
    const [withActual, without] = [await assessed(application), await assessed(withoutActual)];
    assert.deepEqual(withActual.teams, without.teams);
    assert.notEqual(withActual.teams[0].members[0].eligibleCost, '305120');
  });

  test('ett beslut per team: fel antal ger 400 med sökvägen decision.teams', async () => {
    const body = example();
    body.decision.teams.pop();
    const issues = await invalid(body);
    assert.deepEqual(
      issues.map((i) => i.path),
      ['decision.teams'],
    );
    assert.match(issues[0].message, /ett beslut per team.*\(2 st\)/);
  });

  test('varje fel listas med sin sökväg under application., decision. och applied.', async () => {
    const body = example();
    body.application.teams[0].members[0].actualCost = '-5';
    body.application.teams[1].members[1].actualCost = '100.123';
    body.decision.teams[1].skolverketGrant = '175000.50';
    body.applied.teams[0].members[1].fte = '2';
    const issues = await invalid(body);
    assert.deepEqual(issues.map((i) => i.path).sort(), [
      'application.teams.0.members.0.actualCost',
      'application.teams.1.members.1.actualCost',
      'applied.teams.0.members.1.fte',
      'decision.teams.1.skolverketGrant',
    ]);
    assert.match(issues.find((i) => i.path.endsWith('skolverketGrant'))!.message, /hela kronor/);
  });

  test('beslut som JSON-tal och kronor med nollor tas emot', async () => {
    const body = example();
    body.decision.teams = [{ skolverketGrant: 300000 }, { skolverketGrant: '175000.00' }];
    const settled = settlementSchema.parse((await post(body)).json());
    assert.deepEqual(
      settled.teams.map((t) => t.decided),
      ['300000', '175000'],
    );
  });

  test('ansökan som den söktes ska gälla samma bidragsår', async () => {
    const body = example();
    body.applied.grantYear = 2025;
    const issues = await invalid(body);
    assert.ok(
      issues.some((i) => i.path === 'applied.grantYear'),
      JSON.stringify(issues),
    );
  });

  test('bidragsår 2023 ger 422 no_settlement_rules', async () => {
    const application = buildApplication({ grantYear: 2023 });
    const response = await post({ application, decision: { teams: [{ skolverketGrant: '240000' }] } });
    assert.equal(response.statusCode, 422);
    const body = errorSchemas.noSettlementRules.parse(response.json());
    assert.equal(body.grantYear, 2023);
    assert.deepEqual(body.settlementYears, [2024, 2025, 2026, 2027, 2028]);
    assert.match(body.message, /2024–2028/);
  });

  test('ett år utan regler ger också 422 no_settlement_rules', async () => {
    const response = await post({ application: buildApplication({ grantYear: 2031 }), decision: { teams: [{ skolverketGrant: '1' }] } });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error, 'no_settlement_rules');
  });

  test('kroppar av fel sort ger 400, aldrig 5xx', async () => {
    for (const payload of [
      [],
      'text',
      42,
      null,
      {},
      { application: {} },
      { application: buildApplication(), decision: 'all' },
      { application: buildApplication(), decision: { teams: [null] } },
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/settlements',
        payload: JSON.stringify(payload),
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
      assert.equal(response.json().error, 'invalid_application');
    }
  });

  test('OpenAPI beskriver redovisningen, och svaret följer schemat där', async () => {
    const { paths, components } = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const operation = paths['/api/v1/settlements'].post;
    assert.deepEqual(Object.keys(operation.responses).sort(), ['200', '400', '413', '422']);
    assert.equal(operation.requestBody.content['application/json'].schema.$ref, '#/components/schemas/SettlementRequest');
    assert.deepEqual(components.schemas.Settlement.properties.teams.items.properties.conditions.enum, ['met', 'needs_review', 'not_met']);
    assert.deepEqual(components.schemas.Settlement.properties.changes.items.properties.kind.enum, [
      'ended_early',
      'started_later',
      'fte_lowered',
      'removed',
      'added',
    ]);
    const member = components.schemas.Application.properties.teams.items.properties.members.items;
    assert.ok(member.properties.actualCost, 'members may carry actualCost');
  });

  test('500 förvanskade redovisningar ger aldrig ett 5xx-svar', async () => {
    const awkward = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('', '-1', '1e3', '0,5', '2026-02-30', null, 2023, 2031, [], {}, '300000.5', 1e308));
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.array(fc.nat(), { maxLength: 7 }), awkward), { maxLength: 3 }), async (mutations) => {
        let body: unknown = example();
        for (const [steps, replacement] of mutations) body = mutate(body, steps, replacement);
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/settlements',
          payload: JSON.stringify(body) ?? 'null',
          headers: { 'content-type': 'application/json' },
        });
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        assert.ok([200, 400, 422].includes(response.statusCode), `status ${response.statusCode}: ${response.body.slice(0, 300)}`);
        if (response.statusCode === 200) settlementSchema.parse(response.json());
      }),
      { numRuns: 500 },
    );
    for (const status of [200, 400]) assert.ok((statuses.get(status) ?? 0) > 0, `no ${status} among ${JSON.stringify([...statuses])}`);
  });
});
