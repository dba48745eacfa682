import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import { openDb, type Db } from '../src/drafts/db.ts';
import { migrate } from '../src/drafts/migrate.ts';
import type { DraftApplication } from '../forms/draft-application.ts';
import { historyWords } from '../src/words/history.ts';
import { createDraftStore, DRAFT_RETENTION_DAYS, VersionConflictError, type DraftStore } from '../src/drafts/store.ts';
import drafts from '../src/plugins/drafts.ts';
import { forEachBackend, pgliteBackend, type Backend } from './fixtures/drafts-backends.ts';

const application = {
  organiser: { name: 'Skövde kommun', orgNumber: '212000-1876', type: 'kommun' },
  teams: [{ name: 'Team Ödegården', schoolForms: ['grundskola'], members: [{ role: 'kurator', fte: '0.5', note: 'Åsa Öberg, "citat" \\ ny\nrad' }] }],
  nextMember: 2,
  empty: { list: [], object: {}, nothing: null, yes: true, number: 1.25 },
};
const DAY = 24 * 60 * 60 * 1000;

/** Back-dates a draft's expiry, as if its 30 days had passed. */
async function expire(db: Db, id: string): Promise<void> {
  await db.query("UPDATE drafts SET expires_at = now() - interval '1 second' WHERE id = $1", [id]);
}

