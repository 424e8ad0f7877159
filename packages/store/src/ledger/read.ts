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
export function toLedgerEvent(
  row: Selectable<LedgerEventTable>,
  linkedHash: string | null = null,
): StoredLedgerEvent {
  return {
    ...publicEvent(row, linkedHash),
    format: Number(row.format),
    recordedAt: new Date(row.recorded_at),
  };
}

/**
 * Maps a stored row to the public event shape (what reads and the change feed return); the
 * stored subject is the pseudonym, `linkedHash` the keyed hash the map links it to, if any.
 */
function publicEvent(row: Selectable<LedgerEventTable>, linkedHash: string | null): LedgerEvent {
  return {
    seq: Number(row.seq),
    id: row.id,
    subjectHash: linkedHash,
    pseudonym: row.subject_hash,
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

/**
 * Every event of one subject (by keyed hash), oldest first: those of the pseudonym the
 * subject map links the hash to; none once the subject is forgotten.
 */
export async function eventsOfSubject(
  db: Kysely<Database>,
  subjectHashValue: string,
): Promise<LedgerEvent[]> {
  const rows = await db
    .selectFrom('pledge_ledger_events')
    .selectAll()
    .where('subject_hash', '=', (eb) =>
      eb.selectFrom('pledge_subject_map').select('pseudonym').where('subject_hash', '=', subjectHashValue),
    )
    .orderBy('seq')
    .execute();
  return rows.map((row) => publicEvent(row, subjectHashValue));
}

/** The pseudonym a keyed hash is linked to; undefined for a subject never recorded or forgotten. */
export async function pseudonymOf(
  db: Kysely<Database>,
  subjectHashValue: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('pledge_subject_map')
    .select('pseudonym')
    .where('subject_hash', '=', subjectHashValue)
    .executeTakeFirst();
  return row?.pseudonym;
}

/**
 * Events after `afterSeq`, oldest first, at most `limit`: the change feed caches follow. Each
 * carries the keyed hash its pseudonym is linked to (null when forgotten), so a cache keyed
 * by subject hash finds its subjects' events.
 */
export async function eventsSince(
  db: Kysely<Database>,
  afterSeq: number,
  limit = 1000,
): Promise<LedgerEvent[]> {
  const rows = await db
    .selectFrom('pledge_ledger_events as e')
    .leftJoin('pledge_subject_map as m', 'm.pseudonym', 'e.subject_hash')
    .selectAll('e')
    .select('m.subject_hash as linked_hash')
    .where('e.seq', '>', afterSeq)
    .orderBy('e.seq')
    .limit(limit)
    .execute();
  return rows.map(({ linked_hash, ...row }) => publicEvent(row, linked_hash));
}
