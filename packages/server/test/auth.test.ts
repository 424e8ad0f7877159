import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs, ledgerCount, post, type TestApp, testApp } from './helpers.js';

const TOKEN = 'test-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };

describe('an API token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('pglite', { apiToken: TOKEN });
  });
  afterAll(() => t.close());

  it.each([
    ['GET', '/v1/policies'],
    ['GET', '/v1/ledger/verify'],
    ['GET', '/v1/sdk/config'],
    ['POST', '/v1/decide'],
    ['POST', '/v1/consents'],
  ] as const)('%s %s needs it: none or a wrong one is a 401 that stores nothing', async (method, url) => {
    const before = await ledgerCount(t.store);
    const payload = { subject: 'u', events: [{ type: 'opt-out' }] };
    for (const headers of [
      {},
      { authorization: 'Bearer wrong-token-0123456789' },
      { authorization: TOKEN },
    ]) {
      const res = await t.app.inject({ method, url, headers, ...(method === 'POST' ? { payload } : {}) });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="pledge"');
      expect(res.json().error.code).toBe('unauthorized');
      expect(res.body).not.toContain(TOKEN);
    }
    expect(await ledgerCount(t.store)).toBe(before);
  });

  it('with it, the routes answer; an invalid body is still checked after the token', async () => {
    const ok = await post(t.app, '/v1/consents', { subject: 'u', events: [{ type: 'opt-out' }] }, auth);
    expect(ok.statusCode).toBe(201);
    const lower = await t.app.inject({ url: '/v1/policies', headers: { authorization: `bearer ${TOKEN}` } });
    expect(lower.statusCode).toBe(200);
    const bad = await post(t.app, '/v1/decide', { purpose: 1 }, auth);
    expect(bad.statusCode).toBe(400);
  });

  it('token holders get the SDK configuration from anywhere', async () => {
    const res = await t.app.inject({ url: '/v1/sdk/config', headers: auth, remoteAddress: '203.0.113.7' });
    expect(res.statusCode).toBe(200);
    expect(res.json().subjectKey).toEqual(expect.any(String));
  });

  it('the pages, health and API docs stay public; the document declares bearer auth on /v1', async () => {
    for (const url of ['/', '/policy', '/lint', '/lint.json', '/healthz', '/docs', '/docs/json']) {
      expect((await t.app.inject({ url })).statusCode, url).toBe(200);
    }
    const doc = (await t.app.inject({ url: '/docs/json' })).json();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/v1/decide'].post.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/healthz'].get.security).toBeUndefined();
  });
});

describe('no API token', () => {
  it('logs a warning at start', async () => {
    const logs = captureLogs();
    const t = await testApp('pglite', { logger: { level: 'warn', stream: logs.stream } });
    await t.close();
    expect(logs.text()).toContain('no API token configured (PLEDGE_API_TOKEN)');
  });
});
