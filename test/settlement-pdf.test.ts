/**
 * The redovisning summary PDF from a settlement draft's result page, and back: the button is a
 * POST with CSRF; the PDF carries the draft's settlement (decision dates included); opened again
 * with /importera it becomes a new settlement draft that settles to the same figures. A draft
 * still missing a decision goes to the decision page; an application draft has no such PDF.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { DraftApplicationInput } from '../forms/draft-application.ts';
import { asDraftData, withIds, type DraftData } from '../src/drafts/draft-data.ts';
import { settleDraft } from '../src/drafts/settlement.ts';
import { readAttachments } from '../src/pdf/attachments.ts';
import { applied, carriedOut, settlementRequest } from './fixtures/settlements.ts';
import { FormClient, multipart } from './form-client.ts';
import { buildApp } from './helper.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp({}, { open: true });
});
after(() => app.close());

/** A settlement draft of the fixture, decisions as given (team ids t1, t2). */
function settlementDraft(decisions: Record<string, { skolverketGrant?: string; decidedOn?: string }>): DraftData {
  const draft = withIds(carriedOut as unknown as DraftApplicationInput);
  return { ...draft, settlement: { applied: withIds(applied as unknown as DraftApplicationInput).application, decisions } };
}

const decided = { t1: { skolverketGrant: '300000', decidedOn: '2026-04-15' }, t2: { skolverketGrant: '80000' } };

async function upload(file: Buffer) {
  const page = await app.inject({ method: 'GET', url: '/importera' });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const cookie = String(page.headers['set-cookie']).split(';')[0];
  const { payload, contentType } = multipart(token, file, 'redovisning.pdf');
  return app.inject({ method: 'POST', url: '/importera', payload, headers: { cookie, 'content-type': contentType } });
}

test('redovisningssidan har knappen; POST med CSRF ger underlaget som PDF med redovisningens uppgifter', async () => {
  const { id } = await app.drafts.create(settlementDraft(decided));
  const client = new FormClient(app);
  const page = await client.get(`/ansokan/${id}/redovisning`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`<form method="post" action="/ansokan/${id}/redovisning.pdf" novalidate>`));
  assert.match(page.body, /Ladda ner underlaget för redovisningen som PDF/);
  assert.equal((await client.post(`/ansokan/${id}/redovisning.pdf`, {}, { csrf: null })).statusCode, 403);

  const pdf = await client.post(`/ansokan/${id}/redovisning.pdf`, {});
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.headers['content-disposition'], 'attachment; filename="redovisning-exempla-kommun-2026.pdf"');
  const read = await readAttachments(pdf.rawPayload);
  assert.ok(read.ok);
  const embedded = read.settlement as typeof settlementRequest;
  assert.deepEqual(embedded.decision, settlementRequest.decision);

  // Opened again: a new settlement draft with the same decisions, dates and applied-for application.
  const opened = await upload(pdf.rawPayload);
  assert.equal(opened.statusCode, 303, opened.body.slice(0, 300));
  const location = String(opened.headers.location);
  assert.match(location, /^\/ansokan\/[A-Za-z0-9_-]{22}\/kontrollera$/);
  const restored = asDraftData((await app.drafts.get(location.split('/')[2]))!.data);
  const original = asDraftData((await app.drafts.get(id))!.data);
  assert.deepEqual(restored.settlement?.decisions, decided);
  assert.deepEqual(
    restored.application.teams.map((t) => t.id),
    ['t1', 't2'],
  );
  const again = settleDraft(restored as Parameters<typeof settleDraft>[0], 'sv');
  const before = settleDraft(original as Parameters<typeof settleDraft>[0], 'sv');
  assert.ok(again.ok && before.ok);
  assert.deepEqual(again.settlement, before.settlement);
  assert.ok(restored.nextMember >= 1 && restored.nextTeam === 3);
});

test('en redovisning som saknar ett beslut skickas till beslutssidan; ett ansökningsutkast har ingen sådan PDF', async () => {
  const { id } = await app.drafts.create(settlementDraft({ t1: { skolverketGrant: '300000' } }));
  const client = new FormClient(app);
  await client.get('/importera');
  const missing = await client.post(`/ansokan/${id}/redovisning.pdf`, {});
  assert.equal(missing.statusCode, 303);
  assert.equal(missing.headers.location, `/ansokan/${id}/beslut`);

  const application = await app.drafts.create(withIds(carriedOut as unknown as DraftApplicationInput));
  assert.equal((await client.post(`/ansokan/${application.id}/redovisning.pdf`, {})).statusCode, 404);
});
