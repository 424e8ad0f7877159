import type { Manifest } from '@pledge/core';
import { appendEvents, manifestHash, resolveSubjectKey, type Store } from '@pledge/store';
import type { RestrictionScope } from '../jobs/requests.js';
import type { IdentityValues } from '../plan/types.js';
import { DsrError } from './connections.js';

/** The subject id a restriction is recorded under: the one given, else user-id, else the first identity value. */
export function restrictionSubject(identity: IdentityValues, scope: RestrictionScope | undefined): string {
  const first = Object.values(identity).find((v) => v && v.length > 0)?.[0];
  const subject = scope?.subject ?? identity['user-id']?.[0] ?? first;
  if (!subject) throw new DsrError('identity-empty', 'a restriction needs a subject id');
  return subject;
}

/**
 * Records the restriction as a `restriction` event in the consent ledger, which the decision
 * engine reads: restricted processing is then denied (`deny.restricted`). Purposes and
 * categories omitted restrict all processing of the subject. Re-running after a crash may
 * record the event twice, which restricts nothing more.
 */
export async function recordRestriction(
  store: Store,
  manifest: Manifest,
  identity: IdentityValues,
  scope: RestrictionScope | undefined,
  options: { subjectKey?: string; source: string; at: Date },
): Promise<{ seq: number }> {
  // A worker's key was checked against the store's fingerprint when it started.
  const key = options.subjectKey ?? (await resolveSubjectKey(store));
  const result = await appendEvents(store.db, key, [
    {
      type: 'restriction',
      subject: restrictionSubject(identity, scope),
      ...(scope?.purposes ? { purposes: scope.purposes } : {}),
      ...(scope?.categories ? { categories: scope.categories } : {}),
      method: 'dsr',
      source: options.source,
      policyVersion: manifest.policy.version,
      policyHash: manifestHash(manifest),
      actor: 'officer',
      occurredAt: options.at,
    },
  ]);
  return { seq: result.events[0]?.seq ?? 0 };
}
