import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLoopback } from '../auth.js';
import { requestAuth } from '../security/principal.js';

/** The console session cookie. */
export const SESSION_COOKIE = 'pledge_console';
/** The cookie binding the sign-in form to the browser that loaded it (no login CSRF). */
export const SIGN_IN_COOKIE = 'pledge_console_sign_in';

/** The cookies of a request by name (the first of a repeated name wins). */
export function readCookies(request: FastifyRequest): Map<string, string> {
  const out = new Map<string, string>();
  const header = request.headers.cookie;
  if (typeof header !== 'string') return out;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    if (!out.has(name)) out.set(name, part.slice(at + 1).trim());
  }
  return out;
}

/**
 * Whether cookies may go without `Secure`: only in development mode (no API key) from this
 * machine, where the console is reached over plain http://localhost.
 */
export function insecureDevRequest(request: FastifyRequest): boolean {
  return Boolean(requestAuth(request)?.devMode) && isLoopback(request);
}

/** Cookie attributes. */
export interface CookieOptions {
  readonly path: string;
  readonly sameSite: 'Strict' | 'Lax';
  /** Seconds; 0 deletes the cookie. */
  readonly maxAgeS: number;
}

/** Adds a `Set-Cookie` header: HttpOnly always, Secure except in loopback development mode. */
export function setCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  value: string,
  options: CookieOptions,
): void {
  const parts = [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAgeS}`,
    'HttpOnly',
    `SameSite=${options.sameSite}`,
  ];
  if (!insecureDevRequest(request)) parts.push('Secure');
  const previous = reply.getHeader('set-cookie');
  const list = previous === undefined ? [] : [previous].flat().map(String);
  reply.header('set-cookie', [...list, parts.join('; ')]);
}
