/**
 * The drafts store as `app.drafts`: opened (and migrated) at start, expired drafts purged, closed
 * when the app closes. Options: the embedded PGlite directory, or a PostgreSQL server's URL.
 */
import fp from 'fastify-plugin';
import type { DbConfig } from '../drafts/db.ts';
import { openDraftStore, type DraftStore } from '../drafts/store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    drafts: DraftStore;
  }
}

export type DraftsOptions = DbConfig;

export default fp<DraftsOptions>(
  async (app, options) => {
    const store = await openDraftStore(options);
    app.decorate('drafts', store);
    app.addHook('onClose', () => store.close());
    const purged = await store.purgeExpired();
    app.log.info({ purged, backend: options.databaseUrl ? 'postgresql' : 'pglite' }, 'drafts store open');
  },
  { name: 'drafts' },
);
