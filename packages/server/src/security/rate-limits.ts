import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLoopback } from '../auth.js';
import { HttpError } from '../errors.js';
import { requestAuth } from './principal.js';

/** Requests per minute: per key, per client address, per address with one site key. */
export interface RateLimits {
  perKey: number;
  perAddress: number;
  perSiteAddress: number;
}

/** The defaults (PLEDGE_RATE_LIMIT_KEY, PLEDGE_RATE_LIMIT_ADDRESS, PLEDGE_RATE_LIMIT_SITE). */
export const DEFAULT_RATE_LIMITS: RateLimits = { perKey: 6000, perAddress: 1200, perSiteAddress: 60 };

const MINUTE = 60_000;

type Check = (request: FastifyRequest) => Promise<{
  isAllowed: boolean;
  isExceeded?: boolean;
  max?: number;
  remaining?: number;
  ttlInSeconds?: number;
}>;

async function enforce(
  check: Check,
  request: FastifyRequest,
  reply: FastifyReply,
  what: string,
): Promise<void> {
  const result = await check(request);
  if (result.isAllowed) return;
  reply.header('x-ratelimit-limit', result.max).header('x-ratelimit-remaining', result.remaining);
  if (!result.isExceeded) return;
  reply.header('retry-after', result.ttlInSeconds);
  throw new HttpError(429, 'rate-limited', `too many requests ${what}: at most ${result.max} a minute`);
}

/**
 * Rate limits with `@fastify/rate-limit` (counters in process): returns two `onRequest` hooks.
 * `perAddress` runs before the guard, so failed credentials count too; development-mode
 * requests from loopback are not limited. `perKey` runs after it: per key, and per key and
 * address for a site key, whose secret is public.
 */
export async function rateLimitHooks(
  app: FastifyInstance,
  limits: RateLimits,
): Promise<{
  perAddress: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  perKey: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
}> {
  await app.register(rateLimit, { global: false });
  const byAddress: Check = app.createRateLimit({
    max: limits.perAddress,
    timeWindow: MINUTE,
    keyGenerator: (request) => `address:${request.ip}`,
    allowList: (request) => Boolean(requestAuth(request)?.devMode && isLoopback(request)),
  });
  const byKey: Check = app.createRateLimit({
    timeWindow: MINUTE,
    keyGenerator: (request) => {
      const principal = requestAuth(request)?.principal;
      return principal?.kind === 'site' ? `site:${principal.id}:${request.ip}` : `key:${principal?.id ?? ''}`;
    },
    max: (request) =>
      requestAuth(request)?.principal?.kind === 'site' ? limits.perSiteAddress : limits.perKey,
    allowList: (request) => {
      const auth = requestAuth(request);
      return !auth?.principal || auth.devMode;
    },
  });
  return {
    perAddress: (request, reply) => enforce(byAddress, request, reply, 'from this address'),
    perKey: (request, reply) => enforce(byKey, request, reply, 'with this key'),
  };
}
