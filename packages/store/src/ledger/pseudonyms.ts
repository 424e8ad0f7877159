import { randomBytes } from 'node:crypto';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { arrayLiteral } from '../chain/insert.js';
import type { Database } from '../db/schema.js';
import { subjectHash } from './hash.js';

/** A new random pseudonym: 128 bits, unrelated to the identifier. */
function newPseudonym(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The pseudonym of each keyed hash, created on first use. The usual case (every subject known)
 * is one read; new subjects cost one insert, and a concurrent creator's row wins.
 */
export async function pseudonymsFor(
  db: Kysely<Database>,
  hashes: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(hashes)];
  const found = new Map<string, string>();
  if (wanted.length === 0) return found;
  const read = async (list: string[]) => {
    const rows = await db
      .selectFrom('pledge_subject_map')
      .select(['subject_hash', 'pseudonym'])
      .where(sql<boolean>`subject_hash = any(${arrayLiteral(list)}::text[])`)
      .execute();
    for (const row of rows) found.set(row.subject_hash, row.pseudonym);
  };
  await read(wanted);
  const missing = wanted.filter((h) => !found.has(h));
  if (missing.length === 0) return found;
  const pseudonyms = missing.map(newPseudonym);
  const created = await sql<{ subject_hash: string; pseudonym: string }>`
    INSERT INTO pledge_subject_map (subject_hash, pseudonym)
    SELECT * FROM unnest(${arrayLiteral(missing)}::text[], ${arrayLiteral(pseudonyms)}::text[])
    ON CONFLICT (subject_hash) DO NOTHING
    RETURNING subject_hash, pseudonym`.execute(db);
  for (const row of created.rows) found.set(row.subject_hash, row.pseudonym);
  const raced = missing.filter((h) => !found.has(h));
  if (raced.length > 0) await read(raced);
  return found;
}

/**
 * Forgets a subject: deletes the only link from its identifier to its ledger pseudonym. The
 * events stay in the chain (which keeps verifying) but nobody can tell whose they are any
 * more; recording again under the same identifier starts a new pseudonym. Returns whether
 * the subject had a pseudonym.
 */
export async function forgetSubject(db: Kysely<Database>, key: string, subject: string): Promise<boolean> {
  return (await forgetSubjects(db, key, [subject])) > 0;
}

/** {@link forgetSubject} for several identifiers in one statement; returns how many had a pseudonym. */
export async function forgetSubjects(
  db: Kysely<Database>,
  key: string,
  subjects: readonly string[],
): Promise<number> {
  if (subjects.length === 0) return 0;
  const hashes = [...new Set(subjects)].map((s) => subjectHash(key, s));
  const result = await db
    .deleteFrom('pledge_subject_map')
    .where(sql<boolean>`subject_hash = any(${arrayLiteral(hashes)}::text[])`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The statement of {@link forgetSubjects}, to send with other writes in one round trip (a
 * DSR erasure's end, as a `with` part); undefined when there is no identifier.
 */
export function forgetSubjectsStatement(
  key: string,
  subjects: readonly string[],
): RawBuilder<unknown> | undefined {
  if (subjects.length === 0) return undefined;
  const hashes = [...new Set(subjects)].map((s) => subjectHash(key, s));
  return sql`delete from pledge_subject_map where subject_hash = any(${arrayLiteral(hashes)}::text[])`;
}
