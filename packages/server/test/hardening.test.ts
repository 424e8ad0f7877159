import { connect, type Socket } from 'node:net';
import { createApiKey } from '@pledge/auth';
import { migrateToLatest } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KEEP_ALIVE_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS } from '../src/app.js';
import { ledgerCount, post, type TestApp, testApp } from './helpers.js';

async function keyFor(t: TestApp, input: Parameters<typeof createApiKey>[1]): Promise<string> {
  await migrateToLatest(t.store.db);
  const made = await createApiKey(t.store, input);
  if (!made.ok) throw new Error(made.issue.message);
  return made.created.secret;
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('half-sent requests', () => {
  it('the default request timeout is at most 30 s, and the server applies it', async () => {
    expect(DEFAULT_REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
    expect(DEFAULT_KEEP_ALIVE_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
    const t = await testApp('pglite');
    try {
      expect(t.app.server.requestTimeout).toBe(DEFAULT_REQUEST_TIMEOUT_MS);
      expect(t.app.server.headersTimeout).toBeLessThanOrEqual(DEFAULT_REQUEST_TIMEOUT_MS);
      expect(t.app.server.keepAliveTimeout).toBe(DEFAULT_KEEP_ALIVE_TIMEOUT_MS);
    } finally {
      await t.close();
    }
  });

  it('200 connections sending partial headers or bodies are all closed by the server within the timeout', async () => {
    const timeoutMs = 1000;
    const t = await testApp('pglite', { requestTimeoutMs: timeoutMs });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const sockets: Socket[] = [];
    try {
      const closed = await Promise.all(
        Array.from({ length: 200 }, (_, i) => {
          const socket = connect(address.port, '127.0.0.1');
          sockets.push(socket);
          socket.on('error', () => {});
          // Read what the server sends (its 408), so its end of the stream is seen.
          socket.resume();
          return new Promise<{ byServer: boolean }>((resolve) => {
            socket.on('connect', () => {
              socket.write(
                i % 2 === 0
                  ? 'POST /v1/decide HTTP/1.1\r\nHost: localhost\r\nContent-Type: appl'
                  : 'POST /v1/decide HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"purpose":',
              );
            });
            // The server ends the connection: 'end' (it closed its side) then 'close'.
            let ended = false;
            socket.on('end', () => {
              ended = true;
            });
            socket.on('close', () => resolve({ byServer: ended }));
          });
        }),
      ).then(
        (all) => all,
        () => [],
      );
      // Bounded wait: the timeout, plus the server's check interval, plus scheduling slack.
      const bound = new Promise<'open'>((resolve) =>
        setTimeout(() => resolve('open'), timeoutMs * 5).unref(),
      );
      const outcome = await Promise.race([Promise.resolve(closed), bound]);
      expect(outcome).not.toBe('open');
      const results = outcome as { byServer: boolean }[];
      expect(results).toHaveLength(200);
      expect(results.every((r) => r.byServer)).toBe(true);
    } finally {
      for (const s of sockets) s.destroy();
      await t.close();
    }
  });
});

describe('rate limits', () => {
  let t: TestApp;
  let a = '';
  let b = '';
  let site = '';
  beforeAll(async () => {
    t = await testApp('pglite', { rateLimits: { perKey: 5, perAddress: 12, perSiteAddress: 3 } });
    a = await keyFor(t, { name: 'a', scopes: ['decide'] });
    b = await keyFor(t, { name: 'b', scopes: ['decide'] });
    site = await keyFor(t, {
      name: 'site',
      kind: 'site',
      scopes: ['consent:write'],
      origins: ['https://shop.example'],
    });
  });
  afterAll(() => t.close());

  it('per key: the sixth request in a minute is a 429 with retry-after; another key is not affected', async () => {
    const decide = (secret: string, remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/decide',
        payload: { purpose: 'registration', categories: ['email'] },
        headers: bearer(secret),
        remoteAddress,
      });
    for (let i = 0; i < 5; i++) expect((await decide(a, `198.51.100.${i}`)).statusCode).toBe(200);
    const over = await decide(a, '198.51.100.9');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('rate-limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await decide(b, '198.51.100.9')).statusCode).toBe(200);
  });

  it('per address: failed credentials count, and another address is not affected', async () => {
    const call = (remoteAddress: string) =>
      t.app.inject({
        url: '/v1/policies',
        headers: bearer('pledge_sk_wrong-0000000000000000000000000'),
        remoteAddress,
      });
    for (let i = 0; i < 12; i++) expect((await call('203.0.113.50')).statusCode).toBe(401);
    const over = await call('203.0.113.50');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('rate-limited');
    expect((await call('203.0.113.51')).statusCode).toBe(401);
  });

  it('a site key: per address, so one browser cannot use up the key for the others', async () => {
    const record = (remoteAddress: string) =>
      post(
        t.app,
        '/v1/consents',
        { subject: `site-${remoteAddress}`, events: [{ type: 'opt-out' }] },
        { ...bearer(site), origin: 'https://shop.example' },
      ).then((r) => r);
    const before = await ledgerCount(t.store);
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/consents',
        payload: { subject: 'site-visitor', events: [{ type: 'opt-out' }] },
        headers: { ...bearer(site), origin: 'https://shop.example' },
        remoteAddress: '192.0.2.1',
      });
      expect(res.statusCode).toBe(201);
    }
    const over = await t.app.inject({
      method: 'POST',
      url: '/v1/consents',
      payload: { subject: 'site-visitor', events: [{ type: 'opt-out' }] },
      headers: { ...bearer(site), origin: 'https://shop.example' },
      remoteAddress: '192.0.2.1',
    });
    expect(over.statusCode).toBe(429);
    expect(await ledgerCount(t.store)).toBe(before + 3);
    expect((await record('192.0.2.2')).statusCode).toBe(201);
  });
});

