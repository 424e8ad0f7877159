import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import {
  type ChainRecord,
  type ChainSpec,
  type CheckpointKey,
  chainRecordsSince,
  digest,
  ensureCheckpointKey,
  FolderSink,
  GENESIS_HASH,
  type LedgerEventInput,
} from '../src/index.js';

/** A consent event of the tamper tests (no personal data: subjects are numbered). */
export function tamperEvent(i: number): LedgerEventInput {
  return {
    type: i % 3 === 2 ? 'consent-withdrawn' : 'consent-given',
    subject: `subject-${i % 4}`,
    purposes: ['marketing-emails'],
    consentMode: 'opt-in',
    method: 'banner',
    source: 'web',
    policyVersion: '2026-01-01',
    policyHash: 'sha256:policy',
    actor: 'subject',
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
  };
}

/** A key file and a checkpoint folder outside the database, in a temporary folder. */
export async function checkpointPlace(): Promise<{
  key: CheckpointKey;
  sink: FolderSink;
  dir: string;
  remove(): void;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-checkpoints-'));
  const { key } = await ensureCheckpointKey(join(dir, 'keys', 'checkpoint.pem'));
  return {
    key,
    sink: new FolderSink(join(dir, 'sink')),
    dir,
    remove: () => rmSync(dir, { recursive: true }),
  };
}

/**
 * What an attacker with write access to the database does to hide an edit: changes one
 * record, then recomputes every hash and link after it and moves the head, with the chain's
 * own public encoding. The links alone then verify.
 */
export async function rewriteConsistently<T>(
  db: Kysely<T>,
  spec: ChainSpec,
  seq: number,
  edit: (values: Record<string, unknown>) => void,
): Promise<void> {
  const records: ChainRecord[] = await chainRecordsSince(db, spec, 0, 1_000_000);
  let prev = GENESIS_HASH;
  for (const record of records) {
    const values = { ...record.values } as Record<string, unknown>;
    if (record.seq === seq) edit(values);
    const encode = spec.codec.formats[record.format];
    if (!encode) throw new Error('unknown format');
    const forged = { ...record, values: values as ChainRecord['values'], prevHash: prev };
    const hash = digest(encode(forged, spec.name));
    if (record.seq >= seq) {
      const changed = Object.entries(values).filter(([k]) => record.seq === seq && k !== spec.idColumn);
      const sets = [
        ...changed.map(([k, v]) => sql`${sql.ref(k)} = ${v}`),
        sql`prev_hash = ${prev}`,
        sql`hash = ${hash}`,
      ];
      await sql`UPDATE ${sql.table(spec.table)} SET ${sql.join(sets)} WHERE seq = ${record.seq}`.execute(db);
    }
    prev = hash;
  }
  await moveHead(db, spec, records.at(-1)?.seq ?? 0, prev);
}

/** Sets a chain's head, as an attacker covering a truncation or wipe does. */
export async function moveHead<T>(db: Kysely<T>, spec: ChainSpec, seq: number, hash: string): Promise<void> {
  await sql`UPDATE ${sql.table(spec.head.table)} SET seq = ${seq}, hash = ${hash} WHERE id = ${spec.head.id}`.execute(
    db,
  );
}

/** The stored hash of record `seq`. */
export async function hashAt<T>(db: Kysely<T>, spec: ChainSpec, seq: number): Promise<string> {
  const [record] = await chainRecordsSince(db, spec, seq - 1, 1);
  if (!record) throw new Error(`no record ${seq}`);
  return record.hash;
}
