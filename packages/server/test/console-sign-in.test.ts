import { createConsoleUser, enrolTotp } from '@pledge/auth';
import { resolveSubjectKey } from '@pledge/store';
import { URI } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from './console-session.js';
import { type TestApp, testApp } from './helpers.js';

const BOOTSTRAP = 'bootstrap-token-0123456789abcdef';

function cookiesOf(setCookie: string | string[] | number | undefined): string[] {
  return setCookie === undefined ? [] : [setCookie].flat().map(String);
}

/** Loads the form and returns the sign-in cookie and its token. */
async function signInForm(t: TestApp): Promise<{ cookie: string; token: string }> {
  const page = await t.app.inject({ method: 'GET', url: '/console/sign-in' });
  expect(page.statusCode).toBe(200);
  const set = cookiesOf(page.headers['set-cookie']).find((c) => c.startsWith('pledge_console_sign_in='))!;
  const cookie = set.split(';')[0]!;
  return { cookie, token: cookie.split('=')[1]! };
}

async function postSignIn(
  t: TestApp,
  fields: Record<string, string>,
  form?: { cookie: string; token: string },
) {
  const f = form ?? (await signInForm(t));
  return t.app.inject({
    method: 'POST',
    url: '/console/sign-in',
    headers: { cookie: f.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ csrf: f.token, ...fields }).toString(),
  });
}

describe('console sign-in with a password (production mode: keys exist)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('pglite', { apiToken: BOOTSTRAP });
  });
  afterAll(() => t.close());

  it('signs in an engineer and sets a Secure, HttpOnly, SameSite=Strict cookie on /console', async () => {
    const made = await signedInAs(t.store, 'engineer');
    const res = await postSignIn(t, {
      email: made.user.email.toUpperCase(),
      password: made.password,
      next: '/console/x',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/console/x');
    const session = cookiesOf(res.headers['set-cookie']).find((c) => c.startsWith('pledge_console='))!;
    expect(session).toMatch(/^pledge_console=pledge_cs_[\w-]{43};/);
    const attributes = session.split(';').map((a) => a.trim());
    expect(attributes).toEqual(
      expect.arrayContaining(['Path=/console', 'HttpOnly', 'SameSite=Strict', 'Secure']),
    );
  });

  it('signs out only with the CSRF token, then the session is gone', async () => {
    const s = await signedInAs(t.store, 'auditor');
    const without = await t.app.inject({
      method: 'POST',
      url: '/console/sign-out',
      headers: { cookie: s.cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf-token-invalid');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/console/sign-out',
      headers: { cookie: s.cookie, 'x-csrf-token': `${s.csrf}x` },
    });
    expect(wrong.json().error.code).toBe('csrf-token-invalid');
    const out = await t.app.inject({ method: 'POST', url: '/console/sign-out', headers: s.headers });
    expect(out.statusCode).toBe(303);
    expect(out.headers['cache-control']).toBe('no-store');
    expect(String(out.headers['set-cookie'])).toMatch(/^pledge_console=; Path=\/console; Max-Age=0/);
    const again = await t.app.inject({ method: 'POST', url: '/console/sign-out', headers: s.headers });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('console-sign-in-required');
  });

  it('refuses a sign-in form posted without its browser cookie (no login CSRF)', async () => {
    const made = await signedInAs(t.store, 'engineer');
    const form = await signInForm(t);
    const res = await postSignIn(
      t,
      { email: made.user.email, password: made.password },
      { cookie: 'x=y', token: form.token },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf-token-invalid');
  });
});

describe('console sign-in: second factor, the same answer for unknown users, lockout, rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('pglite', { apiToken: BOOTSTRAP, console: { signInPerMinute: 12 } });
  });
  afterAll(() => t.close());

  it('P1-53: a privacy officer signs in only with a TOTP code; the code from the enrolment URI works once', async () => {
    const password = 'officer-password-0123456789';
    const made = await createConsoleUser(t.store, {
      email: 'officer@sign-in.test',
      name: 'Officer',
      role: 'privacy-officer',
      actor: 'test',
      password,
      confidentialityAcknowledged: true,
    });
    if (!made.ok) throw new Error(made.issue.code);
    const bare = await postSignIn(t, { email: 'officer@sign-in.test', password });
    expect(bare.statusCode).toBe(403);
    expect(bare.body).toContain('needs a second factor');
    expect(cookiesOf(bare.headers['set-cookie']).some((c) => c.startsWith('pledge_console='))).toBe(false);
    // The server seals second-factor secrets with the deployment's key (the store's, in memory here).
    const enrolled = await enrolTotp(t.store, 'officer@sign-in.test', {
      key: await resolveSubjectKey(t.store),
    });
    if (!enrolled.ok) throw new Error(enrolled.issue.code);
    const code = URI.parse(enrolled.uri).generate();
    const ok = await postSignIn(t, { email: 'officer@sign-in.test', password, totp: code });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/console');
    const replay = await postSignIn(t, { email: 'officer@sign-in.test', password, totp: code });
    expect(replay.statusCode).toBe(401);
  });

  it('answers an unknown e-mail exactly like a wrong password, and a locked account alike', async () => {
    const made = await signedInAs(t.store, 'engineer', { email: 'locked@sign-in.test' });
    const form = await signInForm(t);
    const unknown = await postSignIn(
      t,
      { email: 'nobody@sign-in.test', password: 'whatever-password' },
      form,
    );
    const wrong = await postSignIn(t, { email: 'locked@sign-in.test', password: 'whatever-password' }, form);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(unknown.headers['set-cookie']).toEqual(wrong.headers['set-cookie']);
    for (let i = 0; i < 4; i++)
      await postSignIn(t, { email: 'locked@sign-in.test', password: 'whatever-password' }, form);
    const locked = await postSignIn(t, { email: 'locked@sign-in.test', password: made.password }, form);
    expect(locked.statusCode).toBe(401);
    expect(locked.body).toBe(unknown.body);
  });

  it('limits sign-in attempts per address', async () => {
    const form = await signInForm(t);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (await postSignIn(t, { email: 'nobody@sign-in.test', password: 'whatever-password' }, form))
          .statusCode,
      );
    }
    expect(statuses).toContain(429);
  });
});

describe('console cookies in development mode (no key) from this machine', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('pglite');
  });
  afterAll(() => t.close());

  it('leave out Secure on loopback (plain http://localhost) and keep the other flags', async () => {
    const made = await signedInAs(t.store, 'auditor');
    const res = await postSignIn(t, { email: made.user.email, password: made.password });
    expect(res.statusCode).toBe(303);
    const session = cookiesOf(res.headers['set-cookie']).find((c) => c.startsWith('pledge_console='))!;
    const attributes = session.split(';').map((a) => a.trim());
    expect(attributes).toEqual(expect.arrayContaining(['Path=/console', 'HttpOnly', 'SameSite=Strict']));
    expect(attributes).not.toContain('Secure');
  });
});
