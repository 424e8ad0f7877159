import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AUDIT_CHAIN,
  type AuditEntryInput,
  appendAuditEntries,
  CHECKPOINTED_CHAINS,
  type ChainVerification,
  type CheckpointKey,
  createCheckpoint,
  type FolderSink,
  GENESIS_HASH,
  type Store,
  verifyAudit,
  verifyWithCheckpoints,
} from '../src/index.js';
import { backendKinds, freshStore } from './backends.js';
import { checkpointPlace, hashAt, moveHead, rewriteConsistently } from './tamper-helpers.js';

/** An audit entry of the tamper tests (numbered actors, no personal data). */
function entry(i: number): AuditEntryInput {
  return {
    action: i % 2 === 0 ? 'subject-lookup' : 'ledger-read',
    actor: { kind: i % 2 === 0 ? 'user' : 'key', id: `actor-${i % 3}` },
    subject: `pseudonym-number-${String(i).padStart(4, '0')}`,
    categories: ['contact'],
    reason: i % 2 === 0 ? `support ticket number ${i}` : null,
  };
}

const faultsOf = (v: ChainVerification) => (v.ok ? [] : v.faults.map((f) => `${f.fault}@${f.seq}`));

describe.each(backendKinds)('P1-54: audit log tampering on %s', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let key: CheckpointKey;
  let sink: FolderSink;
  let remove: () => void;
  const withCheckpoints = () =>
    verifyWithCheckpoints(store.db, AUDIT_CHAIN, { sink, keys: [key], batchSize: 4 });
  const append = async (from: number, to: number) => {
    const result = await appendAuditEntries(
      store.db,
      Array.from({ length: to - from }, (_, i) => entry(from + i)),
    );
    expect(result.ok).toBe(true);
  };

  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind));
    ({ key, sink, remove } = await checkpointPlace());
    await append(0, 6);
    expect(await createCheckpoint(store.db, AUDIT_CHAIN, { key, sink })).toMatchObject({
      ok: true,
      checkpoint: { chain: 'audit', seq: 6 },
    });
    await append(6, 9);
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true, records: 9 });
    expect(await withCheckpoints()).toMatchObject({ ok: true, checkpoints: 1, problems: [] });
  });
  afterEach(async () => {
    await cleanup();
    remove();
  });

  it('P1-54: the audit log is checkpointed with the ledger and policies', () => {
    expect(CHECKPOINTED_CHAINS.map((c) => c.name)).toContain('audit');
  });

  it('P1-54: an edited entry (a reason, an actor) is named', async () => {
    await sql`UPDATE pledge_audit_entries SET reason = 'nothing to see' WHERE seq = 3`.execute(store.db);
    await sql`UPDATE pledge_audit_entries SET actor_id = 'someone-else' WHERE seq = 8`.execute(store.db);
    expect(faultsOf(await verifyAudit(store.db))).toEqual(['edited@3', 'edited@8']);
  });

  it('P1-54: a deleted entry is found at the next one', async () => {
    await sql`DELETE FROM pledge_audit_entries WHERE seq = 4`.execute(store.db);
    expect(faultsOf(await verifyAudit(store.db))).toEqual(['deleted-before@5']);
  });

  it('P1-54: an inserted entry is found', async () => {
    await sql`UPDATE pledge_audit_entries SET seq = seq + 100 WHERE seq > 3`.execute(store.db);
    await sql`UPDATE pledge_audit_entries SET seq = seq - 99 WHERE seq > 100`.execute(store.db);
    await sql`INSERT INTO pledge_audit_entries SELECT 4, gen_random_uuid(), action, actor_kind, actor_id, subject,
      categories, purpose, reason, request_id, count, window_start, recorded_at, prev_hash, hash, format
      FROM pledge_audit_entries WHERE seq = 3`.execute(store.db);
    expect(faultsOf(await verifyAudit(store.db))).toContain('inserted-or-reordered@4');
  });

  it('P1-54: reordered entries are found', async () => {
    await sql`UPDATE pledge_audit_entries SET seq = 1000 WHERE seq = 7`.execute(store.db);
    await sql`UPDATE pledge_audit_entries SET seq = 7 WHERE seq = 8`.execute(store.db);
    await sql`UPDATE pledge_audit_entries SET seq = 8 WHERE seq = 1000`.execute(store.db);
    expect(faultsOf(await verifyAudit(store.db))).toEqual(
      expect.arrayContaining(['inserted-or-reordered@7']),
    );
  });

  it('P1-54: a consistent rewrite, a truncation and a wipe are found with checkpoints', async () => {
    await rewriteConsistently(store.db, AUDIT_CHAIN, 2, (values) => {
      values.reason = 'a better excuse';
    });
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true });
    expect(faultsOf((await withCheckpoints()).verification)).toEqual(['rewritten@6']);

    const hash4 = await hashAt(store.db, AUDIT_CHAIN, 4);
    await sql`DELETE FROM pledge_audit_entries WHERE seq > 4`.execute(store.db);
    await moveHead(store.db, AUDIT_CHAIN, 4, hash4);
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true, records: 4 });
    expect((await withCheckpoints()).ok).toBe(false);

    await sql`DELETE FROM pledge_audit_entries`.execute(store.db);
    await moveHead(store.db, AUDIT_CHAIN, 0, GENESIS_HASH);
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true, records: 0 });
    expect(faultsOf((await withCheckpoints()).verification)).toEqual(['wiped@1']);
    // A broken log is never signed again.
    expect(await createCheckpoint(store.db, AUDIT_CHAIN, { key, sink })).toMatchObject({ ok: false });
  });
});
