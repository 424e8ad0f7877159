import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { chainHash, subjectHash } from './hash.js';
import { emptyColumns, insertColumns, pushRow, sliceColumns } from './insert-columns.js';
import type { LedgerEventInput } from './types.js';

/** Rows per INSERT statement: each column travels as one array parameter. */
const ROWS_PER_STATEMENT = 5000;

/** Result of an append: the sequence numbers and hashes given, in input order. */
export interface AppendResult {
  events: Array<{ seq: number; id: string; hash: string }>;
}

/**
 * Appends events to the hash-chained ledger in one transaction. The chain head row is
 * locked (`FOR UPDATE`), so concurrent writers, in one process or many, queue behind each
 * other and the chain can never fork. A batch costs the lock and one statement per 5,000
 * events that inserts them, moves the head and announces the new head (LISTEN/NOTIFY).
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
    const columns = emptyColumns();
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
      pushRow(columns, fields, prev, hash);
      out.push({ seq, id: fields.id, hash });
      prev = hash;
    }
    for (let i = 0; i < out.length; i += ROWS_PER_STATEMENT) {
      const last = i + ROWS_PER_STATEMENT >= out.length;
      await insertColumns(
        trx,
        sliceColumns(columns, i, i + ROWS_PER_STATEMENT),
        last ? { seq, hash: prev } : undefined,
      );
    }
    return { events: out };
  });
}
