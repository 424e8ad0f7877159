import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Pledge } from '../src/index.js';
import { connect } from './docs/connect.js';
import { buildExpressApp } from './docs/express-app.js';
import { buildFastifyApp } from './docs/fastify-app.js';
import { adsAllowed } from './docs/hot-path.js';
import { mayEmail, mayEmailNow, subscribe } from './docs/newsletter.js';
import { eventually, startServer, type TestServer } from './support/server.js';

const ROOT = new URL('../../../', import.meta.url);

describe('docs/sdk.md', () => {
  it('shows every example file verbatim, and every TypeScript block is such a file', async () => {
    const doc = await readFile(new URL('docs/sdk.md', ROOT), 'utf8');
    const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)];
    const examples = [...doc.matchAll(/<!-- example: (\S+) -->\n\n```ts\n([\s\S]*?)```/g)];
    expect(examples.length).toBeGreaterThanOrEqual(6);
    expect(examples).toHaveLength(blocks.length);
    for (const [, path, code] of examples) {
      const file = await readFile(new URL(path!, ROOT), 'utf8');
      expect(code, path).toBe(file);
    }
  });
});

describe('the examples of docs/sdk.md run', () => {
  let server: TestServer;
  let pledge: Pledge;
  const saved = { ...process.env };

  beforeAll(async () => {
    server = await startServer('pglite');
    process.env.PLEDGE_URL = server.baseUrl;
    process.env.PLEDGE_API_KEY = server.token;
    delete process.env.PLEDGE_DATABASE_URL;
    pledge = await connect();
  });
  afterAll(async () => {
    process.env = saved;
    await pledge.close();
    await server.close();
  });

  it('connect, decide, record', async () => {
    expect(pledge.feedMode).toBe('poll');
    expect(mayEmailNow(pledge, 'doc-user-1')).toBeUndefined();
    expect(await mayEmail(pledge, 'doc-user-1')).toBe(false);
    expect(mayEmailNow(pledge, 'doc-user-1')).toBe(false);
    await subscribe(pledge, 'doc-user-1');
    expect(mayEmailNow(pledge, 'doc-user-1')).toBe(true);
  });

  it('the hot path agrees with decide()', async () => {
    const users = ['doc-hot-1', 'doc-hot-2'];
    await pledge.record('doc-hot-2', [{ type: 'opt-out' }]);
    for (const user of users) await pledge.load(user);
    const expected = users.map(
      (u) =>
        pledge.decide(
          u,
          { purpose: 'ads', categories: ['browsing', 'device-id'] },
          { jurisdiction: 'us-ca-ccpa' },
        ).allowed,
    );
    expect(adsAllowed(pledge, users)).toEqual(expected);
    expect(expected).toEqual([true, false]);
  });

  it('the Fastify and Express apps honour Sec-GPC in California and record it once', async () => {
    const fastify = await buildFastifyApp(pledge);
    const headers = { 'x-user-id': 'doc-gpc-user', 'x-region': 'CA', 'sec-gpc': '1' };
    for (let i = 0; i < 5; i++) {
      const response = await fastify.inject({ url: '/ads', headers });
      expect(response.json()).toMatchObject({
        targeted: false,
        reasons: expect.arrayContaining(['deny.gpc']),
      });
    }
    await fastify.close();

    const listener = buildExpressApp(pledge).listen(0, '127.0.0.1');
    await new Promise((resolve) => listener.once('listening', resolve));
    const { port } = listener.address() as AddressInfo;
    const plain = await fetch(`http://127.0.0.1:${port}/ads`, {
      headers: { 'x-user-id': 'doc-plain', 'x-region': 'CA' },
    });
    expect(await plain.json()).toEqual({ targeted: true, reasons: ['ok.business-purpose'] });
    // The GPC user is still opted out without the header: the signal is in the ledger.
    const later = await fetch(`http://127.0.0.1:${port}/ads`, {
      headers: { 'x-user-id': 'doc-gpc-user', 'x-region': 'CA' },
    });
    expect(await later.json()).toMatchObject({ targeted: false });
    await new Promise<void>((resolve) => listener.close(() => resolve()));

    const client = createClient({ baseUrl: server.baseUrl, token: server.token });
    const { events } = await client.queryConsents('doc-gpc-user');
    expect(events.filter((e) => e.type === 'signal-seen')).toHaveLength(1);
  });

  it('the client example withdraws, and returns the issues of a rejected request', async () => {
    const { withdraw } = await import('./docs/client.js');
    await pledge.load('doc-user-2');
    await subscribe(pledge, 'doc-user-2');
    expect(await withdraw('doc-user-2', ['newsletter'])).toEqual([]);
    await eventually('the withdrawal reaches the cache', () => mayEmailNow(pledge, 'doc-user-2') === false);
    expect(await withdraw('doc-user-2', [''])).toEqual(['events[0].purposes[0]: schema.too_small']);
  });
});
