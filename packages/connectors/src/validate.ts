import { valueError } from './errors.js';
import type { CollectionRef, Key, Scalar, Where } from './types.js';

const sqlIdentifier = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;
const safeName = /^[A-Za-z0-9_$-]+$/;

/** `base.name` when `name` is a plain word, else `base[index]`, so a path never echoes odd input. */
export function pathOf(base: string, name: string, index: number): string {
  return safeName.test(name) ? `${base}.${name}` : `${base}[${index}]`;
}

/** Whether `name` is a SQL identifier Pledge accepts: letters, digits, `_`, `$`; at most 63 characters. */
export function isSqlIdentifier(name: unknown): name is string {
  return typeof name === 'string' && sqlIdentifier.test(name);
}

const checkedSql = new WeakSet<CollectionRef>();

/**
 * Checks that a SQL collection's table (`table` or `schema.table`), primary key and
 * field names are identifiers, so none can smuggle SQL into a statement.
 */
export function checkSqlCollection(collection: CollectionRef): void {
  if (checkedSql.has(collection)) return;
  const parts = typeof collection.name === 'string' ? collection.name.split('.') : [];
  if (parts.length < 1 || parts.length > 2 || !parts.every(isSqlIdentifier)) {
    throw valueError('identifier-invalid', 'collection.name', 'is not a valid table name');
  }
  if (collection.primaryKey === undefined) {
    throw valueError('identifier-invalid', 'collection.primaryKey', 'is required for a SQL table');
  }
  const key = collection.primaryKey;
  const columns = typeof key === 'string' ? [key] : Array.isArray(key) ? key : [];
  if (columns.length === 0 || (typeof key !== 'string' && columns.length < 2)) {
    throw valueError(
      'identifier-invalid',
      'collection.primaryKey',
      'must be a column or at least two columns',
    );
  }
  columns.forEach((column, i) => {
    if (!isSqlIdentifier(column)) {
      const path = typeof key === 'string' ? 'collection.primaryKey' : `collection.primaryKey[${i}]`;
      throw valueError('identifier-invalid', path, 'is not a valid column name');
    }
  });
  collection.fields.forEach((field, i) => {
    if (!isSqlIdentifier(field.name)) {
      throw valueError('identifier-invalid', `collection.fields[${i}].name`, 'is not a valid column name');
    }
  });
  checkedSql.add(collection);
}

/** `parse` with its result kept per collection object, so each collection is parsed and checked once. */
export function perCollection<T>(parse: (collection: CollectionRef) => T): (collection: CollectionRef) => T {
  const cache = new WeakMap<CollectionRef, T>();
  return (collection) => {
    let parsed = cache.get(collection);
    if (parsed === undefined) {
      parsed = parse(collection);
      cache.set(collection, parsed);
    }
    return parsed;
  };
}

/** Declared field names of a collection, with its primary key. */
export function fieldNames(collection: CollectionRef): Set<string> {
  const names = new Set(collection.fields.map((f) => f.name));
  for (const column of keyColumns(collection)) names.add(column);
  return names;
}

/** The key columns a collection declares: none, its primary key, or each column of a composite key. */
export function keyColumns(collection: CollectionRef): readonly string[] {
  const key = collection.primaryKey;
  if (typeof key === 'string') return key === '' ? [] : [key];
  return Array.isArray(key) ? key : [];
}

/** Returns `name` when it is a declared field of `collection` (or in `extra`), else throws naming `path`. */
export function checkField(
  collection: CollectionRef,
  name: unknown,
  path: string,
  extra: readonly string[] = [],
): string {
  if (typeof name !== 'string' || !(fieldNames(collection).has(name) || extra.includes(name))) {
    throw valueError('field-unknown', path, 'is not a declared field of the collection');
  }
  return name;
}

/** Checks the fields asked for by `read`, returning them. */
export function checkFields(
  collection: CollectionRef,
  fields: readonly string[] | undefined,
  extra: readonly string[] = [],
): string[] | undefined {
  return fields?.map((name, i) => checkField(collection, name, pathOf('fields', String(name), i), extra));
}

/** Checks that keys are strings or finite numbers. */
export function checkKeys(keys: readonly Key[]): void {
  keys.forEach((key, i) => {
    if (!(typeof key === 'string' || (typeof key === 'number' && Number.isFinite(key)))) {
      throw valueError('value-invalid', `keys[${i}]`, 'must be a string or a finite number');
    }
  });
}

/** Stand-in keys for a described batch: `options.keys` of them (default 1), checked. */
export function describedKeys(options: { keys?: number }): number[] {
  const n = checkBatchSize(options.keys ?? 1, 'options.keys');
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** Checks a batch size: a positive integer. */
export function checkBatchSize(size: number, path: string): number {
  if (!Number.isInteger(size) || size < 1)
    throw valueError('value-invalid', path, 'must be a positive integer');
  return size;
}

/** Checks the values of a `where`: strings or finite numbers (bigints too), returned without duplicates. */
export function checkWhereValues(where: Where): Array<string | number | bigint> {
  if (!Array.isArray(where.values)) throw valueError('value-invalid', 'where.values', 'must be an array');
  where.values.forEach((value, i) => {
    const ok = typeof value === 'string' || typeof value === 'bigint' || Number.isFinite(value);
    if (!ok) throw valueError('value-invalid', `where.values[${i}]`, 'must be a string or a number');
  });
  return distinct(where.values);
}

/** Checks a value to write: a string, number, bigint, boolean, valid date or null. */
export function checkScalar(value: unknown, path: string): Scalar {
  const ok =
    value === null ||
    ['string', 'number', 'bigint', 'boolean'].includes(typeof value) ||
    (value instanceof Date && !Number.isNaN(value.getTime()));
  if (!ok) throw valueError('value-invalid', path, 'must be a string, number, boolean, date or null');
  return value as Scalar;
}

/** Checks that `value` is a valid date, returning it. */
export function checkDate(value: unknown, path: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw valueError('value-invalid', path, 'must be a valid date');
  }
  return value;
}

/** Splits `items` into consecutive batches of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Distinct values, first occurrence order. */
export function distinct<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}
