import { openStore, type Store } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequest, dsrDb, migrateDsr, type Plan } from '../src/index.js';
import { leaseAndLoad } from '../src/jobs/requests.js';
import { createWorld, email, type World } from './sqlite-world.js';

/** Plans are kept by the manifest's content: a changed manifest is planned again, never served an old plan. */
describe('plans kept per manifest content', () => {
  let store: Store;
  let world: World;

  beforeAll(async () => {
    world = createWorld();
    store = await openStore();
    await migrateDsr(dsrDb(store));
  });
  afterAll(async () => {
    await store?.close();
    world?.cleanup();
  });

  async function storedPlan(manifest: World['manifest']): Promise<Plan> {
    const created = await createRequest(dsrDb(store), {
      manifest,
      kind: 'erase',
      identity: { email: [email(1)] },
    });
    if (!created.ok) throw new Error('not created');
    const row = await dsrDb(store)
      .selectFrom('pledge_dsr_requests')
      .select('plan')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    return row.plan as Plan;
  }

  it('a copy of the manifest gets the same plan; a changed one its own', async () => {
    const first = await storedPlan(world.manifest);
    expect(await storedPlan(structuredClone(world.manifest))).toEqual(first);
    // The same manifest with one collection fewer: its plan must not list it.
    const changed = structuredClone(world.manifest);
    const dataset = changed.datasets.find((d) => d.collections.length > 1);
    const dropped = dataset?.collections.pop();
    expect(dropped).toBeDefined();
    const replanned = await storedPlan(changed);
    expect(replanned.steps.map((s) => s.collection)).not.toContain(dropped?.name);
    expect(first.steps.map((s) => s.collection)).toContain(dropped?.name);
  });

  it('a worker takes a request with its stored plan, whether it planned it or not (no hash, unknown hash)', async () => {
    const db = dsrDb(store);
    const created = await createRequest(db, {
      manifest: world.manifest,
      kind: 'access',
      identity: { email: [email(2)] },
    });
    if (!created.ok) throw new Error('not created');
    const stored = await db
      .selectFrom('pledge_dsr_requests')
      .select(['plan', 'plan_hash'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored.plan_hash).toMatch(/^[0-9a-f]{64}$/);
    // Planned here: the plan held is the stored one.
    const held = await leaseAndLoad(db, created.id, 'w1', 60_000);
    expect(held?.request.plan).toEqual(stored.plan);
    // Planned by another process (a hash this one does not hold), or before hashes were kept.
    for (const hash of ['0'.repeat(64), null]) {
      await db
        .updateTable('pledge_dsr_requests')
        .set({ plan_hash: hash, lease_owner: null })
        .where('id', '=', created.id)
        .execute();
      const read = await leaseAndLoad(db, created.id, 'w2', 60_000);
      expect(read?.request.plan).toEqual(stored.plan);
      expect(read?.request.plan).not.toBe(created.plan);
    }
  });
});
