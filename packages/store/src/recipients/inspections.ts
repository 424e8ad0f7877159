import { randomUUID } from 'node:crypto';
import type { InspectionKind, InspectionOutcome } from '@pledge/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.js';
import { type RecipientInspectionTable, registerDb } from './tables.js';
import type { InspectionRecord } from './types.js';

function toRecord(row: Selectable<RecipientInspectionTable>): InspectionRecord {
  return {
    id: row.id,
    recipient: row.recipient,
    kind: row.kind as InspectionKind,
    outcome: row.outcome as InspectionOutcome,
    performedOn: row.performed_on,
    ...(row.note ? { note: row.note } : {}),
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at),
  };
}

/** Records an inspection, appraisal or audit of a recipient. */
export async function addInspection(
  db: Kysely<Database>,
  input: Omit<InspectionRecord, 'id' | 'recordedAt'>,
): Promise<InspectionRecord> {
  const row = await registerDb(db)
    .insertInto('pledge_recipient_inspections')
    .values({
      id: randomUUID(),
      recipient: input.recipient,
      kind: input.kind,
      outcome: input.outcome,
      performed_on: input.performedOn,
      note: input.note ?? null,
      recorded_by: input.recordedBy,
      recorded_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

/** Inspections on record, oldest first; of one recipient when given. */
export async function listInspections(db: Kysely<Database>, recipient?: string): Promise<InspectionRecord[]> {
  let query = registerDb(db).selectFrom('pledge_recipient_inspections').selectAll();
  if (recipient !== undefined) query = query.where('recipient', '=', recipient);
  const rows = await query.orderBy('performed_on').orderBy('recorded_at').execute();
  return rows.map(toRecord);
}