describe('host allow-list', () => {
  it('with PLEDGE_ALLOWED_HOSTS, another Host is a 421 on every route, public ones included', async () => {
    const t = await testApp('pglite', { allowedHosts: ['pledge.example'] });
    try {
      const secret = await keyFor(t, { name: 'k', scopes: ['ledger:read'] });
      expect(
        (await t.app.inject({ url: '/healthz', headers: { host: 'pledge.example:4400' } })).statusCode,
      ).toBe(200);
      const verify = await t.app.inject({
        url: '/v1/ledger/verify',
        headers: { host: 'pledge.example', ...bearer(secret) },
      });
      expect(verify.statusCode).toBe(200);
      for (const url of ['/healthz', '/v1/ledger/verify']) {
        const res = await t.app.inject({ url, headers: { host: 'attacker.example', ...bearer(secret) } });
        expect(res.statusCode).toBe(421);
        expect(res.json().error.code).toBe('host-not-allowed');
      }
    } finally {
      await t.close();
    }
  });

  it('in development mode only loopback host names are answered (no DNS rebinding)', async () => {
    const t = await testApp('pglite');
    try {
      for (const host of ['localhost:4400', '127.0.0.1:4400', '[::1]:4400']) {
        expect((await t.app.inject({ url: '/v1/policies', headers: { host } })).statusCode, host).toBe(200);
      }
      const rebound = await t.app.inject({
        url: '/v1/policies',
        headers: { host: 'rebind.attacker.example' },
      });
      expect(rebound.statusCode).toBe(421);
    } finally {
      await t.close();
    }
  });
});

