import { ManualClock } from '@pledge/jobs';
import { openStore, type Store } from '@pledge/store';
import { createScratchDatabase, type ScratchDatabase } from '@pledge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateRequests, receiveRequest, transitionRequest } from '../src/index.js';
import { exampleManifest } from './helpers.js';

const officer = { kind: 'user', id: 'officer-1' } as const;

describe('request fees on PostgreSQL', () => {
  let store: Store;
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createScratchDatabase('pledge_fees');
    store = await openStore({ url: scratch.url });
    await migrateRequests(store.db);
  });
  afterAll(async () => {
    await store.close();
    await scratch.drop();
  });

  it('P1-45: requests are free until the repeat count passes the policy’s reasonable limit', async () => {
    const clock = new ManualClock('2026-06-01T02:00:00Z');
    // AntSentry Article X: copies free, a cost only for repeats beyond the limit; here three a year.
    const manifest = exampleManifest('antsentry');
    for (const right of manifest.rights) {
      if (right.right === 'access') right.fee = { ...right.fee, freeRequestsPerYear: 3 };
    }
    const email = 'fees-canary@example.test';
    const fees = [];
    for (let i = 0; i < 4; i++) {
      const received = await receiveRequest(
        store.db,
        {
          right: 'access',
          channel: 'email',
          jurisdiction: 'cn-pipl',
          contact: { kind: 'email', address: email },
          identity: { email: [email] },
        },
        { actor: { kind: 'requester', id: 'inbound' }, clock, manifest },
      );
      if (!received.ok) throw new Error(received.code);
      fees.push(received.request.fee);
      const id = received.request.id;
      await transitionRequest(
        store.db,
        id,
        { action: 'verify', method: 'documents' },
        { actor: officer, clock },
      );
      const done = await transitionRequest(store.db, id, { action: 'complete' }, { actor: officer, clock });
      expect(done.ok).toBe(true);
      clock.advance(30 * 86_400_000);
    }
    expect(fees).toEqual([
      { chargeable: false, basis: 'first-copy-free', repeatCount: 0 },
      { chargeable: false, basis: 'within-free-allowance', repeatCount: 1 },
      { chargeable: false, basis: 'within-free-allowance', repeatCount: 2 },
      { chargeable: true, basis: 'repeat-request', repeatCount: 3 },
    ]);
  });
});
