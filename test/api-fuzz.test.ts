/**
 * Whatever is sent, the API answers with a client error or an assessment, never a 5xx:
 * 10 000 bodies, half random JSON and half valid applications with one part broken.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { buildApplication, mutate } from './application-builder.ts';
import { buildApp } from './helper.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp();
});
after(() => app.close());

type Json = unknown;

const awkwardValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('', ' ', '0', '-1', '1e3', '0,5', 'NaN', '2026-02-30', '9999-99-99', '\u0000', '__proto__', null, -0, 1e308, 2 ** 53),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);

const mutatedApplication = fc
  .record({
    grantYear: fc.integer({ min: 2020, max: 2031 }),
    members: fc.integer({ min: 1, max: 6 }),
    mutations: fc.array(fc.tuple(fc.array(fc.nat(), { maxLength: 6 }), awkwardValue), { minLength: 1, maxLength: 3 }),
  })
  .map(({ grantYear, members, mutations }) => {
    let body: Json = buildApplication({
      grantYear,
      teams: [{ members: Array.from({ length: members }, (_, i) => ({ side: i % 2 ? 'social_services' : 'school' })) }],
    });
    for (const [steps, replacement] of mutations) body = mutate(body, steps, replacement);
    return body;
  });

test('10 000 slumpade och förvanskade kroppar ger aldrig ett 5xx-svar', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 6 }), mutatedApplication), fc.constantFrom('', '?lang=en', '?lang=xx'), async (body, query) => {
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/assessments${query}`,
        payload: JSON.stringify(body) ?? 'null',
        headers: { 'content-type': 'application/json' },
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      assert.ok([200, 400, 422].includes(response.statusCode), `status ${response.statusCode}: ${response.body.slice(0, 300)}`);
      if (response.statusCode === 400 && response.json().error === 'invalid_application') {
        for (const issue of response.json().issues) assert.ok(issue.message.length > 0);
      }
    }),
    { numRuns: 10_000 },
  );
  // The mix reaches every answer: assessments, validation errors and years without rules.
  for (const status of [200, 400, 422]) assert.ok((statuses.get(status) ?? 0) > 0, `no ${status} among ${JSON.stringify([...statuses])}`);
});
