import { timingSafeEqual } from 'node:crypto';
import { type ConsolePermission, PERSONAL_DATA_PERMISSIONS, roleAllows } from '@pledge/auth';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { HttpError } from '../errors.js';
import type { ConsoleAccess } from './console-routes.js';
import { consoleSessionOf } from './state.js';

/** Where a browser without a session is sent. */
export const SIGN_IN_PATH = '/console/sign-in';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ACCESS = Symbol('console access');

/** A console preHandler, tagged with what it checks (registration compares it with the route table). */
export type ConsoleGuard = preHandlerAsyncHookHandler & { readonly [ACCESS]: ConsoleAccess };

/** What a console preHandler checks, or undefined for any other function. */
export function guardAccess(handler: unknown): ConsoleAccess | undefined {
  return typeof handler === 'function' ? (handler as Partial<ConsoleGuard>)[ACCESS] : undefined;
}

function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.includes('text/html');
}

function sentCsrf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as { csrf?: unknown } | undefined;
  return body && typeof body === 'object' && typeof body.csrf === 'string' ? body.csrf : undefined;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function guard(access: Exclude<ConsoleAccess, 'public'>): ConsoleGuard {
  const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const session = consoleSessionOf(request);
    if (!session) {
      if (SAFE_METHODS.has(request.method) && wantsHtml(request)) {
        const next = encodeURIComponent(request.url);
        await reply.redirect(`${SIGN_IN_PATH}?next=${next}`, 303);
        return;
      }
      throw new HttpError(401, 'console-sign-in-required', 'sign in to the console first (/console/sign-in)');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = sentCsrf(request);
      if (sent === undefined || !sameToken(sent, session.csrfToken)) {
        throw new HttpError(
          403,
          'csrf-token-invalid',
          "the request lacks its session's CSRF token (form field csrf or header x-csrf-token)",
        );
      }
    }
    if (access === 'signed-in') return;
    if (!roleAllows(session.user.role, access)) {
      throw new HttpError(
        403,
        'console-permission-denied',
        `this needs the permission ${access}, which your role does not hold`,
      );
    }
    // Sessions of roles reading personal data are opened with a second factor only (P1-53);
    // checked again here so no other way of opening one can skip it.
    if (PERSONAL_DATA_PERMISSIONS.includes(access) && !session.mfa) {
      throw new HttpError(
        403,
        'second-factor-required',
        'personal data needs a sign-in with a second factor',
      );
    }
  };
  return Object.assign(handler, { [ACCESS]: access }) as ConsoleGuard;
}

/**
 * A Fastify preHandler for a console route: no live session is a 303 to `/console/sign-in`
 * for a browser's GET of a page and a 401 `console-sign-in-required` otherwise; a POST, PUT,
 * PATCH or DELETE without the session's CSRF token (form field `csrf` or header
 * `x-csrf-token`) is a 403 `csrf-token-invalid`; a role without the permission is a 403
 * `console-permission-denied`. The route must be listed in `CONSOLE_ROUTES` with the same
 * permission.
 *
 * @example
 * app.get('/console/audit', { preHandler: requirePermission('audit:read') }, async (request) => {
 *   const user = consoleUserOf(request)!;
 * });
 */
export function requirePermission(permission: ConsolePermission): ConsoleGuard {
  return guard(permission);
}

/** Like {@link requirePermission} for routes any signed-in user may call (signing out). */
export function requireSession(): ConsoleGuard {
  return guard('signed-in');
}
