import type { CollectionRef, Key } from '@pledge/connectors';
import type { Manifest } from '@pledge/core';
import { identityWhere } from '../identity/match-of.js';
import type { IdentityValues, PlanStep } from '../plan/types.js';
import { collectionOf } from './collections.js';
import type { ConnectorPool } from './connections.js';
import { referenceValues } from './values.js';

/** What the locate phase stores for a step before anything is written. */
export interface Located {
  keys: Key[];
  refValues: Record<string, Array<string | number>>;
}

const SQL_KINDS = new Set(['postgres', 'mysql', 'sqlite']);

function distinctKeys(keys: readonly Key[]): Key[] {
  const seen = new Set<string>();
  const out: Key[] = [];
  for (const key of keys) {
    const id = `${typeof key}:${key}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push(key);
    }
  }
  return out;
}

/**
 * Finds one step's keys from the identity values, the stored reference values of earlier
 * steps and, for an owner locator, the rows the subject's identity finds in the child; then
 * reads the values of the fields later steps locate by. Reads only.
 */
export async function locateStep(
  pool: ConnectorPool,
  manifest: Manifest,
  step: PlanStep,
  identity: IdentityValues,
  earlier: ReadonlyMap<number, Located>,
): Promise<Located> {
  const connector = await pool.get(step.dataset);
  const collection: CollectionRef = collectionOf(manifest, step.dataset, step.collection);
  // A step's locators are independent lookups: sent together (the connector's pool spreads
  // them), the keys then taken in locator order. Identity values compare by their kind's rule;
  // reference values exactly, typed to the column.
  const found = await Promise.all(
    step.locators.map(async (locator): Promise<Key[]> => {
      let values: ReadonlyArray<string | number> = [];
      let match = {};
      if (locator.via === 'identity') {
        values = identity[locator.identity] ?? [];
        match = identityWhere(manifest, collection, locator.field, locator.identity);
      } else if (locator.via === 'reference')
        values = earlier.get(locator.from)?.refValues[locator.fromField] ?? [];
      else {
        const t = locator.through;
        const given = identity[t.identity] ?? [];
        if (given.length === 0) return [];
        const child = await pool.get(t.dataset);
        const childCollection = collectionOf(manifest, t.dataset, t.collection);
        const childKeys = await child.locate(childCollection, {
          field: t.identityField,
          values: given,
          ...identityWhere(manifest, childCollection, t.identityField, t.identity),
        });
        if (childKeys.length === 0) return [];
        const rows = await child.read(childCollection, childKeys, [t.referenceField]);
        values = referenceValues(rows.map((r) => r[t.referenceField]));
      }
      if (values.length === 0) return [];
      return connector.locate(collection, { field: locator.field, values, ...match });
    }),
  );
  const keys = found.flat();
  const unique = distinctKeys(keys);
  const refValues: Record<string, Array<string | number>> = {};
  const toRead = step.provides.filter((f) => !(SQL_KINDS.has(step.datastore) && f === step.keyField));
  for (const field of step.provides) if (!toRead.includes(field)) refValues[field] = referenceValues(unique);
  if (toRead.length > 0 && unique.length > 0) {
    const rows = await connector.read(collection, unique, toRead);
    for (const field of toRead) refValues[field] = referenceValues(rows.map((r) => r[field]));
  } else {
    for (const field of toRead) refValues[field] = [];
  }
  return { keys: unique, refValues };
}

/** How locating one step went in {@link locateAll}. */
export type LocateOutcome =
  | { index: number; located: Located }
  | { index: number; error: unknown }
  | { index: number; skipped: true };

/**
 * Locates the steps of `todo`, each as soon as the steps it takes reference values from are
 * located (`earlier` holds those located before): steps that do not depend on each other run
 * at the same time. Reads only. A step whose source failed is skipped. Outcomes in index order.
 */
export async function locateAll(
  pool: ConnectorPool,
  manifest: Manifest,
  steps: readonly PlanStep[],
  identity: IdentityValues,
  earlier: ReadonlyMap<number, Located>,
  todo: ReadonlySet<number>,
): Promise<LocateOutcome[]> {
  const known = new Map(earlier);
  const running = new Map<number, Promise<LocateOutcome>>();
  for (const step of steps) {
    if (!todo.has(step.index)) continue;
    const sources = step.locators.flatMap((l) => (l.via === 'reference' ? [l.from] : []));
    running.set(
      step.index,
      (async (): Promise<LocateOutcome> => {
        for (const source of sources) {
          const outcome = await running.get(source);
          if (outcome && !('located' in outcome)) return { index: step.index, skipped: true };
        }
        try {
          const located = await locateStep(pool, manifest, step, identity, known);
          known.set(step.index, located);
          return { index: step.index, located };
        } catch (error) {
          return { index: step.index, error };
        }
      })(),
    );
  }
  return Promise.all(running.values());
}
