import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendEvents,
  type LedgerEventInput,
  openStore,
  resolveSubjectKey,
  type Store,
  subjectHash,
  verifyLedger,
} from '../src/index.js';
import { backendKinds, freshStore } from './backends.js';

const KEY = 'test-subject-key-0123456789';
const CANARY = 'canary.person+ledger@example.org';

function consent(subject: string, i = 0): LedgerEventInput {
  return {
    type: i % 3 === 2 ? 'consent-withdrawn' : 'consent-given',
    subject,
    purposes: ['marketing-email'],
    consentMode: 'opt-in',
    method: 'banner',
    source: 'web',
    jurisdiction: 'eu-gdpr',
    policyVersion: '2022-01-20',
    policyHash: 'sha256:policy',
    noticeHash: 'sha256:notice',
    actor: 'subject',
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
  };
}

describe.each(backendKinds)('consent ledger on %s', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let url: string | undefined;
  beforeEach(async () => {
    ({ store, cleanup, url } = await freshStore(kind));
  });
  afterEach(async () => cleanup());

  it('chains events and verifies them; subjects are stored only as pseudonyms', async () => {
    const result = await appendEvents(store.db, KEY, [
      consent(CANARY, 0),
      consent('other-subject', 1),
      consent(CANARY, 2),
    ]);
    expect(result.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    const verification = await verifyLedger(store.db);
    expect(verification).toEqual({ ok: true, events: 3, headSeq: 3, headHash: result.events[2]!.hash });
    const rows = await store.db.selectFrom('pledge_ledger_events').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(CANARY);
    // The events carry one random pseudonym; the map is the only link from the keyed hash.
    const map = await store.db.selectFrom('pledge_subject_map').selectAll().execute();
    const pseudonym = map.find((m) => m.subject_hash === subjectHash(KEY, CANARY))?.pseudonym;
    expect(pseudonym).toBeDefined();
    expect(pseudonym).not.toBe(subjectHash(KEY, CANARY));
    expect(rows.filter((r) => r.subject_hash === pseudonym).map((r) => r.seq)).toEqual([1, 3]);
    expect(rows.some((r) => r.subject_hash === subjectHash(KEY, CANARY))).toBe(false);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
  });

  it('stores lists with quotes, backslashes, commas and braces exactly', async () => {
    const awkward = ['plain', 'a"quote', 'back\\slash', 'comma,inside', '{braces}', 'NULL', ''];
    await appendEvents(store.db, KEY, [{ ...consent(CANARY), purposes: awkward, categories: ['x y'] }]);
    const [row] = await store.db.selectFrom('pledge_ledger_events').selectAll().execute();
    expect(row!.purposes).toEqual(awkward);
    expect(row!.categories).toEqual(['x y']);
    expect((await verifyLedger(store.db)).ok).toBe(true);
  });

  describe('tampering', () => {
    beforeEach(async () => {
      await appendEvents(
        store.db,
        KEY,
        Array.from({ length: 10 }, (_, i) => consent(`subject-${i % 4}`, i)),
      );
      expect((await verifyLedger(store.db)).ok).toBe(true);
    });

    it('an edited event is named', async () => {
      await sql`UPDATE pledge_ledger_events SET purposes = ARRAY['analytics'] WHERE seq = 4`.execute(
        store.db,
      );
      expect(await verifyLedger(store.db)).toMatchObject({ ok: false, fault: 'edited', seq: 4 });
    });

    it('an edited event whose hash was recomputed breaks the next link', async () => {
      await sql`UPDATE pledge_ledger_events SET type = 'consent-given' WHERE seq = 6`.execute(store.db);
      // The forger recomputes event 6's own hash; event 7 still points at the old one.
      const { chainHash } = await import('../src/ledger/hash.js');
      const { toLedgerEvent } = await import('../src/ledger/read.js');
      const row = await store.db
        .selectFrom('pledge_ledger_events')
        .selectAll()
        .where('seq', '=', 6)
        .executeTakeFirstOrThrow();
      const e = toLedgerEvent(row);
      const forged = chainHash(
        {
          ...e,
          subjectHash: e.pseudonym,
          consentMode: e.consentMode ?? null,
          jurisdiction: e.jurisdiction ?? null,
          noticeHash: e.noticeHash ?? null,
          signal: e.signal ?? null,
        },
        e.prevHash,
      );
      await sql`UPDATE pledge_ledger_events SET hash = ${forged} WHERE seq = 6`.execute(store.db);
      expect(await verifyLedger(store.db)).toMatchObject({
        ok: false,
        fault: 'inserted-or-reordered',
        seq: 7,
      });
    });

    it('a deleted event is found at the next one', async () => {
      await sql`DELETE FROM pledge_ledger_events WHERE seq = 5`.execute(store.db);
      expect(await verifyLedger(store.db)).toMatchObject({ ok: false, fault: 'deleted-before', seq: 6 });
    });

    it('events deleted at the end are found through the chain head', async () => {
      await sql`DELETE FROM pledge_ledger_events WHERE seq >= 9`.execute(store.db);
      expect(await verifyLedger(store.db)).toMatchObject({ ok: false, fault: 'truncated', seq: 9 });
    });

    it('an inserted event is named', async () => {
      // Make room after event 3 and slip a forged copy in.
      await sql`UPDATE pledge_ledger_events SET seq = seq + 100 WHERE seq > 3`.execute(store.db);
      await sql`UPDATE pledge_ledger_events SET seq = seq - 99 WHERE seq > 100`.execute(store.db);
      await sql`INSERT INTO pledge_ledger_events SELECT 4, gen_random_uuid(), subject_hash, type, purposes, categories, consent_mode, method, source, jurisdiction, policy_version, policy_hash, notice_hash, actor, signal, occurred_at, recorded_at, prev_hash, hash FROM pledge_ledger_events WHERE seq = 3`.execute(
        store.db,
      );
      const result = await verifyLedger(store.db);
      expect(result).toMatchObject({ ok: false, seq: 4 });
    });

    it('reordered events are named', async () => {
      await sql`UPDATE pledge_ledger_events SET seq = CASE seq WHEN 7 THEN 8 WHEN 8 THEN 7 END WHERE seq IN (7, 8)`
        .execute(store.db)
        .catch(async () => {
          await sql`UPDATE pledge_ledger_events SET seq = 1000 WHERE seq = 7`.execute(store.db);
          await sql`UPDATE pledge_ledger_events SET seq = 7 WHERE seq = 8`.execute(store.db);
          await sql`UPDATE pledge_ledger_events SET seq = 8 WHERE seq = 1000`.execute(store.db);
        });
      expect(await verifyLedger(store.db)).toMatchObject({ ok: false, seq: 7 });
    });

    it('an event appended outside the ledger is named', async () => {
      await sql`INSERT INTO pledge_ledger_events SELECT 11, gen_random_uuid(), subject_hash, type, purposes, categories, consent_mode, method, source, jurisdiction, policy_version, policy_hash, notice_hash, actor, signal, occurred_at, recorded_at, hash, hash FROM pledge_ledger_events WHERE seq = 10`.execute(
        store.db,
      );
      expect(await verifyLedger(store.db)).toMatchObject({ ok: false, seq: 11 });
    });
  });

  it('concurrent writers never fork or break the chain', async () => {
    const writers: Store[] = [store];
    if (kind === 'postgres' && url) {
      // Separate pools stand in for separate processes.
      writers.push(await openStore({ url, poolSize: 4 }), await openStore({ url, poolSize: 4 }));
    }
    const batches = Array.from({ length: 24 }, (_, b) =>
      Array.from({ length: 1 + (b % 5) * 10 }, (_, i) => consent(`subject-${b}-${i % 3}`, i)),
    );
    const results = await Promise.all(
      batches.map((batch, b) => appendEvents(writers[b % writers.length]!.db, KEY, batch)),
    );
    const total = batches.reduce((n, b) => n + b.length, 0);
    const seqs = results.flatMap((r) => r.events.map((e) => e.seq)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(await verifyLedger(store.db)).toMatchObject({ ok: true, events: total });
    for (const extra of writers.slice(1)) await extra.close();
  });

  it('refuses a short key; without one, PostgreSQL refuses and in-memory PGlite keeps one in memory', async () => {
    await expect(resolveSubjectKey(store, 'short')).rejects.toThrow(/at least 16/);
    if (kind === 'postgres') {
      await expect(resolveSubjectKey(store)).rejects.toThrow(/PLEDGE_SUBJECT_KEY or PLEDGE_SUBJECT_KEY_FILE/);
      return;
    }
    const first = await resolveSubjectKey(store);
    const second = await resolveSubjectKey(store);
    expect(first).toBe(second);
    expect(first.length).toBeGreaterThanOrEqual(32);
  });
});
