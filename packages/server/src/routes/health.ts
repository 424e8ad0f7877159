import { HealthResponse } from '@pledge/protocol';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';

/** `GET /healthz`: liveness, with the policy in force. */
export function registerHealthRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get(
    '/healthz',
    { schema: { summary: 'Liveness', tags: ['pages'], response: { 200: HealthResponse } } },
    async () => {
      const { manifest } = rt.engine.policy;
      return { status: 'ok' as const, policy: { id: manifest.policy.id, version: manifest.policy.version } };
    },
  );
}
