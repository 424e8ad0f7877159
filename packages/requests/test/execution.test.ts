import { type AccessDocument, type DsrQueue, type DsrWorker, openDsrQueue, unzipPackage } from '@pledge/dsr';
import { openStore, type Store } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, email, type World } from '../../dsr/test/sqlite-world.js';
import {
  approveExecution,
  executeRequest,
  getRequest,
  migrateRequests,
  receiveRequest,
  requestEvents,
  requestPackage,
  syncExecution,
  transitionRequest,
} from '../src/index.js';

const officer = { kind: 'user', id: 'officer-1' } as const;

describe('carrying out requests through the DSR engine', () => {
  let store: Store;
  let queue: DsrQueue;
  let worker: DsrWorker;
  let world: World;

  beforeAll(async () => {
    world = createWorld();
    store = await openStore();
    await migrateRequests(store.db);
    queue = await openDsrQueue(store);
    worker = await queue.work({
      connectors: world.factory,
      secret: 'requests-secret',
      pollingIntervalSeconds: 0.5,
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await queue?.close();
    await store?.close();
    world?.cleanup();
  });

  async function received(
    right: 'access' | 'portability' | 'erasure' | 'objection',
    subject: number,
    jurisdiction: 'eu-gdpr' | 'us-ca-ccpa' = 'eu-gdpr',
  ) {
    const r = await receiveRequest(
      store.db,
      {
        right,
        channel: 'privacy-center',
        contact: { kind: 'email', address: email(subject) },
        identity: { email: [email(subject)] },
        jurisdiction,
      },
      { actor: { kind: 'requester', id: 'privacy-center' }, manifest: world.manifest },
    );
    if (!r.ok) throw new Error(r.code);
    return r.request.id;
  }

  it('P0-45 and P0-57: an unverified California deletion request is not carried out; once verified, it runs and completes', async () => {
    const id = await received('erasure', 2, 'us-ca-ccpa');
    const early = await executeRequest(store.db, queue, id, { actor: officer, manifest: world.manifest });
    expect(early).toMatchObject({ ok: false, code: 'request.not-verified' });
    expect(world.dump().users).toHaveLength(3);

    await transitionRequest(store.db, id, { action: 'verify', method: 'email-code' }, { actor: officer });
    const started = await executeRequest(store.db, queue, id, { actor: officer, manifest: world.manifest });
    if (!started.ok) throw new Error(started.code);
    expect(started.request).toMatchObject({ state: 'in-progress', dsrRequestId: started.dsrRequestId });
    await queue.wait(started.dsrRequestId, { timeoutMs: 60_000 });
    const synced = await syncExecution(store.db, queue, id, { actor: officer });
    expect(synced).toMatchObject({ ok: true, status: 'completed' });
    expect((await getRequest(store.db, id))?.state).toBe('completed');
    const user = (world.dump().users as Array<{ id: number; email: string | null }>).find((u) => u.id === 2);
    expect(user?.email).not.toBe(email(2));
    const actions = (await requestEvents(store.db, id)).map((e) => e.action);
    expect(actions).toEqual(['receive', 'verify', 'start', 'complete']);
  });

  it("P0-57: a verified California portability request ends in a portable package: one JSON document and a CSV file per collection, holding the person's rows only", async () => {
    const id = await received('portability', 1, 'us-ca-ccpa');
    await transitionRequest(store.db, id, { action: 'verify', method: 'email-code' }, { actor: officer });
    const started = await executeRequest(store.db, queue, id, { actor: officer, manifest: world.manifest });
    if (!started.ok) throw new Error(started.code);
    await queue.wait(started.dsrRequestId, { timeoutMs: 60_000 });
    expect(await syncExecution(store.db, queue, id, { actor: officer })).toMatchObject({
      status: 'completed',
    });
    const zip = await requestPackage(store.db, id);
    if (!zip) throw new Error('no package');
    const files = unzipPackage(zip);
    const doc = JSON.parse(files['access.json'] as string) as AccessDocument;
    const users = doc.collections.find((c) => c.collection === 'users');
    expect(users?.rows).toHaveLength(1);
    expect(JSON.stringify(doc.collections)).toContain(email(1));
    expect(JSON.stringify(files)).not.toContain(email(2));
    const csvs = Object.keys(files).filter((name) => name.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(0);
    const usersCsv = Object.entries(files).find(([name]) => name.endsWith('.csv') && name.includes('users'));
    const [header, ...lines] = (usersCsv?.[1] ?? '').trim().split(/\r?\n/);
    expect(header?.split(',')).toContain('email');
    expect(lines).toHaveLength(1);
  });

  it('several matched accounts stop the job for an officer, whose approval lets it run', async () => {
    world.exec('INSERT INTO users VALUES (?, ?, ?, ?)', 40, email(3), 'Second account', '+447000000040');
    const id = await received('access', 3);
    await transitionRequest(store.db, id, { action: 'verify', method: 'documents' }, { actor: officer });
    const started = await executeRequest(store.db, queue, id, { actor: officer, manifest: world.manifest });
    if (!started.ok) throw new Error(started.code);
    await queue.wait(started.dsrRequestId, { timeoutMs: 60_000 });
    const review = await syncExecution(store.db, queue, id, { actor: officer });
    expect(review).toMatchObject({ ok: true, status: 'needs-review', rootsMatched: 2 });
    const wrong = await approveExecution(store.db, queue, id, 3, { actor: officer });
    expect(wrong).toMatchObject({ ok: false, code: 'dsr.roots-mismatch', path: 'roots' });
    expect(await approveExecution(store.db, queue, id, 2, { actor: officer })).toEqual({ ok: true });
    await queue.wait(started.dsrRequestId, { timeoutMs: 60_000 });
    expect(await syncExecution(store.db, queue, id, { actor: officer })).toMatchObject({
      status: 'completed',
    });
    expect((await requestEvents(store.db, id)).map((e) => e.action)).toContain('approve');
  });

  it('a right the engine does not handle stays with the officer', async () => {
    const id = await received('objection', 1);
    await transitionRequest(store.db, id, { action: 'verify', method: 'officer' }, { actor: officer });
    const refused = await executeRequest(store.db, queue, id, { actor: officer, manifest: world.manifest });
    expect(refused).toMatchObject({ ok: false, code: 'request.manual-right', path: 'right' });
  });
});
