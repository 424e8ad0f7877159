import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Pledge } from '../pledge/pledge.js';
import { type PledgeMiddlewareOptions, prepareRequest, type RequestPledge } from './request-pledge.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the `pledgeFastify` plugin. */
    pledge: RequestPledge;
  }
}

/** Options of {@link pledgeFastify}. */
export interface PledgeFastifyOptions extends PledgeMiddlewareOptions<FastifyRequest> {
  /** Hook to run in; `preHandler` (default) sees what authentication set on the request. */
  hook?: 'onRequest' | 'preValidation' | 'preHandler';
}

/**
 * A Fastify plugin: on every request it loads the subject into the consent cache, records
 * `Sec-GPC: 1` / `DNT: 1` once per subject and signal, and sets `request.pledge`. Not
 * encapsulated (`skip-override`), so it applies to routes registered beside it.
 *
 * @example
 * await app.register(pledgeFastify(pledge, { subject: (req) => req.headers['x-user-id'] as string }));
 * app.get('/ads', (req) => req.pledge.decide('ads', ['browsing']));
 */
export function pledgeFastify(
  pledge: Pledge,
  options: PledgeFastifyOptions,
): (app: FastifyInstance) => Promise<void> {
  const plugin = async (app: FastifyInstance) => {
    app.decorateRequest('pledge');
    app.addHook(options.hook ?? 'preHandler', async (request: FastifyRequest) => {
      request.pledge = await prepareRequest(pledge, options, request, request.headers);
    });
  };
  return Object.assign(plugin, {
    [Symbol.for('skip-override')]: true,
    [Symbol.for('fastify.display-name')]: '@pledge/sdk',
  });
}
