import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendEvents,
  eventsOfSubject,
  type LedgerEventInput,
  pseudonymOf,
  recordDeregistration,
  relinkSubject,
  restorePseudonyms,
  type Store,
  subjectHash,
  verifyDeregistrations,
  verifyLedger,
  wasDeregistered,
} from '../src/index.js';
import { backendKinds, freshStore } from './backends.js';

const KEY = 'deregistration-test-key-0123456789';
const CANARY = 'canary.deregister-me@example.org';

function consent(subject: string): LedgerEventInput {
  return {
    type: 'consent-given',
    subject,
    purposes: ['newsletter'],
    method: 'banner',
    source: 'web',
    policyVersion: '1',
    policyHash: 'sha256:policy',
    actor: 'subject',
  };
}

describe.each(backendKinds)('deregistration tombstones on %s', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let clock = new Date('2026-12-01T10:00:00Z');
  const now = () => clock;
  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind));
    clock = new Date('2026-12-01T10:00:00Z');
  });
  afterEach(() => cleanup());

  it('unlinks the identifier, writes a chained tombstone with no personal value, and answers only a boolean', async () => {
    await appendEvents(store.db, KEY, [consent(CANARY), consent('someone-else')]);
    const old = await pseudonymOf(store.db, subjectHash(KEY, CANARY));
    expect(old).toBeDefined();
    expect(await wasDeregistered(store.db, KEY, CANARY)).toBe(false);

    const done = await recordDeregistration(store.db, KEY, [CANARY, CANARY], { actor: 'cli' }, { now });
    expect(done.tombstones).toHaveLength(1);
    expect(done.unlinked).toBe(1);
    expect(await pseudonymOf(store.db, subjectHash(KEY, CANARY))).toBeUndefined();
    expect(await wasDeregistered(store.db, KEY, CANARY)).toBe(true);
    expect(await wasDeregistered(store.db, KEY, 'someone-else')).toBe(false);

    const rows = await sql<Record<string, unknown>>`SELECT * FROM pledge_deregistrations`.execute(store.db);
    const text = JSON.stringify(rows.rows);
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(old);
    expect(rows.rows[0]).toMatchObject({ subject_hash: subjectHash(KEY, CANARY), actor: 'cli' });
    expect(await verifyDeregistrations(store.db)).toMatchObject({ ok: true, records: 1 });
    expect(await verifyLedger(store.db)).toMatchObject({ ok: true, events: 2 });
  });

  it('a tombstone cannot be edited unseen: verification names it', async () => {
    await recordDeregistration(store.db, KEY, ['a-user', 'b-user'], { actor: 'cli' }, { now });
    await sql`UPDATE pledge_deregistrations SET actor = 'someone' WHERE seq = 1`.execute(store.db);
    const verified = await verifyDeregistrations(store.db);
    expect(verified.ok).toBe(false);
    if (!verified.ok) expect(verified.faults[0]).toMatchObject({ fault: 'edited', seq: 1 });
  });

  it('a restore of the old link is refused with a stable code; signing up again is a new pseudonym no event joins to the old ones', async () => {
    await appendEvents(store.db, KEY, [consent(CANARY)], { now });
    const hash = subjectHash(KEY, CANARY);
    const old = (await pseudonymOf(store.db, hash)) as string;
    clock = new Date('2026-12-02T10:00:00Z');
    await recordDeregistration(store.db, KEY, [CANARY], { actor: 'cli', requestId: 'req-1' }, { now });

    const refused = await relinkSubject(store.db, KEY, CANARY, old);
    expect(refused).toMatchObject({
      ok: false,
      issues: [{ code: 'deregistration.restore-refused', path: 'links[0]' }],
    });
    expect(JSON.stringify(refused)).not.toContain(CANARY);
    // An import of a map backup holding the old row is refused the same way, all or none.
    const imported = await restorePseudonyms(store.db, [
      { subjectHash: subjectHash(KEY, 'kept-user'), pseudonym: 'fresh-pseudonym-0001' },
      { subjectHash: hash, pseudonym: old },
    ]);
    expect(imported).toMatchObject({ ok: false, issues: [{ path: 'links[1]' }] });
    expect(await pseudonymOf(store.db, subjectHash(KEY, 'kept-user'))).toBeUndefined();
    // A link with no events (nothing proves it is a new sign-up) is refused too.
    expect((await relinkSubject(store.db, KEY, CANARY, 'made-up-pseudonym')).ok).toBe(false);

    clock = new Date('2026-12-03T10:00:00Z');
    await appendEvents(store.db, KEY, [consent(CANARY)], { now });
    const fresh = (await pseudonymOf(store.db, hash)) as string;
    expect(fresh).not.toBe(old);
    const events = await eventsOfSubject(store.db, hash);
    expect(events.map((e) => e.seq)).toEqual([2]);
    // No column of the new events, the map or the tombstone holds the old pseudonym.
    const byPseudonym = await sql<{ subject_hash: string; n: number }>`
      SELECT subject_hash, count(*)::int AS n FROM pledge_ledger_events GROUP BY subject_hash`.execute(
      store.db,
    );
    expect(byPseudonym.rows.map((r) => r.subject_hash).sort()).toEqual([fresh, old].sort());
    const map = await sql<{ pseudonym: string }>`SELECT pseudonym FROM pledge_subject_map`.execute(store.db);
    expect(map.rows.map((r) => r.pseudonym)).toEqual([fresh]);
    const tombs = await sql`SELECT * FROM pledge_deregistrations`.execute(store.db);
    expect(JSON.stringify(tombs.rows)).not.toContain(old);
    // Still deregistered once (the answer does not reveal the new sign-up).
    expect(await wasDeregistered(store.db, KEY, CANARY)).toBe(true);

    // A backup of the new link, taken after the sign-up, restores: it is not the old account.
    await store.db.deleteFrom('pledge_subject_map').execute();
    expect(await relinkSubject(store.db, KEY, CANARY, fresh)).toEqual({ ok: true, restored: 1 });
    expect(await relinkSubject(store.db, KEY, CANARY, fresh)).toMatchObject({
      ok: false,
      issues: [{ code: 'subject.already-linked' }],
    });
  });
});
