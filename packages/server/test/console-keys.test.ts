import { authenticateApiKey, listApiKeys } from '@pledge/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs, type TestConsoleSession } from './console-session.js';
import { type TestApp, testApp } from './helpers.js';

/** A password that must never reach the page, whatever the connection check says. */
const CANARY = 'canary-pw-7f3a91';

describe('the console keys and connectors page (connectors:manage)', () => {
  let t: TestApp;
  let engineer: TestConsoleSession;
  let owner: TestConsoleSession;
  beforeAll(async () => {
    t = await testApp('pglite', {
      apiToken: 'bootstrap-token-0123456789abcdef',
      console: {
        connectorEnv: {
          PLEDGE_ANTSENTRY_PG_URL: 'postgres://postgres@127.0.0.1:5432/test',
          // a port nothing listens on, with a password in the string
          PLEDGE_ANTSENTRY_REDIS_URL: `redis://user:${CANARY}@127.0.0.1:1`,
        },
      },
    });
    engineer = await signedInAs(t.store, 'engineer');
    owner = await signedInAs(t.store, 'owner');
  });
  afterAll(() => t.close());

  const post = (url: string, session: TestConsoleSession, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ csrf: session.csrf, ...fields }).toString(),
    });

  it('an engineer creates a key, sees its secret once, and the key works with exactly its scopes until revoked', async () => {
    const made = await post('/console/keys', engineer, {
      name: 'shop backend',
      kind: 'secret',
      'scope-decide': 'yes',
    });
    expect(made.statusCode).toBe(201);
    const secret = /<code class="secret-value">([^<]+)<\/code>/.exec(made.body)?.[1] as string;
    expect(secret).toMatch(/^pledge_sk_/);
    const principal = await authenticateApiKey(t.store, secret);
    expect(principal?.scopes).toEqual(['decide']);
    const again = await t.app.inject({
      method: 'GET',
      url: '/console/keys',
      headers: { cookie: engineer.cookie },
    });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('shop backend');
    expect(again.body).not.toContain(secret);
    // The key may not manage keys (admin scope): refused for its scope, not for its credential.
    const admin = await t.app.inject({
      method: 'GET',
      url: '/v1/keys',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(admin.statusCode).toBe(403);
    const key = (await listApiKeys(t.store)).find((k) => k.name === 'shop backend');
    const revoked = await post(`/console/keys/${key?.id}/revoke`, engineer, {});
    expect(revoked.statusCode).toBe(200);
    expect(revoked.body).toContain('revoked');
    expect(await authenticateApiKey(t.store, secret)).toBeUndefined();
    const after = await t.app.inject({
      method: 'GET',
      url: '/v1/keys',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(after.statusCode).toBe(401);
    const twice = await post(`/console/keys/${key?.id}/revoke`, engineer, {});
    expect(twice.statusCode).toBe(404);
  });

  it('an engineer cannot create a key that reads personal data; the owner can', async () => {
    const before = (await listApiKeys(t.store)).length;
    for (const scope of ['dsr', 'ledger:read', 'admin']) {
      const res = await post('/console/keys', engineer, { name: `try ${scope}`, [`scope-${scope}`]: 'yes' });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('key.scope-not-grantable');
    }
    expect((await listApiKeys(t.store)).length).toBe(before);
    const page = await t.app.inject({
      method: 'GET',
      url: '/console/keys',
      headers: { cookie: engineer.cookie },
    });
    expect(page.body).toMatch(/name="scope-dsr" value="yes" disabled/);
    const byOwner = await post('/console/keys', owner, { name: 'dsr worker', 'scope-dsr': 'yes' });
    expect(byOwner.statusCode).toBe(201);
    expect((await listApiKeys(t.store)).find((k) => k.name === 'dsr worker')?.scopes).toEqual(['dsr']);
  });

  it('refuses a key without a scope, naming the field', async () => {
    const res = await post('/console/keys', engineer, { name: 'no scope' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('key.invalid');
    expect(res.body).toContain('scopes');
  });

  it('lists connection variables by name and checks a connection without showing its value', async () => {
    const page = await t.app.inject({
      method: 'GET',
      url: '/console/keys',
      headers: { cookie: engineer.cookie },
    });
    expect(page.body).toContain('PLEDGE_ANTSENTRY_PG_URL');
    expect(page.body).not.toContain('127.0.0.1');
    const ok = await post('/console/keys/connectors/antsentry_pg/check', engineer, {});
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('reachable');
    const failed = await post('/console/keys/connectors/antsentry_redis/check', engineer, {});
    expect(failed.statusCode).toBe(200);
    expect(failed.body).toContain('could not connect');
    expect(failed.body).not.toContain(CANARY);
    expect(failed.body).not.toContain('127.0.0.1');
    const unknown = await post('/console/keys/connectors/nope/check', engineer, {});
    expect(unknown.statusCode).toBe(404);
  });

  it('is closed to roles without connectors:manage', async () => {
    for (const role of ['auditor', 'support-agent', 'privacy-officer'] as const) {
      const session = await signedInAs(t.store, role);
      const res = await t.app.inject({
        method: 'GET',
        url: '/console/keys',
        headers: { cookie: session.cookie },
      });
      expect(res.statusCode).toBe(403);
    }
  });
});
