import type { Row } from '@pledge/connectors';

/** A value as JSON holds it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A stored value as JSON: dates as ISO-8601, big integers as decimal text, bytes as
 * `{ base64 }`; objects and arrays recursively.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Uint8Array) return { base64: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toJsonValue(v)]),
    );
  }
  return String(value);
}

/** A row with every value as JSON. */
export function toJsonRow(row: Row): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toJsonValue(v)]));
}

/** Values a later step can locate by: strings and numbers, without nulls or repeats. */
export function referenceValues(values: readonly unknown[]): Array<string | number> {
  const out = new Set<string | number>();
  for (const v of values) {
    if (typeof v === 'string' || typeof v === 'number') out.add(v);
    else if (typeof v === 'bigint') out.add(v.toString());
  }
  return [...out];
}
