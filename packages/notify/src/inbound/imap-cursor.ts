import { type Kysely, sql } from 'kysely';
import { type NotifyDatabase, notifyDb } from '../migrations/schema.js';

/** Where the reading of a mailbox stopped. */
export interface ImapCursor {
  /** The mailbox's UIDVALIDITY when it was read (a decimal string: it can exceed 2^53). */
  uidValidity: string;
  /** The highest UID logged under that UIDVALIDITY; 0 before the first. */
  lastUid: number;
}

/** The stored cursor of `mailbox` (see `mailboxKey`); undefined before the first poll. */
export async function readImapCursor<T>(db: Kysely<T>, mailbox: string): Promise<ImapCursor | undefined> {
  const row = await notifyDb(db)
    .selectFrom('pledge_notify_imap_cursor')
    .select(['uid_validity', 'last_uid'])
    .where('mailbox', '=', mailbox)
    .executeTakeFirst();
  return row ? { uidValidity: row.uid_validity, lastUid: Number(row.last_uid) } : undefined;
}

/**
 * Moves the cursor to `cursor`. Under the same UIDVALIDITY it only moves forward (two polls
 * that overlap never move it back); a new UIDVALIDITY replaces it, so reading starts again.
 */
export async function saveImapCursor(
  tx: Kysely<NotifyDatabase>,
  mailbox: string,
  cursor: ImapCursor,
  at: Date,
): Promise<void> {
  await tx
    .insertInto('pledge_notify_imap_cursor')
    .values({ mailbox, uid_validity: cursor.uidValidity, last_uid: cursor.lastUid, updated_at: at })
    .onConflict((oc) =>
      oc.column('mailbox').doUpdateSet({
        uid_validity: (eb) => eb.ref('excluded.uid_validity'),
        last_uid: sql`case when pledge_notify_imap_cursor.uid_validity = excluded.uid_validity
          then greatest(pledge_notify_imap_cursor.last_uid, excluded.last_uid) else excluded.last_uid end`,
        updated_at: (eb) => eb.ref('excluded.updated_at'),
      }),
    )
    .execute();
}
