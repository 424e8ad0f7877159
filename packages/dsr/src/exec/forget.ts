import type { Manifest } from '@pledge/core';
import { forgetSubjectsStatement, resolveSubjectKey, type Store } from '@pledge/store';
import type { RawBuilder } from 'kysely';
import type { IdentityValues, Plan } from '../plan/types.js';

/**
 * The ids the subject may be recorded under in the consent ledger: every identity value of the
 * request, and the keys located in collections whose primary key is an identity field (an
 * erasure by e-mail also finds the user id the application records consent under).
 */
export function ledgerSubjects(
  manifest: Manifest,
  plan: Plan,
  identity: IdentityValues,
  locatedKeys: (index: number) => ReadonlyArray<string | number> | null | undefined,
): string[] {
  const values = new Set(Object.values(identity).flatMap((v) => v ?? []));
  for (const step of plan.steps) {
    const collection = manifest.datasets
      .find((d) => d.id === step.dataset)
      ?.collections.find((c) => c.name === step.collection);
    const key = collection?.primaryKey;
    if (typeof key !== 'string') continue;
    if (!collection?.fields.some((f) => f.name === key && f.identity)) continue;
    for (const value of locatedKeys(step.index) ?? []) values.add(String(value));
  }
  return [...values];
}

/**
 * Forgets the subject in the consent ledger as part of an erasure: the link from each id to a
 * ledger pseudonym is deleted. The events stay and the chain keeps verifying, but nobody can
 * link them to the person again; recording again under the same id starts a new pseudonym.
 * Returns the statement, sent with the erasure's end (both written or neither); undefined when
 * there is nothing to forget. A worker's key was checked against the store's fingerprint.
 */
export async function ledgerForgetting(
  store: Store,
  subjects: readonly string[],
  subjectKey: string | undefined,
): Promise<RawBuilder<unknown> | undefined> {
  if (subjects.length === 0) return undefined;
  const key = subjectKey ?? (await resolveSubjectKey(store));
  return forgetSubjectsStatement(key, subjects);
}
