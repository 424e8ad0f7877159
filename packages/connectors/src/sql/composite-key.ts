import { valueError } from '../errors.js';
import type { Key, Row } from '../types.js';

/** Decodes composite keys (the JSON text of their tuples) of `width` values, refusing others. */
export function keyTuples(keys: readonly unknown[], width: number): unknown[][] {
  return keys.map((key, i) => {
    let tuple: unknown;
    try {
      tuple = typeof key === 'string' ? JSON.parse(key) : null;
    } catch {
      tuple = null;
    }
    const ok =
      Array.isArray(tuple) &&
      tuple.length === width &&
      tuple.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));
    if (!ok) throw valueError('value-invalid', `keys[${i}]`, 'is not a key of the composite primary key');
    return tuple as unknown[];
  });
}

/** The key of a located row: its `k`, or for a composite key the JSON text of `k0`, `k1`, ... */
export function keyOfRow(row: Row, width: number): Key {
  if (width === 1) return row.k as Key;
  const tuple = Array.from({ length: width }, (_, i) => {
    const v = row[`k${i}`];
    return typeof v === 'bigint' ? v.toString() : v;
  });
  return JSON.stringify(tuple);
}

/** The key of a row read with its key columns under their own names (see {@link keyOfRow}). */
export function keyOfTable(row: Row, columns: readonly string[]): Key {
  if (columns.length === 1) return row[columns[0] as string] as Key;
  return JSON.stringify(
    columns.map((c) => {
      const v = row[c];
      return typeof v === 'bigint' ? v.toString() : v;
    }),
  );
}
