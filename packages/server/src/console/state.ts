import type { ConsoleSession, ConsoleUser } from '@pledge/auth';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';

const SESSIONS = new WeakMap<FastifyRequest, ConsoleSession>();

/** Records the console session a request carries (the session hook does). */
export function setConsoleSession(request: FastifyRequest, session: ConsoleSession): void {
  SESSIONS.set(request, session);
}

/** The live console session of a request, if it carries one. */
export function consoleSessionOf(request: FastifyRequest): ConsoleSession | undefined {
  return SESSIONS.get(request);
}

/**
 * The signed-in console user of a request. On a route behind `requirePermission` there always
 * is one; elsewhere, undefined when the request carries no live session.
 */
export function consoleUserOf(request: FastifyRequest): ConsoleUser | undefined {
  return SESSIONS.get(request)?.user;
}

/**
 * The page context (user and CSRF token) of a request behind `requirePermission`, which
 * guarantees a session; without one (a route registered without the guard) a 401.
 */
export function consolePageContext(request: FastifyRequest): { user: ConsoleUser; csrfToken: string } {
  const session = SESSIONS.get(request);
  if (!session)
    throw new HttpError(401, 'console-sign-in-required', 'sign in to the console first (/console/sign-in)');
  return { user: session.user, csrfToken: session.csrfToken };
}
