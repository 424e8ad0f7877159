import { siteKeyOrigins } from '@pledge/auth';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';

/**
 * `OPTIONS /v1/consents`: the CORS preflight of a browser about to record consent with a
 * site key. A preflight carries no credential, so it is public; it allows the origins of
 * the active site keys and no other (an unknown origin gets no CORS headers: the browser
 * then does not send the request).
 */
export function registerCorsRoutes(app: FastifyInstance, rt: Runtime): void {
  app.options('/consents', { schema: { hide: true } }, async (request, reply) => {
    const origin = request.headers.origin;
    if (typeof origin === 'string' && (await siteKeyOrigins(rt.store)).has(origin.toLowerCase())) {
      reply
        .header('access-control-allow-origin', origin)
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', 'authorization, content-type')
        .header('access-control-max-age', '600');
    }
    return reply.header('vary', 'origin').status(204).send();
  });
}
