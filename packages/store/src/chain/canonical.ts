import { createHash } from 'node:crypto';
import type { ChainColumn, ChainInputValue, ChainRecord, ChainValue } from './types.js';

/** `prev_hash` of the first record of every chain. */
export const GENESIS_HASH = 'genesis';

/** The canonical record format of every chain (format 1 is the consent ledger's first one). */
export const CANONICAL_FORMAT = 2;

/**
 * A time in canonical form: UTC, microseconds, `Z` (`2026-01-01T00:00:00.123000Z`), the
 * precision PostgreSQL stores, so a one-microsecond edit changes the hash.
 */
export function canonicalTime(value: Date | string): string {
  if (typeof value === 'string') return value;
  return `${value.toISOString().slice(0, 23)}000Z`;
}

/** A value to append in the form it is stored and hashed. */
export function canonicalValue(column: ChainColumn, value: ChainInputValue | undefined): ChainValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return canonicalTime(value);
  if (column.type === 'timestamptz' && typeof value === 'string') return canonicalTime(new Date(value));
  return value;
}

/**
 * The canonical encoding (format 2): a JSON array of the chain's name, the format, then
 * `[column, value]` pairs for every stored column in a fixed order (the sequence number,
 * the codec's columns, the recording time and the previous hash). Only `hash` itself,
 * which is the digest of this text, is left out.
 */
export function canonicalEncoding(
  columns: readonly ChainColumn[],
): (record: ChainRecord, chain: string) => string {
  return (record, chain) =>
    JSON.stringify([
      chain,
      record.format,
      ['seq', record.seq],
      ...columns.map((c) => [c.name, record.values[c.name] ?? null]),
      ['recorded_at', record.recordedAt],
      ['prev_hash', record.prevHash],
    ]);
}

/** SHA-256 of a canonical text, in hex. */
export function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
