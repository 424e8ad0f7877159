import type { Connector } from '@pledge/connectors';
import { openStore, type Store } from '@pledge/store';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectorFactory, type DsrQueue, openDsrQueue } from '../src/index.js';
import { createWorld, email, type World } from './sqlite-world.js';

const SECRET = 'test-erasure-secret';

describe('a worker over several requests', () => {
  let store: Store;
  let queue: DsrQueue;
  let world: World;
  const made: string[] = [];
  let closed = 0;

  beforeAll(async () => {
    world = createWorld();
    store = await openStore();
    queue = await openDsrQueue(store);
  });
  afterAll(async () => {
    await store?.close();
    world?.cleanup();
  });

  it('keeps its connectors open, stores each manifest once, and closes cleanly after wait', async () => {
    const counting: ConnectorFactory = (dataset) => {
      const connector = world.factory(dataset) as Connector;
      made.push(dataset.id);
      const close = connector.close.bind(connector);
      connector.close = async () => {
        closed++;
        await close();
      };
      return connector;
    };
    await queue.work({ connectors: counting, secret: SECRET, pollingIntervalSeconds: 0.5 });
    const changed = { ...world.manifest, policy: { ...world.manifest.policy, version: '9.9.9' } };
    const ids: string[] = [];
    for (const [manifest, kind, i] of [
      [world.manifest, 'access', 1],
      [world.manifest, 'access', 2],
      [changed, 'erase', 3],
    ] as const) {
      const created = await queue.submit({ manifest, kind, identity: { email: [email(i)] } });
      if (!created.ok) throw new Error('not created');
      ids.push(created.id);
      expect((await queue.wait(created.id)).status).toBe('completed');
    }

    // One connector per dataset for the worker's lifetime, not one per request.
    expect(made.sort()).toEqual(['app', 'docs']);
    expect(closed).toBe(0);

    // Two distinct manifests, each stored once; requests name theirs by hash.
    const manifests = await queue.db.selectFrom('pledge_dsr_manifests').select('hash').execute();
    expect(manifests).toHaveLength(2);
    const requests = await queue.db
      .selectFrom('pledge_dsr_requests')
      .select(['manifest', 'manifest_hash'])
      .where('id', 'in', ids)
      .execute();
    expect(requests.every((r) => r.manifest === null)).toBe(true);
    expect(new Set(requests.map((r) => r.manifest_hash)).size).toBe(2);

    // pg-boss recorded every job's end (the race `wait` now guards against is not forced here).
    const jobs = await sql<{ state: string }>`select state from pgboss.job where name = 'pledge-dsr'`.execute(
      store.db,
    );
    expect(jobs.rows.map((j) => j.state)).toEqual(['completed', 'completed', 'completed']);

    await queue.close();
    expect(closed).toBe(2);
  });
});
