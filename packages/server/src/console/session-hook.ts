import { findConsoleSession, type SessionLifetimes } from '@pledge/auth';
import type { Store } from '@pledge/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isPrivacyCenterRoute } from '../privacy-center/register.js';
import { isConsoleRoute } from './console-routes.js';
import { readCookies, SESSION_COOKIE } from './cookies.js';
import { setConsoleSession } from './state.js';

/**
 * An `onRequest` hook: on a console route, the session named by the `pledge_console` cookie,
 * if live, is attached to the request (see `consoleUserOf`). Routes decide with
 * `requirePermission` what an absent session means.
 */
export function sessionHook(store: Store, lifetimes?: SessionLifetimes) {
  return async (request: FastifyRequest): Promise<void> => {
    const url = request.routeOptions.url;
    if (url === undefined || !isConsoleRoute(url)) return;
    const token = readCookies(request).get(SESSION_COOKIE);
    if (!token) return;
    const session = await findConsoleSession(store, token, lifetimes ? { lifetimes } : {});
    if (session) setConsoleSession(request, session);
  };
}

/**
 * Parses HTML form posts (`application/x-www-form-urlencoded`) on console and privacy center
 * routes only; the API keeps answering 415 to them. A repeated field keeps its first value.
 */
export function installFormParser(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (request, body, done) => {
      const url = request.routeOptions.url ?? '';
      if (!isConsoleRoute(url) && !isPrivacyCenterRoute(url)) {
        const error = Object.assign(new Error('unsupported content-type'), {
          statusCode: 415,
          code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
        });
        done(error, undefined);
        return;
      }
      const fields: Record<string, string> = {};
      for (const [name, value] of new URLSearchParams(String(body))) {
        if (!(name in fields)) fields[name] = value;
      }
      done(null, fields);
    },
  );
}
