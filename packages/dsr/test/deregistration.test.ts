import type { Manifest } from '@pledge/core';
import { generate, type KnownSubject, knownSubject } from '@pledge/refdata';
import {
  appendEvents,
  eventsOfSubject,
  type LedgerEventInput,
  migrateToLatest,
  openStore,
  pseudonymOf,
  relinkSubject,
  resolveSubjectKey,
  type Store,
  subjectHash,
  verifyDeregistrations,
  verifyLedger,
  wasDeregistered,
} from '@pledge/store';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DsrQueue, deregister, openDsrQueue } from '../src/index.js';
import { changedKeys, openSandbox, type Sandbox, serversUp } from './example-stores.js';
import { exampleManifest } from './fixtures.js';

const up = await serversUp();

function consent(subject: string, at: string): LedgerEventInput {
  return {
    type: 'consent-given',
    subject,
    purposes: ['marketing-emails'],
    method: 'banner',
    source: 'web',
    policyVersion: '1',
    policyHash: 'sha256:policy',
    actor: 'subject',
    occurredAt: at,
  };
}

describe.skipIf(!up)('deregistration on the AntSentry reference datastores (PostgreSQL, Redis)', () => {
  let sandbox: Sandbox;
  let store: Store;
  let queue: DsrQueue;
  let manifest: Manifest;
  let subject: KnownSubject;
  let other: KnownSubject;
  let key: string;
  let clock = new Date('2026-12-01T09:00:00Z');
  const now = () => clock;

  beforeAll(async () => {
    manifest = exampleManifest('antsentry');
    sandbox = await openSandbox('postgres');
    await generate({ example: 'antsentry', scale: 5, seed: 3, targets: sandbox.targets });
    subject = knownSubject('antsentry', 2, 3, 5);
    other = knownSubject('antsentry', 3, 3, 5);
    store = await openStore();
    await migrateToLatest(store.db);
    key = await resolveSubjectKey(store);
    queue = await openDsrQueue(store);
    await queue.work({ connectors: sandbox.factory, secret: 'dereg-secret', pollingIntervalSeconds: 0.5 });
  }, 120_000);
  afterAll(async () => {
    await queue?.close();
    await store?.close();
    await sandbox?.drop();
  });

  it('P0-50: deregistration deletes the account data but legal holds, ends consent, and signing up again is a new account with no link to the old one', async () => {
    const userId = String(subject.userId);
    const email = String(subject.email);
    await appendEvents(
      store.db,
      key,
      [consent(userId, '2026-11-01T00:00:00Z'), consent(String(other.userId), '2026-11-01T00:00:00Z')],
      { now },
    );
    const oldPseudonym = await pseudonymOf(store.db, subjectHash(key, userId));
    expect(oldPseudonym).toBeDefined();
    const before = await sandbox.snapshot(manifest);

    clock = new Date('2026-12-02T09:00:00Z');
    const done = await deregister(
      store,
      queue,
      { manifest, identity: { email: [email] }, actor: 'test' },
      { now },
    );
    expect(done).toMatchObject({ ok: true });
    if (!done.ok) return;
    // The e-mail and the user id the erasure located are both tombstoned.
    expect(done.tombstones).toBe(2);
    expect(done.state.report?.kept.map((k) => k.legalHold)).toContain('login-records');
    const after = await sandbox.snapshot(manifest);
    const changed = changedKeys(before, after);
    expect(changed.size).toBeGreaterThan(0);
    for (const k of [...before.keys()].filter((x) => x.startsWith('antsentry_pg|login_logs|')))
      expect(after.get(k)).toBe(before.get(k));
    for (const value of after.values()) expect(value).not.toContain(email);
    // Nothing of the person is left to find, and their consent is gone with the link.
    const again = await queue.submit({ manifest, kind: 'access', identity: { email: [email] } });
    if (!again.ok) throw new Error('access not created');
    expect((await queue.wait(again.id)).status).toBe('no-data-found');
    expect(await eventsOfSubject(store.db, subjectHash(key, userId))).toEqual([]);
    expect(await wasDeregistered(store.db, key, userId)).toBe(true);
    expect(await wasDeregistered(store.db, key, email)).toBe(true);
    expect(await wasDeregistered(store.db, key, String(other.userId))).toBe(false);

    // Signing up again with the same identifier: a new pseudonym, and nothing joins old and new.
    clock = new Date('2026-12-03T09:00:00Z');
    await appendEvents(store.db, key, [consent(userId, '2026-12-03T09:00:00Z')], { now });
    const fresh = await pseudonymOf(store.db, subjectHash(key, userId));
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(oldPseudonym);
    const events = await eventsOfSubject(store.db, subjectHash(key, userId));
    expect(events.map((e) => e.occurredAt.toISOString())).toEqual(['2026-12-03T09:00:00.000Z']);
    const links = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pledge_subject_map WHERE pseudonym = ${oldPseudonym as string}`.execute(
      store.db,
    );
    expect(links.rows[0]?.n).toBe(0);
    const tombs = await sql<Record<string, unknown>>`SELECT * FROM pledge_deregistrations`.execute(store.db);
    const values = tombs.rows.flatMap((row) => Object.values(row).map(String));
    for (const secret of [oldPseudonym as string, fresh as string, userId, email])
      expect(values).not.toContain(secret);
    expect(JSON.stringify(tombs.rows)).not.toContain(email);
    expect(await verifyLedger(store.db)).toMatchObject({ ok: true });
    expect(await verifyDeregistrations(store.db)).toMatchObject({ ok: true, records: 2 });
  }, 120_000);

  it('P0-49: once the deregistration completed, the account is closed for good: restoring the old link fails with a stable code', async () => {
    const userId = String(other.userId);
    const old = (await pseudonymOf(store.db, subjectHash(key, userId))) as string;
    expect(old).toBeDefined();
    clock = new Date('2026-12-04T09:00:00Z');
    const done = await deregister(
      store,
      queue,
      { manifest, identity: { 'user-id': [userId] }, actor: 'test' },
      { now },
    );
    expect(done.ok).toBe(true);
    const restored = await relinkSubject(store.db, key, userId, old);
    expect(restored).toMatchObject({ ok: false, issues: [{ code: 'deregistration.restore-refused' }] });
    expect(await eventsOfSubject(store.db, subjectHash(key, userId))).toEqual([]);
    // A second deregistration finds no account left to close.
    const twice = await deregister(store, queue, {
      manifest,
      identity: { email: [String(other.email)] },
      actor: 'test',
    });
    expect(twice).toMatchObject({ ok: false, code: 'deregistration.no-account' });
  }, 120_000);
});
