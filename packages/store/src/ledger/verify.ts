import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { chainHash, GENESIS_HASH } from './hash.js';
import { toLedgerEvent } from './read.js';

/** What is wrong with the first bad event. */
export type LedgerFault =
  | 'edited'
  | 'deleted-before'
  | 'inserted-or-reordered'
  | 'truncated'
  | 'head-mismatch';

/** Outcome of {@link verifyLedger}. */
export type LedgerVerification =
  | { ok: true; events: number; headHash: string }
  | { ok: false; events: number; fault: LedgerFault; seq: number; id?: string; message: string };

const PAGE = 5000;

/**
 * Walks the whole ledger in sequence order, recomputing every hash and link, and names
 * the first bad event: an edited event (its hash no longer matches its content), a gap
 * (events deleted before it), a broken link (an event inserted or moved), or a chain
 * shorter than its head says (events deleted at the end).
 */
export async function verifyLedger(db: Kysely<Database>): Promise<LedgerVerification> {
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let count = 0;
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('pledge_ledger_events')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const event = toLedgerEvent(row);
      const base = { ok: false as const, events: count, seq: event.seq, id: event.id };
      if (event.seq !== expectedSeq) {
        return {
          ...base,
          fault: event.seq > expectedSeq ? 'deleted-before' : 'inserted-or-reordered',
          message: `event ${event.seq} follows ${expectedSeq - 1}: ${event.seq > expectedSeq ? 'events are missing before it' : 'sequence out of order'}`,
        };
      }
      const recomputed = chainHash(
        {
          ...event,
          consentMode: event.consentMode ?? null,
          jurisdiction: event.jurisdiction ?? null,
          noticeHash: event.noticeHash ?? null,
          signal: event.signal ?? null,
        },
        event.prevHash,
      );
      if (recomputed !== event.hash) {
        return { ...base, fault: 'edited', message: `event ${event.seq} was changed after it was recorded` };
      }
      if (event.prevHash !== prev) {
        return {
          ...base,
          fault: 'inserted-or-reordered',
          message: `event ${event.seq} does not link to event ${event.seq - 1}: inserted, replaced or moved`,
        };
      }
      prev = event.hash;
      expectedSeq += 1;
      count += 1;
      after = event.seq;
    }
    if (rows.length < PAGE) break;
  }
  const head = await db
    .selectFrom('pledge_ledger_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const headSeq = head ? Number(head.seq) : 0;
  if (headSeq < count) {
    return {
      ok: false,
      events: count,
      fault: 'inserted-or-reordered',
      seq: headSeq + 1,
      message: `the chain head records ${headSeq} events but ${count} are present: event ${headSeq + 1} and later were added outside the ledger`,
    };
  }
  if (headSeq !== count) {
    return {
      ok: false,
      events: count,
      fault: 'truncated',
      seq: count + 1,
      message: `the chain head records ${headSeq} events but ${count} remain: events after ${count} were deleted`,
    };
  }
  if (head && head.hash !== prev) {
    return {
      ok: false,
      events: count,
      fault: 'head-mismatch',
      seq: count,
      message: 'the chain head hash does not match the last event',
    };
  }
  return { ok: true, events: count, headHash: prev };
}
