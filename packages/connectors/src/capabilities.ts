import { type DatastoreKind, ERASURE_STRATEGIES, type ErasureStrategy } from '@pledge/core';
import type { CollectionRef } from './types.js';

/**
 * What a datastore kind supports, declared by its connector so that callers (the DSR planner)
 * ask instead of switching on the kind.
 */
export interface DatastoreCapabilities {
  readonly kind: DatastoreKind;
  /**
   * The field whose values identify a row, as `locate` hands out keys of: the SQL primary
   * key, a Redis key pattern's placeholder, a file's `path`. Undefined when the collection
   * declares none.
   */
  keyField(collection: CollectionRef): string | undefined;
  /** What a collection declares for its key field, for messages: `a primaryKey`. */
  readonly keyDeclaration: string;
  /** What one record is called: `row`, `key`, `file`. */
  readonly recordNoun: string;
  /** Erasure strategies it applies; a plan with any other is refused (`strategy-unsupported`). */
  readonly strategies: readonly ErasureStrategy[];
  /** Whether `rectify` can set values (files cannot: a file is replaced, not edited). */
  readonly rectify: boolean;
  /** Whether a write is one statement per batch of keys rather than one call per key. */
  readonly setBased: boolean;
  /** Whether one write statement applies to its whole batch or not at all. */
  readonly atomicBatch: boolean;
  /** Whether the datastore offers transactions across statements (connectors open none today). */
  readonly transactions: boolean;
  /** Whether the keys `locate` hands out are the key field's values, so reading that field back adds nothing. */
  readonly keysAreKeyFieldValues: boolean;
}

/** The datastore kinds served by SQL: statements per batch, a primary key per table. */
export type SqlKind = Extract<DatastoreKind, 'postgres' | 'mysql' | 'sqlite'>;

const placeholder = /\{[A-Za-z_][A-Za-z0-9_]*\}/;

const sql = (kind: SqlKind): DatastoreCapabilities => ({
  kind,
  keyField: (collection) => collection.primaryKey,
  keyDeclaration: 'a primaryKey',
  recordNoun: 'row',
  strategies: ERASURE_STRATEGIES,
  rectify: true,
  setBased: true,
  atomicBatch: true,
  transactions: true,
  keysAreKeyFieldValues: true,
});

/** The capabilities of every datastore kind. */
export const DATASTORE_CAPABILITIES: Readonly<Record<DatastoreKind, DatastoreCapabilities>> = {
  postgres: sql('postgres'),
  mysql: sql('mysql'),
  sqlite: sql('sqlite'),
  redis: {
    kind: 'redis',
    keyField: (collection) => placeholder.exec(collection.name)?.[0].slice(1, -1),
    keyDeclaration: 'a key pattern with one {placeholder}',
    recordNoun: 'key',
    strategies: ERASURE_STRATEGIES,
    rectify: true,
    setBased: true,
    // One Lua script per batch; a mask, hash or anonymise reads the batch first, in its own script.
    atomicBatch: true,
    transactions: false,
    // Keys are whole Redis keys (`session:abc`); the key field holds the id part only.
    keysAreKeyFieldValues: false,
  },
  files: {
    kind: 'files',
    keyField: () => 'path',
    keyDeclaration: 'a folder pattern with one {placeholder}',
    recordNoun: 'file',
    // A blob has no masked form: a file is removed or kept.
    strategies: ['delete-row', 'null', 'keep'],
    rectify: false,
    setBased: false,
    atomicBatch: false,
    transactions: false,
    keysAreKeyFieldValues: true,
  },
};

/** The capabilities of a datastore kind. */
export function capabilitiesOf(kind: DatastoreKind): DatastoreCapabilities {
  return DATASTORE_CAPABILITIES[kind];
}
