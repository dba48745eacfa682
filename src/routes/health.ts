import type { FastifyPluginAsync } from 'fastify';

/** GET /healthz: 200 once the app is ready to serve. */
const health: FastifyPluginAsync = async (app) => {
  app.get('/healthz', async () => ({ status: 'ok' }));
};

export default health;
