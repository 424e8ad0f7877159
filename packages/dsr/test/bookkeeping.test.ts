import { hashText } from '@pledge/connectors';
import { openStore, resolveSubjectKey, type Store } from '@pledge/store';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequest, dsrDb, migrateDsr, type RequestReport, runRequest } from '../src/index.js';
import { COUNTS, createWorld, email, type World } from './sqlite-world.js';

const SECRET = 'bookkeeping-secret';
const BATCH = 2;

/**
 * Store queries per request: the job and step bookkeeping a worker does around the datastore
 * work, counted on the store's own Kysely instance (every statement, raw SQL included).
 */
describe('DSR step bookkeeping', () => {
  let store: Store;
  let timed: Store;
  let world: World;
  let queries = 0;
  let subjectKey = '';

  beforeAll(async () => {
    world = createWorld();
    store = await openStore();
    await migrateDsr(dsrDb(store));
    subjectKey = await resolveSubjectKey(store);
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    timed = { ...store, db: store.db.withPlugin(counter) };
  });
  afterAll(async () => {
    await store?.close();
    world?.cleanup();
  });

  async function run(kind: 'access' | 'erase', subject: number) {
    queries = 0;
    const created = await createRequest(dsrDb(timed), {
      manifest: world.manifest,
      kind,
      identity: { email: [email(subject)] },
      batchSize: BATCH,
    });
    if (!created.ok) throw new Error('not created');
    const outcome = await runRequest(timed, created.id, {
      worker: 'bookkeeping',
      connectors: world.factory,
      secret: SECRET,
      subjectKey,
      staleAfterMs: 60_000,
    });
    const used = queries;
    const row = await dsrDb(store)
      .selectFrom('pledge_dsr_requests')
      .select('report')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    return { id: created.id, plan: created.plan, outcome, used, report: row.report as RequestReport };
  }

  it('an access request costs three store queries: create, lease and load, end (with the located keys)', async () => {
    // The first request stores the manifest in the statement that creates it, and its run
    // reads it back once (the process then keeps it by hash) and checks the subject key
    // against the store's fingerprint once.
    const used: number[] = [];
    for (const subject of [3, 1, 2]) {
      const run1 = await run('access', subject);
      expect(run1.outcome.status).toBe('completed');
      expect(run1.report.package?.rows).toBeGreaterThan(0);
      used.push(run1.used);
    }
    expect(used).toEqual([5, 3, 3]);
    // The keys an access located are stored with its end, as an erasure stores them before writing.
    const last = await run('access', 2);
    const steps = await dsrDb(store)
      .selectFrom('pledge_dsr_steps')
      .select(['status', 'located_keys', 'ref_values'])
      .where('request_id', '=', last.id)
      .execute();
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      expect(step.status).toBe('done');
      expect(Array.isArray(step.located_keys)).toBe(true);
      expect(step.ref_values).not.toBeNull();
    }
    expect(steps.some((s) => (s.located_keys?.length ?? 0) > 0)).toBe(true);
  });

  it('an erasure costs four (its keys stored before any write) plus one per batch of a step of several batches and one per datastore left; the ledger forgets the subject in its end', async () => {
    const before = world.dump();
    const { plan, outcome, used, report } = await run('erase', 1);
    expect(outcome.status).toBe('completed');
    const batchesOf = (index: number) => report.steps.find((s) => s.index === index)?.batchesDone ?? 0;
    // Subject 1's orders and logins need more than one batch each at BATCH keys; its files
    // and its user row one each.
    const several = plan.writeOrder.filter((i) => batchesOf(i) > 1);
    expect(several.map((i) => plan.steps[i]?.collection).sort()).toEqual(['logins', 'orders']);
    const batches = several.reduce((n, i) => n + batchesOf(i), 0);
    expect(batches).toBe(
      Math.ceil((COUNTS.orders[0] ?? 0) / BATCH) + Math.ceil((COUNTS.logins[0] ?? 0) / BATCH),
    );
    // A step done in one batch stores its progress with the next store write: once the run
    // moves on to the next datastore (the files, written first, before the app's tables) or
    // with the end (the user row, written last).
    const datasets = plan.writeOrder.map((i) => plan.steps[i]?.dataset);
    expect(datasets[0]).toBe('docs');
    expect(datasets.slice(1).every((d) => d === 'app')).toBe(true);
    expect(used).toBe(4 + batches + 1);
    // Every other subject's rows are byte for byte as before.
    const after = world.dump();
    for (const table of ['users', 'orders', 'logins']) {
      type Row = { id: number; user_id?: number | null };
      const own = (r: Row) => (table === 'users' ? r.id === 1 : r.user_id === 1);
      const subjects = new Set((before[table] as Row[]).filter(own).map((r) => r.id));
      const others = (rows: unknown[] | undefined) => (rows as Row[]).filter((r) => !subjects.has(r.id));
      expect(subjects.size).toBeGreaterThan(0);
      expect(JSON.stringify(others(after[table]))).toBe(JSON.stringify(others(before[table])));
    }
  });
  it('a run that dies before its single-batch progress is stored repeats those writes harmlessly: same end state, hashes applied once', async () => {
    const before = world.dump();
    const created = await createRequest(dsrDb(store), {
      manifest: world.manifest,
      kind: 'erase',
      identity: { email: [email(3)] },
      batchSize: 100,
    });
    if (!created.ok) throw new Error('not created');
    // Every step fits one batch, so the app's steps are stored only with the request's end:
    // the store refuses that statement, as if the worker died just before it.
    const dying: KyselyPlugin = {
      transformQuery: (args) => {
        if (JSON.stringify(args.node).includes('update pledge_dsr_requests set status')) {
          throw new Error('worker killed');
        }
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const options = {
      worker: 'bookkeeping',
      connectors: world.factory,
      secret: SECRET,
      subjectKey,
      staleAfterMs: 60_000,
    };
    await expect(
      runRequest({ ...store, db: store.db.withPlugin(dying) }, created.id, options),
    ).rejects.toThrow('worker killed');
    const written = world.dump();
    expect(written.users?.some((r) => (r as { id: number }).id === 3)).toBe(false);
    const stored = await dsrDb(store)
      .selectFrom('pledge_dsr_steps')
      .select(['collection', 'status'])
      .where('request_id', '=', created.id)
      .execute();
    expect(stored.filter((s) => s.status !== 'done').length).toBeGreaterThan(0);

    const seen = world.statements.length;
    const outcome = await runRequest(store, created.id, options);
    expect(outcome.status).toBe('completed');
    // The app's writes were sent again (their progress was never stored).
    expect(world.statements.slice(seen).filter((e) => e.operation === 'erase').length).toBeGreaterThan(0);
    const after = world.dump();
    type Login = { id: number; user_id: number | null; agent: string; email_seen: string };
    const own = (before.logins as Login[]).filter((r) => r.user_id === 3);
    expect(own.length).toBeGreaterThan(0);
    // The repeated hash left the hashed value as it was: hashed exactly once.
    const hashed = (after.logins as Login[]).filter((r) => own.some((o) => o.id === r.id));
    expect(hashed.map((r) => r.agent)).toEqual(own.map((r) => hashText(r.agent, SECRET)));
    expect(hashed.every((r) => r.user_id === null)).toBe(true);
    expect(JSON.stringify(after)).toBe(JSON.stringify(written));
    for (const table of ['users', 'orders', 'logins']) {
      type Row = { id: number; user_id?: number | null };
      const mine = (r: Row) => (table === 'users' ? r.id === 3 : r.user_id === 3);
      const ids = new Set((before[table] as Row[]).filter(mine).map((r) => r.id));
      const others = (rows: unknown[] | undefined) => (rows as Row[]).filter((r) => !ids.has(r.id));
      expect(JSON.stringify(others(after[table]))).toBe(JSON.stringify(others(before[table])));
    }
  });
});
