import type { ConsentMode, JurisdictionKey } from '@pledge/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database, LedgerEventTable } from '../db/schema.js';
import type { LedgerEvent, LedgerEventType } from './types.js';

/** A stored event with its chain bookkeeping: the record format and the recording time. */
export interface StoredLedgerEvent extends LedgerEvent {
  format: number;
  recordedAt: Date;
}

/** Maps a stored row to the event shape, with its record format and recording time. */
export function toLedgerEvent(row: Selectable<LedgerEventTable>): StoredLedgerEvent {
  return {
    ...publicEvent(row),
    format: Number(row.format),
    recordedAt: new Date(row.recorded_at),
  };
}

/** Maps a stored row to the public event shape (what reads and the change feed return). */
function publicEvent(row: Selectable<LedgerEventTable>): LedgerEvent {
  return {
    seq: Number(row.seq),
    id: row.id,
    subjectHash: row.subject_hash,
    type: row.type as LedgerEventType,
    purposes: row.purposes,
    categories: row.categories,
    consentMode: (row.consent_mode ?? undefined) as ConsentMode | undefined,
    method: row.method,
    source: row.source,
    jurisdiction: (row.jurisdiction ?? undefined) as JurisdictionKey | undefined,
    policyVersion: row.policy_version,
    policyHash: row.policy_hash,
    noticeHash: row.notice_hash ?? undefined,
    actor: row.actor as LedgerEvent['actor'],
    signal: (row.signal ?? undefined) as LedgerEvent['signal'],
    occurredAt: new Date(row.occurred_at),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Every event of one subject (by keyed hash), oldest first. */
export async function eventsOfSubject(
  db: Kysely<Database>,
  subjectHashValue: string,
): Promise<LedgerEvent[]> {
  const rows = await db
    .selectFrom('pledge_ledger_events')
    .selectAll()
    .where('subject_hash', '=', subjectHashValue)
    .orderBy('seq')
    .execute();
  return rows.map(publicEvent);
}

/** Events after `afterSeq`, oldest first, at most `limit`: the change feed caches follow. */
export async function eventsSince(
  db: Kysely<Database>,
  afterSeq: number,
  limit = 1000,
): Promise<LedgerEvent[]> {
  const rows = await db
    .selectFrom('pledge_ledger_events')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(publicEvent);
}
