import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';

/** `GET /healthz`: liveness, with the policy being served. */
export function registerHealthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/healthz', async () => ({
    status: 'ok',
    policy: { id: ctx.manifest.policy.id, version: ctx.manifest.policy.version },
  }));
}
