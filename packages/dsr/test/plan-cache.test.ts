import { openStore, type Store } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequest, dsrDb, migrateDsr, type Plan } from '../src/index.js';
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
});
