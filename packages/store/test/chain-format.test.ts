import { randomUUID } from 'node:crypto';
import { type Kysely, Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendEvents,
  chainHash,
  type Database,
  LEDGER_COLUMNS,
  type LedgerEventInput,
  migrateToLatest,
  migrations,
  type Store,
  subjectHash,
  verifyLedger,
} from '../src/index.js';
import { backendKinds, freshStore } from './backends.js';

const KEY = 'test-subject-key-0123456789';
const RECORDED = new Date('2026-02-03T04:05:06.789Z');

function consent(subject: string, i = 0): LedgerEventInput {
  return {
    type: 'consent-given',
    subject,
    purposes: ['marketing-email'],
    consentMode: 'opt-in',
    method: 'banner',
    source: 'web',
    jurisdiction: 'eu-gdpr',
    policyVersion: '2022-01-20',
    policyHash: 'sha256:policy',
    actor: 'subject',
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
  };
}

/** Writes events the way the ledger did before record formats (recorded_at by default, format 1 hash). */
async function appendFormat1(db: Kysely<Database>, count: number): Promise<void> {
  let prev = 'genesis';
  for (let seq = 1; seq <= count; seq++) {
    const input = consent(`subject-${seq}`, seq);
    const fields = {
      seq,
      id: randomUUID(),
      subjectHash: subjectHash(KEY, input.subject),
      type: input.type,
      purposes: input.purposes ?? [],
      categories: [],
      consentMode: input.consentMode ?? null,
      method: input.method,
      source: input.source,
      jurisdiction: input.jurisdiction ?? null,
      policyVersion: input.policyVersion,
      policyHash: input.policyHash,
      noticeHash: null,
      actor: input.actor,
      signal: null,
      occurredAt: input.occurredAt as Date,
    };
    const hash = chainHash(fields, prev);
    await sql`INSERT INTO pledge_ledger_events (seq, id, subject_hash, type, purposes, categories, consent_mode,
        method, source, jurisdiction, policy_version, policy_hash, notice_hash, actor, signal, occurred_at, prev_hash, hash)
      VALUES (${seq}, ${fields.id}, ${fields.subjectHash}, ${fields.type}, ${fields.purposes}, ${fields.categories},
        ${fields.consentMode}, ${fields.method}, ${fields.source}, ${fields.jurisdiction}, ${fields.policyVersion},
        ${fields.policyHash}, NULL, ${fields.actor}, NULL, ${fields.occurredAt.toISOString()}, ${prev}, ${hash})`.execute(
      db,
    );
    await sql`UPDATE pledge_ledger_head SET seq = ${seq}, hash = ${hash} WHERE id = 1`.execute(db);
    prev = hash;
  }
}

