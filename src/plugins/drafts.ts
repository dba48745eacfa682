/**
 * The drafts store as `app.drafts`: opened (and migrated) at start, closed when the app closes.
 * What has expired (drafts, links, the kommun's overviews) is purged at start and then every hour
 * while the server runs (see purgeExpired). Every save stores what the kommun's overview needs of
 * the draft (src/drafts/team-summaries.ts), so an overview never re-assesses drafts. Options: the
 * embedded PGlite directory or a PostgreSQL server's URL, and for tests the purge's interval and
 * clock.
 */
import fp from 'fastify-plugin';
import type { DbConfig } from '../drafts/db.ts';
import { openDraftStore, type DraftStore } from '../drafts/store.ts';
import { summariseTeams } from '../drafts/team-summaries.ts';

declare module 'fastify' {
  interface FastifyInstance {
    drafts: DraftStore;
  }
}

export interface DraftsOptions extends DbConfig {
  /** How often expired drafts and links are purged; default an hour. */
  purgeEveryMs?: number;
  /** The time the purge deletes up to; default the database's clock. */
  clock?: () => Date;
}

const HOUR_MS = 60 * 60 * 1000;

export default fp<DraftsOptions>(
  async (app, { purgeEveryMs = HOUR_MS, clock, ...config }) => {
    const store = await openDraftStore(config, { summarise: (data) => summariseTeams(data) });
    app.decorate('drafts', store);

    let closing = false;
    let purging: Promise<void> = Promise.resolve();
    const purge = async () => {
      try {
        const purged = await store.purgeExpired(clock?.());
        if (purged > 0) app.log.info({ purged }, 'expired drafts purged');
      } catch (error) {
        app.log.warn({ err: error }, 'purging expired drafts failed; tried again later');
      }
    };
    // Each run is scheduled when the one before has finished; the timer does not keep the process alive.
    const timer = setTimeout(() => {
      purging = purge().finally(() => closing || timer.refresh());
    }, purgeEveryMs).unref();
    app.addHook('onClose', async () => {
      closing = true;
      clearTimeout(timer);
      await purging;
      await store.close();
    });

    await purge();
    app.log.info({ backend: config.databaseUrl ? 'postgresql' : 'pglite' }, 'drafts store open');
  },
  { name: 'drafts' },
);
