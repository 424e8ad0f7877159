import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendEvents,
  type ChainVerification,
  type CheckpointKey,
  createCheckpoint,
  type FolderSink,
  GENESIS_HASH,
  LEDGER_CHAIN,
  type Store,
  verifyChain,
  verifyWithCheckpoints,
} from '../src/index.js';
import { backendKinds, freshStore } from './backends.js';
import { checkpointPlace, hashAt, moveHead, rewriteConsistently, tamperEvent } from './tamper-helpers.js';

const KEY = 'tamper-subject-key-0123456789';

/** The faults of a verification, as `fault@seq`. */
const faultsOf = (v: ChainVerification) => (v.ok ? [] : v.faults.map((f) => `${f.fault}@${f.seq}`));

describe.each(backendKinds)('tamper suite on %s', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let key: CheckpointKey;
  let sink: FolderSink;
  let dir: string;
  let remove: () => void;
  const withCheckpoints = () =>
    verifyWithCheckpoints(store.db, LEDGER_CHAIN, { sink, keys: [key], batchSize: 4 });
  const withoutCheckpoints = () => verifyChain(store.db, LEDGER_CHAIN, { batchSize: 4 });

  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind));
    ({ key, sink, dir, remove } = await checkpointPlace());
    await appendEvents(
      store.db,
      KEY,
      Array.from({ length: 6 }, (_, i) => tamperEvent(i)),
    );
    const signed = await createCheckpoint(store.db, LEDGER_CHAIN, { key, sink });
    expect(signed).toMatchObject({ ok: true, checkpoint: { chain: 'ledger', seq: 6 } });
    // Events after the checkpoint: it signs the middle of the chain, not its end.
    await appendEvents(store.db, KEY, [6, 7, 8].map(tamperEvent));
    expect(await withCheckpoints()).toMatchObject({ ok: true, checkpoints: 1, problems: [] });
  });
  afterEach(async () => {
    await cleanup();
    remove();
  });

  it('edit: an edited event is named, with or without checkpoints', async () => {
    await sql`UPDATE pledge_ledger_events SET source = 'app' WHERE seq = 3`.execute(store.db);
    expect(faultsOf(await withoutCheckpoints())).toEqual(['edited@3']);
    expect(faultsOf((await withCheckpoints()).verification)).toEqual(['edited@3']);
  });

  it('delete: a deleted event is found at the next one', async () => {
    await sql`DELETE FROM pledge_ledger_events WHERE seq = 4`.execute(store.db);
    expect(faultsOf(await withoutCheckpoints())).toEqual(['deleted-before@5']);
    expect(faultsOf((await withCheckpoints()).verification)).toEqual(['deleted-before@5']);
  });

  it('insert: an event slipped in is named', async () => {
    await sql`UPDATE pledge_ledger_events SET seq = seq + 100 WHERE seq > 3`.execute(store.db);
    await sql`UPDATE pledge_ledger_events SET seq = seq - 99 WHERE seq > 100`.execute(store.db);
    await sql`INSERT INTO pledge_ledger_events SELECT 4, gen_random_uuid(), subject_hash, type, purposes, categories,
      consent_mode, method, source, jurisdiction, policy_version, policy_hash, notice_hash, actor, signal, occurred_at,
      recorded_at, prev_hash, hash, format FROM pledge_ledger_events WHERE seq = 3`.execute(store.db);
    const without = faultsOf(await withoutCheckpoints());
    expect(without[0]).toMatch(/@4$/);
    expect(without).toContain('inserted-or-reordered@4');
    expect((await withCheckpoints()).ok).toBe(false);
  });

  it('reorder: swapped events are named', async () => {
    await sql`UPDATE pledge_ledger_events SET seq = 1000 WHERE seq = 7`.execute(store.db);
    await sql`UPDATE pledge_ledger_events SET seq = 7 WHERE seq = 8`.execute(store.db);
    await sql`UPDATE pledge_ledger_events SET seq = 8 WHERE seq = 1000`.execute(store.db);
    expect(faultsOf(await withoutCheckpoints())).toEqual(expect.arrayContaining(['inserted-or-reordered@7']));
    expect((await withCheckpoints()).ok).toBe(false);
  });

  it('consistent rewrite: found only with checkpoints', async () => {
    await rewriteConsistently(store.db, LEDGER_CHAIN, 3, (values) => {
      values.type = 'consent-given';
      values.purposes = ['analytics'];
    });
    expect(await withoutCheckpoints()).toMatchObject({ ok: true, records: 9 });
    const checked = await withCheckpoints();
    expect(checked.ok).toBe(false);
    expect(faultsOf(checked.verification)).toEqual(['rewritten@6']);
    // Nor does a new checkpoint launder it.
    expect(await createCheckpoint(store.db, LEDGER_CHAIN, { key, sink })).toMatchObject({ ok: false });
  });

  it('truncation: found only with checkpoints', async () => {
    const hash4 = await hashAt(store.db, LEDGER_CHAIN, 4);
    await sql`DELETE FROM pledge_ledger_events WHERE seq > 4`.execute(store.db);
    await moveHead(store.db, LEDGER_CHAIN, 4, hash4);
    expect(await withoutCheckpoints()).toMatchObject({ ok: true, records: 4 });
    const checked = await withCheckpoints();
    expect(checked.ok).toBe(false);
    expect(faultsOf(checked.verification)).toEqual(['truncated@5']);
    expect(await createCheckpoint(store.db, LEDGER_CHAIN, { key, sink })).toMatchObject({
      ok: false,
      faults: [{ fault: 'truncated' }],
    });
  });

  it('wipe: found only with checkpoints', async () => {
    await sql`DELETE FROM pledge_ledger_events`.execute(store.db);
    await moveHead(store.db, LEDGER_CHAIN, 0, GENESIS_HASH);
    expect(await withoutCheckpoints()).toMatchObject({ ok: true, records: 0 });
    const checked = await withCheckpoints();
    expect(checked.ok).toBe(false);
    expect(faultsOf(checked.verification)).toEqual(['wiped@1']);
  });

  it('reports every fault, not just the first', async () => {
    await sql`UPDATE pledge_ledger_events SET source = 'app' WHERE seq IN (2, 8)`.execute(store.db);
    await sql`DELETE FROM pledge_ledger_events WHERE seq = 5`.execute(store.db);
    expect(faultsOf(await withoutCheckpoints())).toEqual(['edited@2', 'deleted-before@6', 'edited@8']);
  });

  it('a forged or unknown checkpoint is not trusted, and says so', async () => {
    const [name] = await sink.list('ledger');
    const text = await sink.read('ledger', name as string);
    const forged = JSON.parse(text);
    forged.seq = 2;
    writeFileSync(join(dir, 'sink', 'ledger', 'forged.json'), JSON.stringify(forged));
    writeFileSync(join(dir, 'sink', 'ledger', 'garbage.json'), 'not json');
    const other = await checkpointPlace();
    try {
      const checked = await verifyWithCheckpoints(store.db, LEDGER_CHAIN, { sink, keys: [other.key] });
      expect(checked.ok).toBe(false);
      expect(checked.verification.ok).toBe(true);
      expect(checked.problems.map((p) => p.code).sort()).toEqual([
        'unknown-key',
        'unknown-key',
        'unreadable',
      ]);
      expect((await withCheckpoints()).problems.map((p) => p.code).sort()).toEqual([
        'bad-signature',
        'unreadable',
      ]);
    } finally {
      other.remove();
    }
  });

  it('verifies while events are appended, without reporting them as faults', async () => {
    const writes = (async () => {
      for (let i = 0; i < 10; i++) await appendEvents(store.db, KEY, [tamperEvent(i), tamperEvent(i + 1)]);
    })();
    const verifications = await Promise.all([
      verifyChain(store.db, LEDGER_CHAIN, { batchSize: 1 }),
      verifyChain(store.db, LEDGER_CHAIN, { batchSize: 2 }),
      writes.then(() => verifyChain(store.db, LEDGER_CHAIN, { batchSize: 1 })),
    ]);
    expect(verifications.map((v) => v.ok)).toEqual([true, true, true]);
    expect(verifications[2]).toMatchObject({ records: 29 });
  });
});
