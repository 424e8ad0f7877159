import { randomUUID } from 'node:crypto';
import type { DeletionRequestStatus } from '@pledge/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.js';
import { type DeletionRequestTable, registerDb } from './tables.js';
import type { DeletionRequestRecord, EngagementRecord } from './types.js';

/** Every recorded engagement. */
export async function listEngagements(db: Kysely<Database>): Promise<EngagementRecord[]> {
  const rows = await registerDb(db).selectFrom('pledge_recipient_engagements').selectAll().execute();
  return rows.map((row) => ({
    recipient: row.recipient,
    ...(row.started_on ? { startedOn: row.started_on } : {}),
    ...(row.ended_on ? { endedOn: row.ended_on } : {}),
  }));
}

/** Records when an engagement started (a new engagement clears an earlier end). */
export async function startEngagement(db: Kysely<Database>, recipient: string, on: string): Promise<void> {
  const now = new Date();
  await registerDb(db)
    .insertInto('pledge_recipient_engagements')
    .values({ recipient, started_on: on, ended_on: null, updated_at: now })
    .onConflict((c) => c.column('recipient').doUpdateSet({ started_on: on, ended_on: null, updated_at: now }))
    .execute();
}

/**
 * Records the end of an engagement and queues a deletion request to the recipient, in one
 * transaction: the end is never recorded without its request. Ending again on the same date
 * queues nothing new. Returns the request.
 */
export async function endEngagement(
  db: Kysely<Database>,
  recipient: string,
  on: string,
): Promise<DeletionRequestRecord> {
  return registerDb(db)
    .transaction()
    .execute(async (tx) => {
      const now = new Date();
      await tx
        .insertInto('pledge_recipient_engagements')
        .values({ recipient, started_on: null, ended_on: on, updated_at: now })
        .onConflict((c) => c.column('recipient').doUpdateSet({ ended_on: on, updated_at: now }))
        .execute();
      await tx
        .insertInto('pledge_recipient_deletion_requests')
        .values({
          id: randomUUID(),
          recipient,
          engagement_ended_on: on,
          status: 'pending',
          requested_at: now,
          status_at: now,
        })
        .onConflict((c) => c.columns(['recipient', 'engagement_ended_on']).doNothing())
        .execute();
      const row = await tx
        .selectFrom('pledge_recipient_deletion_requests')
        .selectAll()
        .where('recipient', '=', recipient)
        .where('engagement_ended_on', '=', on)
        .executeTakeFirstOrThrow();
      return toRequest(row);
    });
}

function toRequest(row: Selectable<DeletionRequestTable>): DeletionRequestRecord {
  return {
    id: row.id,
    recipient: row.recipient,
    engagementEndedOn: row.engagement_ended_on,
    status: row.status as DeletionRequestStatus,
    requestedAt: new Date(row.requested_at),
    statusAt: new Date(row.status_at),
  };
}

/** Deletion requests, oldest first; only those with `status` when given. */
export async function listDeletionRequests(
  db: Kysely<Database>,
  status?: DeletionRequestStatus,
): Promise<DeletionRequestRecord[]> {
  let query = registerDb(db).selectFrom('pledge_recipient_deletion_requests').selectAll();
  if (status !== undefined) query = query.where('status', '=', status);
  const rows = await query.orderBy('requested_at').orderBy('id').execute();
  return rows.map(toRequest);
}

/** Moves a deletion request on (sent to the recipient, confirmed by it); false for an unknown id. */
export async function setDeletionRequestStatus(
  db: Kysely<Database>,
  id: string,
  status: DeletionRequestStatus,
): Promise<boolean> {
  const result = await registerDb(db)
    .updateTable('pledge_recipient_deletion_requests')
    .set({ status, status_at: new Date() })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
