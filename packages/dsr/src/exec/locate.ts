import type { CollectionRef, Connector, Key, Row, Where } from '@pledge/connectors';
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
  /**
   * The rows of `keys`, every field, when the lookup could read them with the keys (an
   * access on a SQL store): kept in memory for the act phase, never stored.
   */
  rows?: Row[];
}

/** How {@link locateStep} locates. */
export interface LocateOptions {
  /** Read every field of the rows found with their keys, where the connector can (access). */
  rows?: boolean;
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
  options: LocateOptions = {},
): Promise<Located> {
  const connector = await pool.get(step.dataset);
  const collection: CollectionRef = collectionOf(manifest, step.dataset, step.collection);
  // A step's locators are independent lookups, their values found together; identity values
  // compare by their kind's rule, reference values exactly, typed to the column.
  const wheres = await Promise.all(
    step.locators.map(async (locator): Promise<Where | undefined> => {
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
        if (given.length === 0) return undefined;
        const child = await pool.get(t.dataset);
        const childCollection = collectionOf(manifest, t.dataset, t.collection);
        const where = {
          field: t.identityField,
          values: given,
          ...identityWhere(manifest, childCollection, t.identityField, t.identity),
        };
        const rows = await lookupRows(child, childCollection, [where], [t.referenceField]);
        values = referenceValues(rows.rows.map((r) => r[t.referenceField]));
      }
      return values.length === 0 ? undefined : { field: locator.field, values, ...match };
    }),
  );
  const live = wheres.filter((w): w is Where => w !== undefined);
  const toRead = step.provides.filter((f) => !(SQL_KINDS.has(step.datastore) && f === step.keyField));
  // A SQL store answers the step's lookups and the read of what later steps need (of every
  // field, for an access) in one statement; other stores locate by each where, then read.
  const all = options.rows === true && connector.lookup !== undefined;
  const found = await lookupRows(connector, collection, live, all ? undefined : toRead);
  const unique = found.keys;
  const refValues: Record<string, Array<string | number>> = {};
  for (const field of step.provides) if (!toRead.includes(field)) refValues[field] = referenceValues(unique);
  for (const field of toRead) refValues[field] = referenceValues(found.rows.map((r) => r[field]));
  return { keys: unique, refValues, ...(all && found.complete ? { rows: found.rows } : {}) };
}

/**
 * The keys matching any of `wheres` and the rows holding `fields` (every field when omitted):
 * one {@link Connector.lookup} where the connector has it (`complete`: the rows are every
 * key's), else a locate per where and a read of the fields asked for (none read for none).
 */
async function lookupRows(
  connector: Connector,
  collection: CollectionRef,
  wheres: readonly Where[],
  fields: readonly string[] | undefined,
): Promise<{ keys: Key[]; rows: Row[]; complete: boolean }> {
  if (wheres.length === 0) return { keys: [], rows: [], complete: true };
  if (connector.lookup) return { ...(await connector.lookup(collection, wheres, fields)), complete: true };
  const found = await Promise.all(wheres.map((where) => connector.locate(collection, where)));
  const keys = distinctKeys(found.flat());
  const read = keys.length > 0 && (fields === undefined || fields.length > 0);
  return { keys, rows: read ? await connector.read(collection, keys, fields) : [], complete: false };
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
  options: LocateOptions = {},
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
          const located = await locateStep(pool, manifest, step, identity, known, options);
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