forEachBackend((name, newBackend) => {
  describe(`drafts store on ${name}`, () => {
    let backend: Backend;
    let db: Db; // the store's own connection, for what only a test does (back-dating a draft)
    let store: DraftStore;
    const open = async () => {
      db = await openDb(backend.config);
      store = await createDraftStore(db);
    };

    before(async () => {
      backend = await newBackend();
      await open();
    });
    after(async () => {
      await store.close();
      await backend.dispose();
    });

    test('create and get round-trip nested data with Swedish characters', async () => {
      const created = await store.create(application);
      assert.deepEqual(created.data, application);
      assert.equal(created.version, 1);
      assert.equal(created.ruleSetId, null);
      assert.equal(created.updatedAt, created.createdAt);
      const kept = Date.parse(created.expiresAt) - Date.parse(created.updatedAt);
      assert.ok(Math.abs(kept - DRAFT_RETENTION_DAYS * DAY) <= 60 * 60 * 1000, 'expires 30 days after the save (give or take a DST hour)');
      assert.deepEqual(await store.get(created.id), created);
    });

    test('ids are 22+ characters of base64url and distinct over 1000 creates', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 1000; i++) ids.add((await store.create({ i })).id);
      assert.equal(ids.size, 1000);
      for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{22,}$/);
    });

    test('malformed and unknown ids find nothing, and reach no SQL', async () => {
      const unknown = 'AAAAAAAAAAAAAAAAAAAAAA';
      for (const id of ['', 'x', "'; DROP TABLE drafts; --", `${unknown}A`, 'AAAAAAAAAAAAAAAAAAAAA=', 'ÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ', unknown]) {
        assert.equal(await store.get(id), undefined, id);
        assert.equal(await store.save(id, {}), undefined, id);
        assert.equal(await store.delete(id), false, id);
      }
    });

    test('save replaces the data, bumps version and times, keeps createdAt', async () => {
      const created = await store.create({ step: 1 });
      const saved = await store.save(created.id, { step: 2 }, { ruleSetId: 'sst-2025' });
      assert.ok(saved);
      assert.deepEqual(saved.data, { step: 2 });
      assert.equal(saved.version, 2);
      assert.equal(saved.ruleSetId, 'sst-2025');
      assert.equal(saved.createdAt, created.createdAt);
      assert.ok(saved.updatedAt >= created.updatedAt && saved.expiresAt >= created.expiresAt);
      assert.equal((await store.save(created.id, 'step 3'))?.ruleSetId, 'sst-2025', 'ruleSetId kept when not given');
      assert.equal((await store.save(created.id, 'step 4', { ruleSetId: null }))?.ruleSetId, null);
      const stored = await store.get(created.id);
      assert.deepEqual([stored?.data, stored?.version, stored?.createdAt], ['step 4', 4, created.createdAt]);
    });

    test('a stale expectedVersion throws VersionConflictError and changes nothing', async () => {
      const created = await store.create({ tab: 'one' });
      assert.equal((await store.save(created.id, { tab: 'one' }, { expectedVersion: 1 }))?.version, 2);
      await assert.rejects(store.save(created.id, { tab: 'two' }, { expectedVersion: 1 }), (error) => {
        assert.ok(error instanceof VersionConflictError);
        assert.equal(error.expectedVersion, 1);
        assert.equal(error.actualVersion, 2);
        return true;
      });
      const stored = await store.get(created.id);
      assert.deepEqual([stored?.data, stored?.version], [{ tab: 'one' }, 2]);
    });

    test('delete removes the draft', async () => {
      const created = await store.create({});
      assert.equal(await store.delete(created.id), true);
      assert.equal(await store.get(created.id), undefined);
      assert.equal(await store.delete(created.id), false);
    });

    test('expired drafts are not returned or saved, and purgeExpired removes them', async () => {
      const expired = await store.create({ old: true });
      const live = await store.create({ old: false });
      await expire(db, expired.id);
      assert.equal(await store.get(expired.id), undefined);
      assert.equal(await store.save(expired.id, { old: 'again' }), undefined);
      assert.equal(await store.purgeExpired(), 1);
      assert.deepEqual(await db.query('SELECT id FROM drafts WHERE id = $1', [expired.id]), []);
      assert.ok(await store.get(live.id));
      // As of the day it expires, the live one goes too.
      assert.ok((await store.purgeExpired(new Date(live.expiresAt))) >= 1);
      assert.equal(await store.get(live.id), undefined);
    });

    test('reopening keeps the data and applies no migration twice', async () => {
      const created = await store.create({ kept: 'över natten' });
      await store.close();
      await open();
      assert.deepEqual(await store.get(created.id), created);
      assert.deepEqual(await migrate(db), []);
      assert.deepEqual(await db.query('SELECT name FROM schema_migrations'), [
        { name: '001_create_drafts.sql' },
        { name: '002_draft_ready.sql' },
        { name: '003_handoff.sql' },
        { name: '004_team_ids.sql' },
        { name: '005_overviews.sql' },
        { name: '006_summary_org_number.sql' },
        { name: '007_link_done.sql' },
        { name: '008_settlement_summaries.sql' },
        { name: '009_history_events.sql' },
      ]);
    });

    test('the history keeps events as data, worded when shown; rows written as Swedish words before stay readable', async () => {
      const created = await store.create({});
      // A row as the history stored it before 009: Swedish words in actor and change.
      await db.query(`INSERT INTO draft_history (draft_id, actor, change) VALUES ($1, 'Länk för skolpersonal, Team Norr', 'lade till p9')`, [created.id]);
      await store.addHistory(created.id, 'link:school', [
        { kind: 'member_saved', team: 't1', teamName: 'Team Norr', member: 'p1' },
        { kind: 'members_imported', team: 't1', teamName: 'Team Norr', added: 1, skipped: 3 },
      ]);
      const entries = await store.history(created.id);
      assert.deepEqual(
        entries.map((e) => e.event?.kind ?? null),
        [null, 'member_saved', 'members_imported'],
      );
      const application = { teams: [{ id: 't1', name: 'Team Norr', members: [{ id: 'p1', role: 'Skolkurator' }] }] } as unknown as DraftApplication;
      assert.deepEqual(
        entries.map((e) => historyWords(e, application, 'en')),
        [
          { who: 'Länk för skolpersonal, Team Norr', what: 'lade till p9' },
          { who: 'Link for school staff, Team Norr', what: 'changed Skolkurator (p1)' },
          { who: 'Link for school staff, Team Norr', what: 'imported 1 person to Team Norr (added; 3 people already there skipped)' },
        ],
      );
      assert.equal(
        historyWords(entries[2], application, 'sv').what,
        'importerade 1 person till Team Norr (lade till, 3 personer som redan fanns hoppades över)',
      );
    });
  });
});

test('the drafts plugin decorates app.drafts, purges at start and closes the store with the app', async () => {
  const backend = await pgliteBackend(); // one back end is enough for the wiring
  let db = await openDb(backend.config);
  const expired = await (await createDraftStore(db)).create({});
  await expire(db, expired.id);
  await db.close();

  const app = Fastify();
  await app.register(drafts, backend.config);
  await app.ready();
  const created = await app.drafts.create({ via: 'plugin' });
  assert.deepEqual((await app.drafts.get(created.id))?.data, { via: 'plugin' });
  await app.close();
  await assert.rejects(app.drafts.get(created.id), 'closed with the app');

  db = await openDb(backend.config);
  assert.deepEqual(await db.query('SELECT id FROM drafts'), [{ id: created.id }], 'the expired draft was purged at start');
  await db.close();
  await backend.dispose();
});
