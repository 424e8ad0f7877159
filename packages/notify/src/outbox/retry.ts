import type { Kysely } from 'kysely';
import { notifyDb } from '../migrations/schema.js';

/** The statuses an officer may send again at once: given up, or kept for want of a server. */
export const RETRYABLE_STATUSES = ['failed', 'held'] as const;

/**
 * Puts a failed or held message back in the queue, due now, keeping its attempt count (the
 * console's "retry now"). Returns false when there is no such message or it is in another
 * status (sent, queued, sending): nothing is sent twice.
 */
export async function retryMessage<T>(db: Kysely<T>, id: string, now: Date): Promise<boolean> {
  const result = await notifyDb(db)
    .updateTable('pledge_notify_outbox')
    .set({ status: 'queued', next_attempt_at: now, lease_until: null })
    .where('id', '=', id)
    .where('status', 'in', RETRYABLE_STATUSES)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
