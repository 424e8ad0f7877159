import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConnectorError, hashText } from '@pledge/connectors';
import { compilePolicy, decide, type SubjectEvent, subjectStateFromEvents } from '@pledge/decide';
import {
  eventsOfSubject,
  migrateToLatest,
  openStore,
  resolveSubjectKey,
  type Store,
  subjectHash,
} from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccessDocument,
  type ConnectorFactory,
  type DsrQueue,
  type DsrWorker,
  openDsrQueue,
  unzipPackage,
} from '../src/index.js';
import { COUNTS, createWorld, email, type World } from './sqlite-world.js';

const SECRET = 'test-erasure-secret';

describe('requests as jobs on pg-boss over PGlite, against SQLite and files', () => {
  let store: Store;
  let queue: DsrQueue;
  let worker: DsrWorker;
  let world: World;

  beforeAll(async () => {
    world = createWorld();
    store = await openStore();
    await migrateToLatest(store.db);
    queue = await openDsrQueue(store);
    worker = await queue.work({ connectors: world.factory, secret: SECRET, pollingIntervalSeconds: 0.5 });
  });
  afterAll(async () => {
    await queue?.close();
    await store?.close();
    world?.cleanup();
  });

  it('answers an access request with a JSON document and one CSV per collection', async () => {
    const created = await queue.submit({
      manifest: world.manifest,
      kind: 'access',
      identity: { email: [email(1)] },
    });
    if (!created.ok) throw new Error('not created');
    const state = await queue.wait(created.id);
    expect(state.status).toBe('completed');
    const files = unzipPackage((await queue.package(created.id)) as Uint8Array);
    expect(Object.keys(files).sort()).toEqual([
      'access.json',
      'csv/app.logins.csv',
      'csv/app.orders.csv',
      'csv/app.users.csv',
      'csv/docs.docs__user_id_.csv',
    ]);
    const doc = JSON.parse(files['access.json'] as string) as AccessDocument;
    const rows = Object.fromEntries(doc.collections.map((c) => [c.collection, c.rows]));
    expect(rows.users).toEqual([{ id: 1, email: email(1), name: 'Name 1', phone: '+44700000001' }]);
    expect(rows.orders).toHaveLength(COUNTS.orders[0] as number);
    expect(rows.logins?.every((r) => r.user_id === 1)).toBe(true);
    expect(rows['docs/{user_id}']?.map((r) => r.name)).toEqual(['note-0.txt', 'note-1.txt']);
    const emailCategory = doc.categories.find((c) => c.id === 'email');
    expect(emailCategory?.purposes.map((p) => p.id)).toContain('registration');
    expect(emailCategory?.retention.map((r) => r.rule)).toContain('account-data');
    expect(emailCategory?.source).toBe('voluntary');
    expect(emailCategory?.foundIn).toEqual(['app.users', 'app.logins']);
    expect(files['csv/app.users.csv']).toBe(`id,email,name,phone\r\n1,${email(1)},Name 1,+44700000001\r\n`);
    // A completed request forgets the identity values it was given.
    const row = await queue.db
      .selectFrom('pledge_dsr_requests')
      .select(['identity'])
      .where('id', '=', created.id)
      .executeTakeFirst();
    expect(row?.identity).toBeNull();
  });

  it('rectifies the named fields of the subject only', async () => {
    const created = await queue.submit({
      manifest: world.manifest,
      kind: 'rectify',
      identity: { 'user-id': ['2'] },
      rectify: { 'users.name': 'Renamed Two', 'orders.address': 'New Address' },
    });
    if (!created.ok) throw new Error('not created');
    expect((await queue.wait(created.id)).status).toBe('completed');
    const after = world.dump();
    expect(after.users?.map((u) => (u as { name: string }).name)).toEqual([
      'Name 1',
      'Renamed Two',
      'Name 3',
    ]);
    const addresses = (after.orders as Array<{ user_id: number; address: string }>).map((o) => [
      o.user_id,
      o.address,
    ]);
    expect(addresses.filter(([u]) => u === 2).every(([, a]) => a === 'New Address')).toBe(true);
    expect(addresses.filter(([u]) => u !== 2).some(([, a]) => a === 'New Address')).toBe(false);
  });

  it('erases set-based, keeps held fields, and leaves other subjects untouched', async () => {
    const before = world.dump();
    world.statements.length = 0;
    const created = await queue.submit({
      manifest: world.manifest,
      kind: 'erase',
      identity: { email: [email(1)] },
      batchSize: 2,
    });
    if (!created.ok) throw new Error('not created');
    const state = await queue.wait(created.id);
    expect(state.status).toBe('completed');
    const after = world.dump();
    const others = (rows: unknown[] | undefined, key: string) =>
      (rows as Array<Record<string, unknown>>).filter((r) => r[key] !== 1);
    expect(after.users).toEqual(before.users?.filter((u) => (u as { id: number }).id !== 1));
    expect(after.orders).toEqual(others(before.orders, 'user_id'));
    // Logins of the subject: user_id nulled, ip kept (legal hold), agent hashed once, email masked.
    const mine = (before.logins as Array<Record<string, unknown>>).filter((r) => r.user_id === 1);
    const erased = (after.logins as Array<Record<string, unknown>>).filter((r) =>
      mine.some((m) => m.id === r.id),
    );
    expect(erased).toEqual(
      mine.map((m) => ({
        ...m,
        user_id: null,
        agent: hashText(m.agent as string, SECRET),
        email_seen: 's***@example.test',
      })),
    );
    expect((after.logins as unknown[]).filter((r) => !erased.includes(r as Record<string, unknown>))).toEqual(
      others(before.logins, 'user_id'),
    );
    expect(existsSync(join(world.docsDir, 'docs', '1'))).toBe(false);
    expect(existsSync(join(world.docsDir, 'docs', '2', 'note-0.txt'))).toBe(true);
    // One erase statement per table per batch of 2 keys.
    const erases = (collection: string) =>
      world.statements.filter((s) => s.operation === 'erase' && s.collection === collection).length;
    expect(erases('orders')).toBe(Math.ceil((COUNTS.orders[0] as number) / 2));
    expect(erases('logins')).toBe(Math.ceil((COUNTS.logins[0] as number) / 2));
    expect(erases('users')).toBe(1);
    const report = state.report;
    expect(report?.kept).toEqual([
      { dataset: 'app', collection: 'logins', field: 'ip', legalHold: 'login-records' },
    ]);
    expect(report?.steps.find((s) => s.collection === 'orders')).toMatchObject({
      affected: 5,
      statements: 3,
      batchesDone: 3,
    });
    expect(JSON.stringify(report)).not.toContain(email(1));
  });

  it('records a restriction in the ledger, which the decision engine then applies', async () => {
    const created = await queue.submit({
      manifest: world.manifest,
      kind: 'restrict',
      identity: { 'user-id': ['3'] },
      restriction: { purposes: ['marketing-emails'] },
    });
    if (!created.ok) throw new Error('not created');
    expect((await queue.wait(created.id)).status).toBe('completed');
    const key = await resolveSubjectKey(store);
    const events = await eventsOfSubject(store.db, subjectHash(key, '3'));
    expect(events.map((e) => [e.type, e.purposes, e.actor])).toEqual([
      ['restriction', ['marketing-emails'], 'officer'],
    ]);
    const policy = compilePolicy(world.manifest);
    const subjectEvents: SubjectEvent[] = events.map((e) => ({
      type: e.type as SubjectEvent['type'],
      at: e.occurredAt.toISOString(),
      ...(e.purposes.length > 0 ? { purposes: e.purposes } : {}),
      ...(e.categories.length > 0 ? { categories: e.categories } : {}),
    }));
    const consented = {
      type: 'consent-given' as const,
      at: '2020-01-01T00:00:00Z',
      purposes: ['marketing-emails'],
    };
    const restricted = subjectStateFromEvents(policy, [consented, ...subjectEvents]);
    const free = subjectStateFromEvents(policy, [consented]);
    const ask = { purpose: 'marketing-emails', categories: ['email'] };
    expect(decide(policy, ask, free).allowed).toBe(true);
    const decision = decide(policy, ask, restricted);
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toContain('deny.restricted');
  });

  it('reports a failing connector with its dataset and reason, and never completes', async () => {
    await worker.stop();
    const broken = await openDsrQueue(store);
    const failing = await broken.work({
      connectors: (dataset) => (dataset.id === 'docs' ? undefined : world.factory(dataset)),
      pollingIntervalSeconds: 0.5,
    });
    try {
      const created = await broken.submit({
        manifest: world.manifest,
        kind: 'access',
        identity: { email: [email(2)] },
      });
      if (!created.ok) throw new Error('not created');
      const state = await broken.wait(created.id);
      expect(state.status).toBe('failed');
      expect(state.report?.failures).toEqual([
        {
          dataset: 'docs',
          collection: 'docs/{user_id}',
          code: 'preflight.connection',
          message:
            'preflight refused docs.docs/{user_id} (files), check "connection": no connection for dataset docs (variable DOCS_DIR)',
        },
      ]);
      // The preflight refused: nothing was read or written, and no package exists.
      expect(await broken.package(created.id)).toBeUndefined();
    } finally {
      await failing.stop();
      await broken.close();
    }
  });

  it('retries a partial erasure and completes it once the failing store recovers', async () => {
    let broken = true;
    const flaky: ConnectorFactory = (dataset) => {
      const connector = world.factory(dataset);
      if (!connector || dataset.id !== 'app') return connector;
      const erase = connector.erase.bind(connector);
      connector.erase = async (collection, keys, plan, options) => {
        if (broken && collection.name === 'orders') {
          throw new ConnectorError(
            'store-failed',
            'sqlite erase on orders failed (SQLITE_BUSY)',
            undefined,
            'SQLITE_BUSY',
          );
        }
        return erase(collection, keys, plan, options);
      };
      return connector;
    };
    const retrying = await queue.work({ connectors: flaky, secret: SECRET, pollingIntervalSeconds: 0.5 });
    try {
      const created = await queue.submit({
        manifest: world.manifest,
        kind: 'erase',
        identity: { email: [email(2)] },
      });
      if (!created.ok) throw new Error('not created');
      const first = await queue.wait(created.id);
      expect(first.status).toBe('partial');
      const steps = Object.fromEntries(
        (first.report?.steps ?? []).map((s) => [s.collection, [s.status, s.errorCode]]),
      );
      expect(steps).toEqual({
        users: ['pending', 'blocked'],
        orders: ['failed', 'store-failed:SQLITE_BUSY'],
        logins: ['done', undefined],
        'docs/{user_id}': ['done', undefined],
      });
      expect(world.dump().users?.some((u) => (u as { id: number }).id === 2)).toBe(true);
      broken = false;
      // pg-boss retries the job (the run threw); done steps are skipped.
      let state = first;
      const deadline = Date.now() + 40_000;
      while (state.status !== 'completed' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        state = (await queue.state(created.id)) ?? state;
      }
      expect(state.status).toBe('completed');
      expect(state.attempts).toBe(2);
      expect(world.dump().users?.some((u) => (u as { id: number }).id === 2)).toBe(false);
      expect(state.report?.steps.find((s) => s.collection === 'logins')?.statements).toBe(1);
    } finally {
      await retrying.stop();
    }
  });
});