describe('development mode and proxies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('pglite');
  });
  afterAll(() => t.close());

  it.each([
    ['forwarded', 'for=203.0.113.7'],
    ['x-forwarded-for', '203.0.113.7'],
    ['x-forwarded-host', 'shop.example'],
    ['x-real-ip', '203.0.113.7'],
  ])('a request carrying %s is refused (403 proxy-in-dev-mode) and stores nothing', async (header, value) => {
    const before = await ledgerCount(t.store);
    for (const res of [
      await post(t.app, '/v1/consents', { subject: 'u', events: [{ type: 'opt-out' }] }, { [header]: value }),
      await t.app.inject({ url: '/v1/sdk/config', headers: { [header]: value } }),
      await t.app.inject({ url: '/', headers: { [header]: value } }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('proxy-in-dev-mode');
      expect(res.body).not.toContain('subjectKey');
    }
    expect(await ledgerCount(t.store)).toBe(before);
  });

  it('with a key, proxy headers are fine (the key decides)', async () => {
    const k = await testApp('pglite');
    try {
      const secret = await keyFor(k, { name: 'k', scopes: ['decide'] });
      const res = await post(
        k.app,
        '/v1/decide',
        { purpose: 'registration', categories: ['email'] },
        { 'x-forwarded-for': '203.0.113.7', ...bearer(secret) },
      );
      expect(res.statusCode).toBe(200);
      const none = await k.app.inject({ url: '/v1/policies', headers: { 'x-forwarded-for': '203.0.113.7' } });
      expect(none.statusCode).toBe(401);
    } finally {
      await k.close();
    }
  });
});

describe('the actor comes from the key', () => {
  let t: TestApp;
  let writer = '';
  let officer = '';
  beforeAll(async () => {
    t = await testApp('pglite');
    writer = await keyFor(t, { name: 'app', scopes: ['consent:write', 'ledger:read'] });
    officer = await keyFor(t, { name: 'dpo', scopes: ['consent:write', 'ledger:read'], actor: 'officer' });
  });
  afterAll(() => t.close());

  const events = async (secret: string, subject: string) =>
    (await post(t.app, '/v1/consents/query', { subject }, bearer(secret))).json().events as {
      type: string;
      actor: string;
    }[];

  it('"actor":"officer" in the body does not lift a restriction: refused, nothing recorded', async () => {
    const subject = 'actor-canary-7f3a';
    const restricted = await post(
      t.app,
      '/v1/consents',
      { subject, events: [{ type: 'restriction' }] },
      bearer(officer),
    );
    expect(restricted.statusCode).toBe(201);
    const before = await ledgerCount(t.store);
    const lifted = await post(
      t.app,
      '/v1/consents',
      { subject, events: [{ type: 'restriction-lifted', actor: 'officer' }] },
      bearer(writer),
    );
    expect(lifted.statusCode).toBe(403);
    expect(lifted.json().error).toMatchObject({
      code: 'actor-not-allowed',
      issues: [{ path: 'events.0.actor', code: 'actor-not-allowed' }],
    });
    expect(lifted.body).not.toContain(subject);
    expect(await ledgerCount(t.store)).toBe(before);
    expect((await events(writer, subject)).map((e) => [e.type, e.actor])).toEqual([
      ['restriction', 'officer'],
    ]);
  });

  it("P0-53: an application's key cannot lift an objection; an officer's key can", async () => {
    const subject = 'objection-canary-5d2b';
    const lift = (secret: string) =>
      post(t.app, '/v1/consents', { subject, events: [{ type: 'objection-lifted' }] }, bearer(secret));
    const refused = await lift(writer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({
      issues: [{ path: 'events.0.type', code: 'actor-not-allowed' }],
    });
    expect((await lift(officer)).statusCode).toBe(201);
  });

  it("events are stamped with the key's actor; naming the key's own actor is accepted", async () => {
    const subject = 'actor-stamp-2c1e';
    expect(
      (await post(t.app, '/v1/consents', { subject, events: [{ type: 'opt-out' }] }, bearer(writer)))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await post(
          t.app,
          '/v1/consents',
          { subject, events: [{ type: 'objection', actor: 'subject' }] },
          bearer(writer),
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (await post(t.app, '/v1/consents', { subject, events: [{ type: 'restriction' }] }, bearer(officer)))
        .statusCode,
    ).toBe(201);
    expect((await events(writer, subject)).map((e) => e.actor)).toEqual(['subject', 'subject', 'officer']);
  });
});
