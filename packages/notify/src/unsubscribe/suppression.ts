import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { notifyDb } from '../migrations/schema.js';

/** The keyed hash an unsubscribed address is kept under (the address itself is not stored). */
export function addressHash(secret: string, address: string): string {
  return createHmac('sha256', secret).update(`address:${address.trim().toLowerCase()}`).digest('hex');
}

/** Records that `address` wants no more mail of `list` (idempotent). */
export async function suppress<T>(db: Kysely<T>, hash: string, list: string, at: Date): Promise<void> {
  await notifyDb(db)
    .insertInto('pledge_notify_unsubscribed')
    .values({ address_hash: hash, list, at })
    .onConflict((oc) => oc.columns(['address_hash', 'list']).doNothing())
    .execute();
}

/** The lists `address` left; empty when it never unsubscribed. */
export async function suppressedLists<T>(db: Kysely<T>, hash: string): Promise<string[]> {
  const rows = await notifyDb(db)
    .selectFrom('pledge_notify_unsubscribed')
    .select('list')
    .where('address_hash', '=', hash)
    .execute();
  return rows.map((r) => r.list);
}
