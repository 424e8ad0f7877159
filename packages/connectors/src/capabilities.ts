import { type DatastoreKind, ERASURE_STRATEGIES } from '@pledge/core';
import type { DatastoreCapabilities } from './types.js';

/** The datastore kinds served by SQL: statements per batch, a primary key per table. */
export type SqlKind = Extract<DatastoreKind, 'postgres' | 'mysql' | 'sqlite'>;

const placeholder = /\{[A-Za-z_][A-Za-z0-9_]*\}/;

const sql = (kind: SqlKind): DatastoreCapabilities => ({
  kind,
  // A composite key has no one field: its label names the columns, and no reference targets it.
  keyField: (collection) =>
    typeof collection.primaryKey === 'string' ? collection.primaryKey : collection.primaryKey?.join(','),
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
