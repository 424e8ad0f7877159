import { randomUUID } from 'node:crypto';
import type { DisclosureBasis } from '@pledge/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.js';
import { type DisclosureTable, registerDb } from './tables.js';
import type { DisclosureInput, DisclosureRecord } from './types.js';

function toRecord(row: Selectable<DisclosureTable>): DisclosureRecord {
  return {
    id: row.id,
    recipient: row.recipient,
    subjectHash: row.subject_hash,
    purpose: row.purpose,
    categories: row.categories,
    basis: row.basis as DisclosureBasis,
    ...(row.legal_reference ? { legalReference: row.legal_reference } : {}),
    allowed: row.allowed,
    codes: row.codes,
    actor: row.actor,
    at: new Date(row.at),
  };
}

/** Logs one disclosure decision, allowed or refused. */
export async function logDisclosure(db: Kysely<Database>, input: DisclosureInput): Promise<DisclosureRecord> {
  const row = await registerDb(db)
    .insertInto('pledge_disclosures')
    .values({
      id: randomUUID(),
      recipient: input.recipient,
      subject_hash: input.subjectHash,
      purpose: input.purpose,
      categories: [...input.categories],
      basis: input.basis,
      legal_reference: input.legalReference ?? null,
      allowed: input.allowed,
      codes: [...input.codes],
      actor: input.actor,
      at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

/** Filters of {@link listDisclosures}. */
export interface DisclosureFilter {
  recipient?: string;
  subjectHash?: string;
  /** Most recent first, at most this many (default 100). */
  limit?: number;
}

/** Logged disclosure decisions, most recent first. */
export async function listDisclosures(
  db: Kysely<Database>,
  filter: DisclosureFilter = {},
): Promise<DisclosureRecord[]> {
  let query = registerDb(db).selectFrom('pledge_disclosures').selectAll();
  if (filter.recipient !== undefined) query = query.where('recipient', '=', filter.recipient);
  if (filter.subjectHash !== undefined) query = query.where('subject_hash', '=', filter.subjectHash);
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map(toRecord);
}
