import {
  appendEvents,
  eventsOfSubject,
  type LedgerEventInput,
  migrateToLatest,
  openStore,
  resolveSubjectKey,
  type Store,
  SubjectKeyError,
  subjectHash,
  verifyLedger,
} from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DsrQueue, type DsrWorker, openDsrQueue, runRequest } from '../src/index.js';
import { createWorld, email, type World } from './sqlite-world.js';

const SECRET = 'forget-subject-erasure-secret';

function consent(subject: string): LedgerEventInput {
  return {
    type: 'consent-given',
    subject,
    purposes: ['marketing-emails'],
    method: 'banner',
    source: 'web',
    policyVersion: '1',
    policyHash: 'sha256:policy',
    actor: 'subject',
  };
}

describe('erasure forgets the subject in the consent ledger', () => {
  let store: Store;
  let queue: DsrQueue;
  let worker: DsrWorker;
  let world: World;
  let key: string;

  beforeAll(async () => {
    world = createWorld();
    store = await openStore();
    await migrateToLatest(store.db);
    key = await resolveSubjectKey(store);
    queue = await openDsrQueue(store);
    worker = await queue.work({ connectors: world.factory, secret: SECRET, pollingIntervalSeconds: 0.5 });
  });
  afterAll(async () => {
    await worker?.stop();
    await queue?.close();
    await store?.close();
    world?.cleanup();
  });

  it('an erase by e-mail unlinks the events recorded under the user id; the chain verifies; signing up again is a new pseudonym', async () => {
    // The application records consent under the user id; the request names the e-mail.
    await appendEvents(store.db, key, [consent('1'), consent('2'), consent('1')]);
    const other = JSON.stringify(await eventsOfSubject(store.db, subjectHash(key, '2')));
    const old = (await eventsOfSubject(store.db, subjectHash(key, '1')))[0]?.pseudonym;
    expect(old).toBeDefined();

    const created = await queue.submit({
      manifest: world.manifest,
      kind: 'erase',
      identity: { email: [email(1)] },
    });
    if (!created.ok) throw new Error('not created');
    expect((await queue.wait(created.id)).status).toBe('completed');

    expect(await eventsOfSubject(store.db, subjectHash(key, '1'))).toEqual([]);
    expect(JSON.stringify(await eventsOfSubject(store.db, subjectHash(key, '2')))).toBe(other);
    expect(await verifyLedger(store.db)).toMatchObject({ ok: true, events: 3 });
    await appendEvents(store.db, key, [consent('1')]);
    const again = await eventsOfSubject(store.db, subjectHash(key, '1'));
    expect(again.map((e) => e.seq)).toEqual([4]);
    expect(again[0]?.pseudonym).not.toBe(old);
  });

  it('a worker with another subject key refuses to start, naming the setting', async () => {
    const error = await queue
      .work({ connectors: world.factory, subjectKey: 'not-the-store-key-0123456789' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SubjectKeyError);
    expect(error).toMatchObject({ code: 'subject-key.mismatch', setting: 'PLEDGE_SUBJECT_KEY' });
    expect((error as Error).message).toMatch(/PLEDGE_SUBJECT_KEY is not the key/);
    expect((error as Error).message).not.toContain('not-the-store-key-0123456789');
    // The request runner itself refuses a key it is handed, before taking any lease.
    const run = await runRequest(store, '00000000-0000-4000-8000-000000000000', {
      worker: 'subjectkeys-test',
      connectors: world.factory,
      staleAfterMs: 60_000,
      subjectKey: 'not-the-store-key-0123456789',
    }).catch((e: unknown) => e);
    expect(run).toMatchObject({ name: 'SubjectKeyError', code: 'subject-key.mismatch' });
  });
});
