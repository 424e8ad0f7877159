import { type Kysely, sql } from 'kysely';
import { arrayLiteral } from '../chain/insert.js';
import { lockHead } from '../chain/read.js';
import type { Database } from '../db/schema.js';
import { subjectHash } from '../ledger/hash.js';
import { DEREGISTRATION_CHAIN } from './chain-spec.js';
import { latestTombstones } from './tombstone.js';

/** Why a link was not restored: one list, each a stable code. */
export const RESTORE_REFUSALS = ['deregistration.restore-refused', 'subject.already-linked'] as const;
/** One of {@link RESTORE_REFUSALS}. */
export type RestoreRefusal = (typeof RESTORE_REFUSALS)[number];

/** A link from a keyed hash of an identifier to a ledger pseudonym, as a backup or an import holds it. */
export interface PseudonymLink {
  subjectHash: string;
  pseudonym: string;
}

/** Outcome of {@link restorePseudonyms}: all links restored, or none and why. */
export type RestoreResult =
  | { ok: true; restored: number }
  | { ok: false; issues: Array<{ code: RestoreRefusal; path: string; message: string }> };

/**
 * Restores links from identifiers to ledger pseudonyms (from a backup of `pledge_subject_map`, or
 * an import), all or none. A link that would bring back a deregistered account is refused
 * with `deregistration.restore-refused`: the identifier has a tombstone and the pseudonym is
 * not one the identifier signed up with again afterwards (its first event is older than the
 * latest tombstone, or it has none). A link whose identifier or pseudonym is linked already is
 * refused with `subject.already-linked`. Messages name the place, never a value.
 */
export async function restorePseudonyms(
  db: Kysely<Database>,
  links: readonly PseudonymLink[],
): Promise<RestoreResult> {
  if (links.length === 0) return { ok: true, restored: 0 };
  return db.transaction().execute(async (trx) => {
    await lockHead<Database>(trx, DEREGISTRATION_CHAIN);
    const tombstones = await latestTombstones<Database>(
      trx,
      links.map((l) => l.subjectHash),
    );
    const pseudonyms = [...new Set(links.map((l) => l.pseudonym))];
    const first = await sql<{ subject_hash: string; at: Date }>`
      SELECT subject_hash, min(recorded_at) AS at FROM pledge_ledger_events
      WHERE subject_hash = any(${arrayLiteral(pseudonyms)}::text[]) GROUP BY subject_hash`.execute(trx);
    const firstEvent = new Map(first.rows.map((r) => [r.subject_hash, new Date(r.at)]));
    const linked = await trx
      .selectFrom('pledge_subject_map')
      .select(['subject_hash', 'pseudonym'])
      .where((eb) =>
        eb.or([
          eb(
            'subject_hash',
            'in',
            links.map((l) => l.subjectHash),
          ),
          eb('pseudonym', 'in', pseudonyms),
        ]),
      )
      .execute();
    const taken = new Set(linked.flatMap((r) => [`h:${r.subject_hash}`, `p:${r.pseudonym}`]));
    const issues: Array<{ code: RestoreRefusal; path: string; message: string }> = [];
    links.forEach((link, i) => {
      const path = `links[${i}]`;
      const closed = tombstones.get(link.subjectHash);
      const since = firstEvent.get(link.pseudonym);
      if (closed && (!since || since <= closed)) {
        issues.push({
          code: 'deregistration.restore-refused',
          path,
          message: `${path}: the account was deregistered; deregistration cannot be undone, and signing up again starts a new, unlinked subject`,
        });
      } else if (taken.has(`h:${link.subjectHash}`) || taken.has(`p:${link.pseudonym}`)) {
        issues.push({
          code: 'subject.already-linked',
          path,
          message: `${path}: the identifier or the pseudonym is linked already`,
        });
      }
    });
    if (issues.length > 0) return { ok: false, issues };
    await trx
      .insertInto('pledge_subject_map')
      .values(links.map((l) => ({ subject_hash: l.subjectHash, pseudonym: l.pseudonym })))
      .execute();
    return { ok: true, restored: links.length };
  });
}

/** {@link restorePseudonyms} for one identifier: re-links it to `pseudonym` unless that would undo a deregistration. */
export function relinkSubject(
  db: Kysely<Database>,
  key: string,
  identifier: string,
  pseudonym: string,
): Promise<RestoreResult> {
  return restorePseudonyms(db, [{ subjectHash: subjectHash(key, identifier), pseudonym }]);
}
