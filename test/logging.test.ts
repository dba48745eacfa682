import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { serverOptions } from '../src/server-options.ts';
import { buildApplication } from './application-builder.ts';
import { buildApp } from './helper.ts';

test('loggen får metod, väg och status men aldrig löner, roller eller frågesträngar', async () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const options = serverOptions({ logLevel: 'info' });
  const fastify = await buildApp({ logger: { ...(options.logger as object), stream } });
  const application = buildApplication({
    teams: [{ members: [{ side: 'school', role: 'Anna Andersson, kurator', monthlySalary: '45678.91' }, { side: 'social_services' }] }],
  });
  const ok = await fastify.inject({ method: 'POST', url: '/api/v1/assessments?lang=en&secret=Anna', payload: application });
  assert.equal(ok.statusCode, 200);
  const broken = await fastify.inject({
    method: 'POST',
    url: '/api/v1/assessments',
    payload: '{"role": "Anna Andersson", "monthlySalary": "45678.91"',
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(broken.statusCode, 400);
  await fastify.close();
  const log = lines.join('');
  assert.match(log, /\/api\/v1\/assessments/);
  assert.match(log, /"statusCode":200/);
  for (const secret of ['Anna', '45678', 'secret=']) assert.ok(!log.includes(secret), `the log contains ${secret}`);
});
