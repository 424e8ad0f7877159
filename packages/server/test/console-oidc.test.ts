import { createConsoleUser, findConsoleSession, listConsoleUsers } from '@pledge/auth';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from './helpers.js';
import { startTestProvider, type TestAccount, type TestProvider } from './oidc-test-provider.js';

const BOOTSTRAP = 'bootstrap-token-0123456789abcdef';
const REDIRECT = 'https://pledge.test/console/oidc/callback';

const cookieFrom = (res: LightMyRequestResponse, name: string): string | undefined =>
  [res.headers['set-cookie'] ?? []]
    .flat()
    .map(String)
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0];

describe('console sign-in through OpenID Connect, against a real provider (oidc-provider) on loopback', () => {
  let idp: TestProvider;
  let t: TestApp;
  beforeAll(async () => {
    idp = await startTestProvider(REDIRECT);
    t = await testApp('pglite', {
      apiToken: BOOTSTRAP,
      console: {
        oidc: {
          issuer: idp.issuer,
          clientId: idp.clientId,
          clientSecret: idp.clientSecret,
          redirectUri: REDIRECT,
        },
      },
    });
    for (const [email, role] of [
      ['auditor@team.test', 'auditor'],
      ['officer@team.test', 'privacy-officer'],
    ] as const) {
      const made = await createConsoleUser(t.store, {
        email,
        name: role,
        role,
        actor: 'test',
        password: null,
        confidentialityAcknowledged: true,
      });
      if (!made.ok) throw new Error(made.issue.code);
    }
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** Runs a whole sign-in: start, the provider, the callback; returns the callback's answer. */
  async function signIn(account: TestAccount, next = '/console/audit') {
    idp.signInAs(account);
    const start = await t.app.inject({
      method: 'GET',
      url: `/console/oidc/start?next=${encodeURIComponent(next)}`,
    });
    expect(start.statusCode).toBe(303);
    const flowCookie = cookieFrom(start, 'pledge_console_oidc')!;
    expect(String(start.headers['set-cookie'])).toMatch(/SameSite=Lax/);
    const authUrl = new URL(String(start.headers.location));
    expect(authUrl.origin).toBe(idp.issuer);
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authUrl.searchParams.get('state')).toBeTruthy();
    expect(authUrl.searchParams.get('nonce')).toBeTruthy();
    const back = new URL(await idp.browse(authUrl.href));
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    const callback = `${back.pathname}${back.search}`;
    const res = await t.app.inject({ method: 'GET', url: callback, headers: { cookie: flowCookie } });
    return { res, callback, flowCookie };
  }

  it('signs in an existing user by verified e-mail and opens a session (no second factor asserted: not multi-factor)', async () => {
    const { res } = await signIn({ email: 'Auditor@Team.test', emailVerified: true, amr: ['pwd'] });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('url=/console/audit');
    const token = cookieFrom(res, 'pledge_console')!.split('=')[1]!;
    const session = await findConsoleSession(t.store, token);
    expect(session).toMatchObject({
      method: 'oidc',
      mfa: false,
      user: { email: 'auditor@team.test', role: 'auditor' },
    });
  });

  it('P1-53: a personal-data role signs in through OIDC only when the provider asserts MFA (amr)', async () => {
    const without = await signIn({ email: 'officer@team.test', emailVerified: true, amr: ['pwd'] });
    expect(without.res.statusCode).toBe(403);
    expect(cookieFrom(without.res, 'pledge_console')).toBeUndefined();
    const withMfa = await signIn({
      email: 'officer@team.test',
      emailVerified: true,
      amr: ['pwd', 'otp', 'mfa'],
    });
    expect(withMfa.res.statusCode).toBe(200);
    const token = cookieFrom(withMfa.res, 'pledge_console')!.split('=')[1]!;
    expect(await findConsoleSession(t.store, token)).toMatchObject({
      mfa: true,
      user: { role: 'privacy-officer' },
    });
  });

  it('registers nobody: an unknown e-mail or an unverified one is refused', async () => {
    const before = (await listConsoleUsers(t.store)).length;
    const unknown = await signIn({ email: 'stranger@team.test', emailVerified: true, amr: ['mfa'] });
    expect(unknown.res.statusCode).toBe(401);
    const unverified = await signIn({ email: 'auditor@team.test', emailVerified: false, amr: ['mfa'] });
    expect(unverified.res.statusCode).toBe(401);
    expect(cookieFrom(unverified.res, 'pledge_console')).toBeUndefined();
    expect((await listConsoleUsers(t.store)).length).toBe(before);
  });

  it('checks the state: a callback used twice, without the browser cookie, or with another flow is refused', async () => {
    const first = await signIn({ email: 'auditor@team.test', emailVerified: true, amr: ['pwd'] });
    expect(first.res.statusCode).toBe(200);
    const replay = await t.app.inject({
      method: 'GET',
      url: first.callback,
      headers: { cookie: first.flowCookie },
    });
    expect(replay.statusCode).toBe(401);
    idp.signInAs({ email: 'auditor@team.test', emailVerified: true, amr: ['pwd'] });
    const start = await t.app.inject({ method: 'GET', url: '/console/oidc/start' });
    const back = new URL(await idp.browse(String(start.headers.location)));
    const noCookie = await t.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
    expect(noCookie.statusCode).toBe(401);
    // another flow's cookie (an attacker's own sign-in) does not fit this callback
    const other = await t.app.inject({ method: 'GET', url: '/console/oidc/start' });
    const wrong = await t.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { cookie: cookieFrom(other, 'pledge_console_oidc')! },
    });
    expect(wrong.statusCode).toBe(401);
    expect(cookieFrom(wrong, 'pledge_console')).toBeUndefined();
  });

  it('the sign-in page offers the provider', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/console/sign-in' });
    expect(page.body).toContain('href="/console/oidc/start?next=%2Fconsole"');
  });
});
