import { DEFAULT_SESSION_LIFETIMES, OidcSignIn, openConsoleSession } from '@pledge/auth';
import { renderConsolePage } from '@pledge/console';
import { escapeHtml } from '@pledge/render';
import type { Store } from '@pledge/store';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.js';
import { readCookies, setCookie } from './cookies.js';
import { safeNext } from './next-path.js';
import type { ConsoleOptions } from './options.js';
import { setSessionCookie } from './sign-in-routes.js';

/** The cookie binding a started OIDC sign-in to the browser: `<state>.<next, base64url>`. */
export const OIDC_COOKIE = 'pledge_console_oidc';
const OIDC_PATH = '/console/oidc';

/**
 * `GET /console/oidc/start` sends the browser to the identity provider; `GET
 * /console/oidc/callback` finishes the sign-in and opens a session. Without a provider
 * configured both answer 404. The flow cookie is SameSite=Lax (the provider's redirect back
 * is a cross-site navigation, which a Strict cookie would not follow).
 */
export function registerOidcRoutes(app: FastifyInstance, store: Store, options: ConsoleOptions): void {
  const oidc = options.oidc ? new OidcSignIn(store, options.oidc) : undefined;
  const lifetimes = options.sessions ?? DEFAULT_SESSION_LIFETIMES;
  const needOidc = (): OidcSignIn => {
    if (!oidc) throw new HttpError(404, 'not-found', 'no identity provider is configured for the console');
    return oidc;
  };

  app.get('/console/oidc/start', async (request, reply) => {
    const provider = needOidc();
    const next = safeNext((request.query as Record<string, unknown>).next);
    const started = await provider.start();
    const value = `${started.state}.${Buffer.from(next).toString('base64url')}`;
    setCookie(request, reply, OIDC_COOKIE, value, { path: OIDC_PATH, sameSite: 'Lax', maxAgeS: 600 });
    return reply.redirect(started.url, 303);
  });

  app.get('/console/oidc/callback', async (request, reply) => {
    const provider = needOidc();
    const [state = '', encodedNext = ''] = (readCookies(request).get(OIDC_COOKIE) ?? '').split('.');
    setCookie(request, reply, OIDC_COOKIE, '', { path: OIDC_PATH, sameSite: 'Lax', maxAgeS: 0 });
    const callbackUrl = new URL(request.url, options.oidc!.redirectUri);
    const result = state
      ? await provider.finish(callbackUrl, state)
      : ({
          ok: false,
          code: 'invalid-credentials',
          reason: 'no sign-in was started in this browser',
        } as const);
    if (!result.ok) {
      request.log.warn({ reason: result.reason }, 'console OIDC sign-in refused');
      const message =
        result.code === 'second-factor-required'
          ? 'Your role reads personal data: sign in at your identity provider with a second factor.'
          : 'The identity provider did not sign you in to a console account.';
      reply.code(result.code === 'second-factor-required' ? 403 : 401).type('text/html; charset=utf-8');
      return renderConsolePage({
        title: 'Sign-in refused',
        body: `<p class="error" role="alert">${escapeHtml(message)}</p><p><a href="/console/sign-in">Back to sign-in</a></p>`,
      });
    }
    const opened = await openConsoleSession(
      store,
      result.user.id,
      { method: 'oidc', mfa: result.mfa },
      { lifetimes },
    );
    setSessionCookie(request, reply, opened.token, Math.floor(lifetimes.absoluteMs / 1000));
    const next = safeNext(Buffer.from(encodedNext, 'base64url').toString('utf8'));
    // A page, not a redirect: the browser arrived from the provider's site, and a Strict
    // cookie set now is only sent on a navigation that starts here.
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    return renderConsolePage({
      title: 'Signed in',
      body: `<meta http-equiv="refresh" content="0;url=${escapeHtml(next)}"><p><a href="${escapeHtml(next)}">Continue to the console</a></p>`,
    });
  });
}
