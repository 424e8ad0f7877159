import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  DEFAULT_SESSION_LIFETIMES,
  endConsoleSession,
  openConsoleSession,
  signInWithPassword,
} from '@pledge/auth';
import type { Store } from '@pledge/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';
import { formField } from '../form-field.js';
import { readCookies, SESSION_COOKIE, SIGN_IN_COOKIE, setCookie } from './cookies.js';
import { safeNext } from './next-path.js';
import { type ConsoleOptions, DEFAULT_SIGN_IN_PER_MINUTE } from './options.js';
import { requireSession } from './require-permission.js';
import { renderSignInPage } from './sign-in-page.js';

const MINUTE = 60_000;
const FORM_TOKEN_AGE_S = 3600;

const field = (body: unknown, name: string): string => formField(body, name) ?? '';

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length > 0 && x.length === y.length && timingSafeEqual(x, y);
}

/** The sign-in form's token: the browser's cookie, or a new one set now. */
function formToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = readCookies(request).get(SIGN_IN_COOKIE);
  if (existing && /^[\w-]{20,64}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  setCookie(request, reply, SIGN_IN_COOKIE, token, {
    path: '/console',
    sameSite: 'Strict',
    maxAgeS: FORM_TOKEN_AGE_S,
  });
  return token;
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Path=/console, Secure except loopback development. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeS: number,
): void {
  setCookie(request, reply, SESSION_COOKIE, token, { path: '/console', sameSite: 'Strict', maxAgeS });
}

/**
 * `GET /console/sign-in` (the form), `POST /console/sign-in` (e-mail, password, one-time
 * code; rate-limited per address; every refusal the same page and status) and
 * `POST /console/sign-out`.
 */
export function registerSignInRoutes(
  app: FastifyInstance,
  store: Store,
  secretKey: string,
  options: ConsoleOptions,
): void {
  const lifetimes = options.sessions ?? DEFAULT_SESSION_LIFETIMES;
  const limit = app.createRateLimit({
    max: options.signInPerMinute ?? DEFAULT_SIGN_IN_PER_MINUTE,
    timeWindow: MINUTE,
    keyGenerator: (request) => `console-sign-in:${request.ip}`,
  });
  const page = (request: FastifyRequest, reply: FastifyReply, next: string, error?: string) => {
    const html = renderSignInPage({
      formToken: formToken(request, reply),
      next,
      oidc: options.oidc !== undefined,
      ...(error ? { error } : {}),
    });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  };

  app.get('/console/sign-in', async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    return page(request, reply, next);
  });

  app.post(
    '/console/sign-in',
    {
      onRequest: async (request, reply) => {
        const result = await limit(request);
        if (result.isAllowed || !result.isExceeded) return;
        reply.header('retry-after', result.ttlInSeconds);
        throw new HttpError(
          429,
          'rate-limited',
          `too many sign-in attempts from this address: at most ${result.max} a minute`,
        );
      },
    },
    async (request, reply) => {
      const { body } = request;
      const cookie = readCookies(request).get(SIGN_IN_COOKIE) ?? '';
      if (!sameToken(field(body, 'csrf'), cookie)) {
        throw new HttpError(
          403,
          'csrf-token-invalid',
          'the sign-in form is stale or from another site: load /console/sign-in again',
        );
      }
      const next = safeNext(field(body, 'next'));
      const totp = field(body, 'totp').trim();
      const result = await signInWithPassword(
        store,
        { email: field(body, 'email'), password: field(body, 'password'), ...(totp ? { totp } : {}) },
        { totpKey: secretKey, ...(options.lockout ? { lockout: options.lockout } : {}) },
      );
      if (!result.ok) {
        reply.code(result.code === 'invalid-credentials' ? 401 : 403);
        return page(
          request,
          reply,
          next,
          result.code === 'invalid-credentials'
            ? 'The e-mail, password or one-time code is not right, or the account is locked for a while.'
            : 'Your role reads personal data and needs a second factor: ask an owner to enrol one (pledge users totp), or sign in with your organisation’s account.',
        );
      }
      const opened = await openConsoleSession(
        store,
        result.user.id,
        { method: 'password', mfa: result.mfa },
        { lifetimes },
      );
      setSessionCookie(request, reply, opened.token, Math.floor(lifetimes.absoluteMs / 1000));
      return reply.redirect(next, 303);
    },
  );

  app.post('/console/sign-out', { preHandler: requireSession() }, async (request, reply) => {
    const token = readCookies(request).get(SESSION_COOKIE);
    if (token) await endConsoleSession(store, token);
    setCookie(request, reply, SESSION_COOKIE, '', { path: '/console', sameSite: 'Strict', maxAgeS: 0 });
    return reply.redirect('/console/sign-in', 303);
  });
}
