import { randomUUID } from 'node:crypto';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database, LedgerEventTable } from '../db/schema';
import { chainHash, subjectHash } from './hash';
import type { LedgerEventInput } from './types';

/** LISTEN/NOTIFY channel announcing the last sequence number after each append. */
export const LEDGER_CHANNEL = 'pledge_ledger';

/** Rows per INSERT statement: 18 columns stay well under PostgreSQL's 65,535 parameters. */
const ROWS_PER_STATEMENT = 2000;

/** Result of an append: the sequence numbers and hashes given, in input order. */
export interface AppendResult {
  events: Array<{ seq: number; id: string; hash: string }>;
}

/**
 * Appends events to the hash-chained ledger in one transaction. The chain head row is
 * locked (`FOR UPDATE`), so concurrent writers, in one process or many, queue behind each
 * other and the chain can never fork; a batch costs one lock and multi-row INSERTs.
 */
export async function appendEvents(
  db: Kysely<Database>,
  key: string,
  inputs: readonly LedgerEventInput[],
): Promise<AppendResult> {
  if (inputs.length === 0) return { events: [] };
  return db.transaction().execute(async (trx) => {
    const head = await trx
      .selectFrom('pledge_ledger_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .forUpdate()
      .executeTakeFirstOrThrow();
    let seq = Number(head.seq);
    let prev = head.hash;
    const rows: Insertable<LedgerEventTable>[] = [];
    const out: AppendResult['events'] = [];
    for (const input of inputs) {
      seq += 1;
      const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
      const fields = {
        seq,
        id: randomUUID(),
        subjectHash: subjectHash(key, input.subject),
        type: input.type,
        purposes: input.purposes ?? [],
        categories: input.categories ?? [],
        consentMode: input.consentMode ?? null,
        method: input.method,
        source: input.source,
        jurisdiction: input.jurisdiction ?? null,
        policyVersion: input.policyVersion,
        policyHash: input.policyHash,
        noticeHash: input.noticeHash ?? null,
        actor: input.actor,
        signal: input.signal ?? null,
        occurredAt,
      };
      const hash = chainHash(fields, prev);
      rows.push({
        seq,
        id: fields.id,
        subject_hash: fields.subjectHash,
        type: fields.type,
        purposes: fields.purposes,
        categories: fields.categories,
        consent_mode: fields.consentMode,
        method: fields.method,
        source: fields.source,
        jurisdiction: fields.jurisdiction,
        policy_version: fields.policyVersion,
        policy_hash: fields.policyHash,
        notice_hash: fields.noticeHash,
        actor: fields.actor,
        signal: fields.signal,
        occurred_at: occurredAt,
        prev_hash: prev,
        hash,
      });
      out.push({ seq, id: fields.id, hash });
      prev = hash;
    }
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      await trx.insertInto('pledge_ledger_events').values(rows.slice(i, i + ROWS_PER_STATEMENT)).execute();
    }
    await trx.updateTable('pledge_ledger_head').set({ seq, hash: prev }).where('id', '=', 1).execute();
    // Delivered at commit: consent caches (SDK, other workers) refresh from this sequence number.
    await sql`SELECT pg_notify(${LEDGER_CHANNEL}, ${String(seq)})`.execute(trx);
    return { events: out };
  });
}