describe.each(backendKinds)('ledger record formats on %s', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind));
  });
  afterEach(async () => cleanup());

  it('hashes every stored column: the format 2 encoding names each one', async () => {
    const { rows } = await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns
      WHERE table_name = 'pledge_ledger_events'`.execute(store.db);
    const own = ['seq', 'format', 'recorded_at', 'prev_hash', 'hash'];
    expect(rows.map((r) => r.name).sort()).toEqual([...own, ...LEDGER_COLUMNS.map((c) => c.name)].sort());
  });

  it('writes format 2 with the recording time the application gives', async () => {
    await appendEvents(store.db, KEY, [consent('a', 0), consent('b', 1)], { now: () => RECORDED });
    const rows = await store.db.selectFrom('pledge_ledger_events').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => [r.format, new Date(r.recorded_at).toISOString()])).toEqual([
      [2, RECORDED.toISOString()],
      [2, RECORDED.toISOString()],
    ]);
    expect(await verifyLedger(store.db)).toMatchObject({ ok: true, events: 2 });
  });

  it('names a format 2 event whose recording time was edited, even by one microsecond', async () => {
    await appendEvents(store.db, KEY, [consent('a', 0), consent('b', 1), consent('c', 2)], {
      now: () => RECORDED,
    });
    await sql`UPDATE pledge_ledger_events SET recorded_at = recorded_at + interval '1 microsecond' WHERE seq = 2`.execute(
      store.db,
    );
    expect(await verifyLedger(store.db)).toMatchObject({ ok: false, fault: 'edited', seq: 2, events: 1 });
    await sql`UPDATE pledge_ledger_events SET recorded_at = '2020-01-01T00:00:00Z' WHERE seq = 3`.execute(
      store.db,
    );
    const result = await verifyLedger(store.db);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.faults.map((f) => [f.fault, f.seq])).toEqual([
      ['edited', 2],
      ['edited', 3],
    ]);
  });

  it('reports every fault, reading in batches', async () => {
    await appendEvents(
      store.db,
      KEY,
      Array.from({ length: 12 }, (_, i) => consent(`s-${i}`, i)),
    );
    await sql`UPDATE pledge_ledger_events SET method = 'form' WHERE seq IN (2, 7, 11)`.execute(store.db);
    await sql`DELETE FROM pledge_ledger_events WHERE seq = 9`.execute(store.db);
    const seen: number[] = [];
    const result = await verifyLedger(store.db, { batchSize: 3, onFault: (f) => seen.push(f.seq) });
    expect(result).toMatchObject({ ok: false, fault: 'edited', seq: 2, events: 1, faultCount: 4 });
    if (result.ok) return;
    expect(result.faults.map((f) => [f.fault, f.seq])).toEqual([
      ['edited', 2],
      ['edited', 7],
      ['deleted-before', 10],
      ['edited', 11],
    ]);
    expect(seen).toEqual([2, 7, 10, 11]);
    const capped = await verifyLedger(store.db, { maxFaults: 2 });
    expect(capped).toMatchObject({ ok: false, faultCount: 4 });
    expect(capped.ok === false && capped.faults).toHaveLength(2);
  });

  it('names a format 2 event relabelled format 1 or given an unknown format', async () => {
    await appendEvents(store.db, KEY, [consent('a', 0), consent('b', 1), consent('c', 2)]);
    await sql`UPDATE pledge_ledger_events SET format = 1 WHERE seq = 2`.execute(store.db);
    await sql`UPDATE pledge_ledger_events SET format = 9 WHERE seq = 3`.execute(store.db);
    const result = await verifyLedger(store.db);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.faults.map((f) => [f.fault, f.seq])).toEqual([
      ['format-downgraded', 2],
      ['edited', 2],
      ['unknown-format', 3],
    ]);
  });
});

describe.each(backendKinds)('a ledger written before record formats, on %s', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind, { migrate: false }));
    const migrator = new Migrator({
      db: store.db,
      provider: { getMigrations: async () => migrations },
      migrationTableName: 'pledge_migrations',
      migrationLockTableName: 'pledge_migrations_lock',
    });
    const { error } = await migrator.migrateTo('0001-ledger-and-policies');
    if (error) throw error;
    await appendFormat1(store.db, 3);
    await migrateToLatest(store.db);
  });
  afterEach(async () => cleanup());

  const formats = async () =>
    (
      await store.db.selectFrom('pledge_ledger_events').select(['seq', 'format']).orderBy('seq').execute()
    ).map((r) => r.format);

  it('verifies its rows as format 1, then format 2 rows chained after them', async () => {
    const before = await verifyLedger(store.db);
    expect(before).toMatchObject({ ok: true, events: 3 });
    const appended = await appendEvents(store.db, KEY, [consent('d', 4), consent('e', 5)], {
      now: () => RECORDED,
    });
    expect(appended.events.map((e) => e.seq)).toEqual([4, 5]);
    const rows = await store.db.selectFrom('pledge_ledger_events').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => r.format)).toEqual([1, 1, 1, 2, 2]);
    expect(rows[3]?.prev_hash).toBe(rows[2]?.hash);
    expect(await verifyLedger(store.db)).toEqual({
      ok: true,
      events: 5,
      headSeq: 5,
      headHash: appended.events[1]?.hash,
    });
  });

  it('finds edits on both sides of the format change', async () => {
    await appendEvents(store.db, KEY, [consent('d', 4), consent('e', 5)]);
    await sql`UPDATE pledge_ledger_events SET purposes = ARRAY['analytics'] WHERE seq IN (2, 5)`.execute(
      store.db,
    );
    const result = await verifyLedger(store.db);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.faults.map((f) => [f.fault, f.seq])).toEqual([
      ['edited', 2],
      ['edited', 5],
    ]);
  });

  it('format 1 does not cover the recording time; format 2 does', async () => {
    await appendEvents(store.db, KEY, [consent('d', 4)]);
    await sql`UPDATE pledge_ledger_events SET recorded_at = '2020-01-01T00:00:00Z' WHERE seq = 1`.execute(
      store.db,
    );
    expect((await verifyLedger(store.db)).ok).toBe(true);
    await sql`UPDATE pledge_ledger_events SET recorded_at = '2020-01-01T00:00:00Z' WHERE seq = 4`.execute(
      store.db,
    );
    expect(await verifyLedger(store.db)).toMatchObject({ ok: false, fault: 'edited', seq: 4 });
  });

  it('a format 1 event after format 2 ones is named', async () => {
    await appendEvents(store.db, KEY, [consent('d', 4), consent('e', 5)]);
    expect(await formats()).toEqual([1, 1, 1, 2, 2]);
    await sql`UPDATE pledge_ledger_events SET format = 1 WHERE seq = 5`.execute(store.db);
    expect(await verifyLedger(store.db)).toMatchObject({ ok: false, fault: 'format-downgraded', seq: 5 });
  });
});
