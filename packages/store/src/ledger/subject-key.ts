import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

const SETTING = 'subject-hash-key';

/**
 * The key for subject hashes. Production passes it in (PLEDGE_SUBJECT_KEY) so that a
 * database dump alone cannot be brute-forced back to identifiers; an embedded
 * deployment without one gets a random key generated once and kept in the store.
 */
export async function resolveSubjectKey(db: Kysely<Database>, given?: string): Promise<string> {
  if (given) {
    if (given.length < 16) throw new Error('PLEDGE_SUBJECT_KEY must be at least 16 characters');
    return given;
  }
  const generated = randomBytes(32).toString('base64url');
  await db
    .insertInto('pledge_settings')
    .values({ key: SETTING, value: generated })
    .onConflict((c) => c.doNothing())
    .execute();
  const row = await db
    .selectFrom('pledge_settings')
    .select('value')
    .where('key', '=', SETTING)
    .executeTakeFirstOrThrow();
  return row.value;
}
