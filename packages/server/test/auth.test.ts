import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../src/start.js';
import { captureLogs, ledgerCount, post, type TestApp, testApp } from './helpers.js';

const TOKEN = 'test-token-0123456789abcdef';
const admin = { authorization: `Bearer ${TOKEN}` };

describe('API keys over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('pglite', { apiToken: TOKEN });
  });
  afterAll(() => t.close());

  async function createKey(body: object): Promise<{ secret: string; key: { id: string } }> {
    const res = await post(t.app, '/v1/keys', body, admin);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it.each([
    ['GET', '/v1/policies'],
    ['GET', '/v1/ledger/verify'],
    ['GET', '/v1/sdk/config'],
    ['POST', '/v1/decide'],
    ['POST', '/v1/consents'],
  ] as const)(
    '%s %s: none or a wrong key is a 401 that stores nothing, even from loopback',
    async (method, url) => {
      const before = await ledgerCount(t.store);
      const payload = { subject: 'u', events: [{ type: 'opt-out' }] };
      for (const headers of [
        {},
        { authorization: 'Bearer pledge_sk_wrong-0123456789' },
        { authorization: TOKEN },
      ]) {
        const res = await t.app.inject({ method, url, headers, ...(method === 'POST' ? { payload } : {}) });
        expect(res.statusCode).toBe(401);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="pledge"/);
        expect(res.json().error.code).toBe('unauthorized');
        expect(res.body).not.toContain(TOKEN);
      }
      expect(await ledgerCount(t.store)).toBe(before);
    },
  );

  it('the admin key creates, lists and revokes keys; the secret is shown once, never listed', async () => {
    const { secret, key } = await createKey({ name: 'backend', scopes: ['consent:write', 'decide'] });
    expect(secret).toMatch(/^pledge_sk_/);
    const ok = await post(
      t.app,
      '/v1/consents',
      { subject: 'u', events: [{ type: 'opt-out' }] },
      {
        authorization: `bearer ${secret}`,
      },
    );
    expect(ok.statusCode).toBe(201);
    const bad = await post(t.app, '/v1/decide', { purpose: 1 }, { authorization: `Bearer ${secret}` });
    expect(bad.statusCode).toBe(400);
    const listed = await t.app.inject({ url: '/v1/keys', headers: admin });
    expect(listed.json().keys).toContainEqual(expect.objectContaining({ id: key.id, name: 'backend' }));
    expect(listed.body).not.toContain(secret);
    const revoked = await t.app.inject({ method: 'DELETE', url: `/v1/keys/${key.id}`, headers: admin });
    expect(revoked.json()).toEqual({ revoked: true });
    const after = await post(
      t.app,
      '/v1/decide',
      { purpose: 'registration', categories: ['email'] },
      {
        authorization: `Bearer ${secret}`,
      },
    );
    expect(after.statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/v1/keys/${key.id}`, headers: admin })).statusCode,
    ).toBe(404);
  });

  it('only sdk:config receives the subject key, from anywhere', async () => {
    const { secret } = await createKey({ name: 'sdk', scopes: ['sdk:config'] });
    const res = await t.app.inject({
      url: '/v1/sdk/config',
      headers: { authorization: `Bearer ${secret}` },
      remoteAddress: '203.0.113.7',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().subjectKey).toEqual(expect.any(String));
    const other = await createKey({
      name: 'all but',
      scopes: ['consent:write', 'decide', 'ledger:read', 'policy:publish', 'dsr'],
    });
    for (const headers of [{ authorization: `Bearer ${other.secret}` }, admin]) {
      const refused = await t.app.inject({ url: '/v1/sdk/config', headers });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('insufficient-scope');
      expect(refused.body).not.toContain(res.json().subjectKey);
    }
  });

  it('publishing needs policy:publish', async () => {
    const { secret } = await createKey({ name: 'decider', scopes: ['decide'] });
    const res = await post(t.app, '/v1/policies', {}, { authorization: `Bearer ${secret}` });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('policy:publish');
  });

  it('a bad key request is a 400 naming the field', async () => {
    const res = await post(
      t.app,
      '/v1/keys',
      { name: 'x', kind: 'site', scopes: ['decide'], origins: ['https://a.example'] },
      admin,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ path: 'scopes', code: 'key.invalid' });
  });

  it('the policy pages, health and API docs stay public; the document declares bearer auth and scopes', async () => {
    for (const url of ['/', '/policy', '/v1/policy/rendered', '/healthz', '/docs', '/docs/json']) {
      expect((await t.app.inject({ url })).statusCode, url).toBe(200);
    }
    expect((await t.app.inject({ url: '/lint' })).statusCode).toBe(401);
    const doc = (await t.app.inject({ url: '/docs/json' })).json();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/v1/decide'].post.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/v1/decide'].post.description).toContain('scope decide');
    expect(doc.paths['/healthz'].get.security).toBeUndefined();
  });
});

describe('development mode', () => {
  it('is announced at start', async () => {
    const logs = captureLogs();
    const t = await testApp('pglite', { logger: { level: 'warn', stream: logs.stream } });
    await t.close();
    expect(logs.text()).toContain('development mode: no API key exists');
  });

  it.each([
    ['127.0.0.1', true],
    ['127.8.0.1', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.4', false],
    ['pledge.example', false],
  ])('listening on %s is loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
