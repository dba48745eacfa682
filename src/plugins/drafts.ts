/**
 * The drafts store as `app.drafts`: opened (and migrated) at start, expired drafts and overviews
 * purged, closed when the app closes. Options: the embedded PGlite directory, or a PostgreSQL
 * server's URL. Every save stores what the kommun's overview needs of the draft
 * (src/drafts/team-summaries.ts), so an overview never re-assesses drafts.
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

export type DraftsOptions = DbConfig;

export default fp<DraftsOptions>(
  async (app, options) => {
    const store = await openDraftStore(options, { summarise: (data) => summariseTeams(data) });
    app.decorate('drafts', store);
    app.addHook('onClose', () => store.close());
    const purged = await store.purgeExpired();
    app.log.info({ purged, backend: options.databaseUrl ? 'postgresql' : 'pglite' }, 'drafts store open');
  },
  { name: 'drafts' },
);
