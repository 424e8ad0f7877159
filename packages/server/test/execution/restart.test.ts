import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openDsrQueue } from '@pledge/dsr';
import { openStore } from '@pledge/store';
import { createScratchDatabase, serviceAvailable } from '@pledge/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  email,
  openShop,
  type RequestJson,
  type Shop,
  SUBJECT_KEY,
  verifiedRequest,
  waitForRequest,
} from './shop.js';

const up = await serviceAvailable('PostgreSQL', '127.0.0.1', 5432);

describe.skipIf(!up)('a restart in the middle of carrying out requests', () => {
  let shop: Shop;
  let app: FastifyInstance | undefined;

  beforeAll(async () => {
    shop = await openShop();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await shop?.drop();
  });

  it('closing the server during runs and starting it again on the same data directory ends each request exactly right', async () => {
    const before = await shop.rows();
    let started = await shop.start();
    app = started.app;
    // Requests in flight when the server closes: the erasure's DSR job may be queued, running or done.
    const erasure = await verifiedRequest(started.url, 'erasure', 1);
    const access = await verifiedRequest(started.url, 'access', 2);
    await app.close();
    app = undefined;
    // Verified while no server ran: the next start carries it out.
    started = await shop.start({ PLEDGE_BACKGROUND: 'off' });
    app = started.app;
    const deregistration = await verifiedRequest(started.url, 'deregistration', 3);
    await app.close();

    started = await shop.start();
    app = started.app;
    const url = started.url;
    const ends: RequestJson[] = [];
    for (const id of [erasure, access, deregistration])
      ends.push(await waitForRequest(url, id, (r) => r.request.state === 'completed'));
    for (const end of ends) {
      const actions = end.events.map((e) => e.action);
      // Started once, completed once: never run twice.
      expect(actions.filter((a) => a === 'start')).toHaveLength(1);
      expect(actions.filter((a) => a === 'complete')).toHaveLength(1);
      expect(end.request.dsrRequestId).toBe(end.request.id);
    }
    expect(ends[0]?.events.filter((e) => e.action === 'notify-recipients')).toHaveLength(1);
    const after = await shop.rows();
    expect([...before.keys()].filter((k) => !after.has(k)).sort()).toEqual([
      'customers|u1',
      'customers|u3',
      'orders|o1',
      'orders|o2',
      'orders|o4',
    ]);
    for (const [key, row] of after) expect(row).toBe(before.get(key));
    const tomb = await api<{ deregistered: boolean }>(`${url}/v1/subjects/deregistered`, 'POST', {
      identifier: 'customer3@shop.test',
    });
    expect(tomb.json.deregistered).toBe(true);
    await app.close();
    app = undefined;
  });

  it('a crash after the DSR job was submitted but before the request recorded it: the next start takes that job over, never a second one', async () => {
    const before = await shop.rows();
    let started = await shop.start({ PLEDGE_BACKGROUND: 'off' });
    app = started.app;
    const id = await verifiedRequest(started.url, 'erasure', 2);
    await app.close();
    app = undefined;
    // What the process that died had done: the DSR job submitted under the request's id, and no more.
    const store = await openStore({ dataDir: shop.dataDir });
    const queue = await openDsrQueue(store);
    const submitted = await queue.submit({
      id,
      manifest: shop.manifest(),
      kind: 'erase',
      identity: { email: [email(2)] },
      source: 'request:privacy-center',
    });
    expect(submitted.ok).toBe(true);
    await queue.close();
    await store.close();

    started = await shop.start();
    app = started.app;
    const done = await waitForRequest(started.url, id, (r) => r.request.state === 'completed');
    expect(done.request.dsrRequestId).toBe(id);
    expect(done.events.filter((e) => e.action === 'start')).toHaveLength(1);
    const after = await shop.rows();
    expect([...before.keys()].filter((k) => !after.has(k)).sort()).toEqual(['customers|u2', 'orders|o3']);
  });

  it('SIGKILL of a server on PostgreSQL while it carries requests out: the next server ends each exactly once', async () => {
    const storeDb = await createScratchDatabase('pledge_exec_store');
    await shop.query(`insert into customers values ('u4', '${email(4)}', 'Di'), ('u5', '${email(5)}', 'Ed');
      insert into orders values ('o5', 'u4', 'vase'), ('o6', 'u4', 'mat'), ('o7', 'u5', 'cup');`);
    const before = await shop.rows();
    const env = {
      ...process.env,
      PORT: '0',
      PLEDGE_MANIFEST: shop.manifestPath,
      PLEDGE_DATABASE_URL: storeDb.url,
      PLEDGE_SUBJECT_KEY: SUBJECT_KEY,
      SHOP_DB_URL: shop.db.url,
      PLEDGE_REQUEST_POLL_MS: '60000',
      PLEDGE_CHECKPOINT_INTERVAL_MS: '0',
      PLEDGE_DSR_BATCH_PAUSE_MS: '50',
    };
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--conditions=@pledge/source', '--import', 'tsx', 'packages/server/test/execution/server-child.ts'],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const port = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`the child server did not start: ${out}`)), 90_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = /listening (\d+)/.exec(out)?.[1];
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        });
      });
      const url = `http://127.0.0.1:${port}`;
      const ids = [await verifiedRequest(url, 'deregistration', 4), await verifiedRequest(url, 'access', 5)];
      // Killed once the runner has started the first request (its DSR job queued, running or done).
      await waitForRequest(url, ids[0] as string, (r) => r.request.state !== 'verified');
      child.kill('SIGKILL');
      await exited;

      const started = await shop.start({ PLEDGE_DATABASE_URL: storeDb.url });
      app = started.app;
      for (const id of ids) {
        // A DSR job the killed worker held is taken over once its lease is stale (a minute).
        const end = await waitForRequest(started.url, id, (r) => r.request.state === 'completed', 120_000);
        const actions = end.events.map((e) => e.action);
        expect(actions.filter((a) => a === 'start')).toHaveLength(1);
        expect(actions.filter((a) => a === 'complete')).toHaveLength(1);
      }
      const after = await shop.rows();
      const gone = [...before.keys()].filter((k) => !after.has(k)).sort();
      expect(gone).toEqual(['customers|u4', 'orders|o5', 'orders|o6']);
      for (const [key, row] of after) expect(row).toBe(before.get(key));
      await app.close();
      app = undefined;
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await storeDb.drop();
    }
  }, 240_000);
});
