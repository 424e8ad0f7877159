import { createHash, timingSafeEqual } from 'node:crypto';
import { authenticateApiKey, type Principal } from '@pledge/auth';
import type { Store } from '@pledge/store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLoopback } from '../auth.js';
import { isConsoleRoute } from '../console/console-routes.js';
import { HttpError } from '../errors.js';
import type { KeyPresence } from './key-presence.js';
import { DEV_PRINCIPAL, requestAuth, setRequestAuth } from './principal.js';
import { isPublicRoute } from './public-routes.js';
import { routeScopes } from './route-scopes.js';

/** Headers a reverse proxy adds: development mode refuses a request carrying any of them. */
export const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'] as const;

/** Host names development mode answers to when PLEDGE_ALLOWED_HOSTS is not set (no DNS rebinding). */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/** What the guard needs. */
export interface GuardOptions {
  store: Store;
  /** Whether any key exists (cached briefly). */
  keys: KeyPresence;
  /** PLEDGE_API_TOKEN: a bootstrap key with the `admin` scope only. */
  bootstrapToken?: string;
  /** PLEDGE_ALLOWED_HOSTS; unset: any host with keys, loopback names in development mode. */
  allowedHosts?: readonly string[];
}

/** The principal of PLEDGE_API_TOKEN: manages keys, nothing else. */
export const BOOTSTRAP_PRINCIPAL: Principal = {
  id: 'bootstrap',
  name: 'PLEDGE_API_TOKEN',
  kind: 'secret',
  scopes: ['admin'],
  actor: 'subject',
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The host name of a `Host` header, lower-cased, without the port. */
export function hostName(header: string | undefined): string {
  const host = (header ?? '').trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0] ?? '';
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  return /^Bearer[ ]+(\S+)\s*$/i.exec(header)?.[1] ?? '';
}

/**
 * The first `onRequest` hook: finds the mode (no active key and no PLEDGE_API_TOKEN:
 * development mode), then refuses a host not allowed (421) and, in development mode, any
 * request carrying a proxy header (403). Runs before the body is read.
 */
export function modeHook(options: GuardOptions) {
  return async (request: FastifyRequest): Promise<void> => {
    const devMode = !options.bootstrapToken && !(await options.keys.any());
    setRequestAuth(request, { devMode });
    const allowed = options.allowedHosts ?? (devMode ? LOOPBACK_HOSTS : undefined);
    if (allowed && !allowed.includes(hostName(request.headers.host))) {
      throw new HttpError(421, 'host-not-allowed', 'this server does not answer to that host name');
    }
    if (devMode && PROXY_HEADERS.some((h) => request.headers[h] !== undefined)) {
      throw new HttpError(
        403,
        'proxy-in-dev-mode',
        'no API key exists (development mode), which refuses requests through a proxy: create a key first',
      );
    }
  };
}

/**
 * The guard (`onRequest`, after the per-address rate limit): a public route passes; any
 * other needs a key holding one of the scopes the route accepts, or development mode from
 * loopback. A key limited to origins (a site key) must come with one of them as `Origin`,
 * which is then allowed by CORS. A route not found passes on to the 404 handler. Console
 * routes pass on to their session check (`requirePermission`).
 */
export function guardHook(options: GuardOptions) {
  const bootstrap = options.bootstrapToken ? sha256(options.bootstrapToken) : undefined;
  const authenticate = async (token: string): Promise<Principal | undefined> => {
    if (bootstrap && timingSafeEqual(sha256(token), bootstrap)) return BOOTSTRAP_PRINCIPAL;
    return authenticateApiKey(options.store, token);
  };
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const url = request.routeOptions.url;
    const state = requestAuth(request) ?? { devMode: false };
    // Console routes are authenticated by their session cookie (`requirePermission`), never by a key.
    if (url === undefined || request.is404 || isPublicRoute(request.method, url) || isConsoleRoute(url))
      return;
    const token = bearer(request);
    let principal: Principal | undefined;
    if (token !== undefined) {
      principal = token ? await authenticate(token) : undefined;
      if (!principal) {
        reply.header('www-authenticate', 'Bearer realm="pledge", error="invalid_token"');
        throw new HttpError(401, 'unauthorized', 'the API key is not valid (unknown or revoked)');
      }
    } else if (state.devMode) {
      if (!isLoopback(request)) {
        throw new HttpError(
          403,
          'dev-mode-local-only',
          'no API key exists (development mode), which answers this machine only: create a key (pledge keys create)',
        );
      }
      principal = DEV_PRINCIPAL;
    } else {
      reply.header('www-authenticate', 'Bearer realm="pledge"');
      throw new HttpError(401, 'unauthorized', 'this route needs Authorization: Bearer <API key>');
    }
    const accepted = routeScopes(request.method, url);
    if (!principal.scopes.some((s) => accepted.includes(s))) {
      throw new HttpError(
        403,
        'insufficient-scope',
        accepted.length > 0
          ? `this route needs a key with one of the scopes: ${accepted.join(', ')}`
          : 'this route accepts no API key',
      );
    }
    if (principal.origins && principal.origins.length > 0) {
      const origin = request.headers.origin;
      if (typeof origin !== 'string' || !principal.origins.includes(origin.toLowerCase())) {
        throw new HttpError(403, 'origin-not-allowed', 'this key may only be used from its own origins');
      }
      reply.header('access-control-allow-origin', origin).header('vary', 'origin');
    }
    setRequestAuth(request, { ...state, principal });
  };
}
