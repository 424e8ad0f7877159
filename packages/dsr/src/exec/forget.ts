import { forgetSubject, resolveSubjectKey, type Store } from '@pledge/store';
import type { IdentityValues } from '../plan/types.js';

/**
 * Forgets the subject in the consent ledger as part of an erasure: the link from each of the
 * request's identity values (whichever one the application recorded consent under) to a
 * ledger pseudonym is deleted. The events stay and the chain keeps verifying, but nobody can
 * link them to the person again; recording again under the same id starts a new pseudonym.
 * Returns how many links were deleted (0 when the subject never appeared in the ledger).
 */
export async function forgetInLedger(
  store: Store,
  identity: IdentityValues,
  subjectKey: string | undefined,
): Promise<number> {
  const key = await resolveSubjectKey(store, subjectKey);
  const values = new Set(Object.values(identity).flatMap((v) => v ?? []));
  let forgotten = 0;
  for (const value of values) if (await forgetSubject(store.db, key, value)) forgotten += 1;
  return forgotten;
}
