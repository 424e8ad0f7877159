import type { ConsoleSession, ConsoleUser } from '@pledge/auth';
import type { FastifyRequest } from 'fastify';

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
