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
