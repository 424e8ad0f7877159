import { DeregisteredBody, DeregisteredResponse } from '@pledge/protocol';
import { wasDeregistered } from '@pledge/store';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { HttpError } from '../errors.js';
import { BODY_ERRORS } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';
import { requestAuth } from '../security/principal.js';

/**
 * Checks per minute and key (per address in development mode): the answer says whether an
 * identifier was deregistered, so the route is an oracle over identifiers, kept well below
 * the general per-key limit.
 */
export const DEREGISTRATION_CHECKS_PER_MINUTE = 60;

/** `POST /v1/subjects/deregistered`: whether an identifier was deregistered, and nothing else. */
export function registerDeregistrationRoutes(app: FastifyInstance, rt: Runtime): void {
  const check = app.createRateLimit({
    max: DEREGISTRATION_CHECKS_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const principal = requestAuth(request)?.principal;
      return principal ? `deregistered:key:${principal.id}` : `deregistered:address:${request.ip}`;
    },
  });
  app.post<{ Body: z.infer<typeof DeregisteredBody> }>(
    '/subjects/deregistered',
    {
      schema: {
        summary: 'Whether an identifier was deregistered',
        description:
          'For a sign-up form: true when an account under this identifier was deregistered (the new account is then unlinked from the old one). Says nothing else; the identifier is compared as a keyed hash and not stored. Rate-limited per key.',
        tags: ['subjects'],
        body: DeregisteredBody,
        response: { 200: DeregisteredResponse, ...BODY_ERRORS },
      },
      preHandler: async (request, reply) => {
        const result = await check(request);
        if (result.isAllowed || !result.isExceeded) return;
        reply.header('retry-after', result.ttlInSeconds);
        throw new HttpError(
          429,
          'rate-limited',
          `too many deregistration checks with this key: at most ${DEREGISTRATION_CHECKS_PER_MINUTE} a minute`,
        );
      },
    },
    async (request) => ({
      deregistered: await wasDeregistered(rt.store.db, rt.subjectKey, request.body.identifier),
    }),
  );
}
