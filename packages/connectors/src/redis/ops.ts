import { ConnectorError, valueError } from '../errors.js';
import type { FieldStrategy, ResolvedPlan } from '../plan.js';
import { anonymiseValue, hashText, maskText } from '../strategies.js';
import type { CollectionRef, Row, Scalar } from '../types.js';
import { checkField, distinct, pathOf } from '../validate.js';

/** One key as the fetch script returns it. */
export interface RedisEntry {
  key: string;
  type: string;
  /** Hash: field/value pairs; string: the value; set: the members. */
  items: string[];
}

/** The operation the apply script runs on one key. */
interface RedisOp {
  del?: true;
  unset?: string[];
  set?: Record<string, string>;
  members?: string[];
}

function pairs(items: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i + 1 < items.length; i += 2) out.set(items[i] as string, items[i + 1] as string);
  return out;
}

/** A row from a fetched key: the id part under the placeholder's name, then fields. Null for a missing key. */
export function redisRow(
  entry: RedisEntry,
  collection: CollectionRef,
  placeholder: string,
  id: string,
  valueField: string | undefined,
  wanted: readonly string[] | undefined,
): Row | null {
  if (entry.type === 'none') return null;
  const out: Array<[string, unknown]> = [[placeholder, id]];
  if (entry.type === 'hash') {
    const current = pairs(entry.items);
    const declared = collection.fields.map((f) => f.name);
    const names = wanted ?? distinct([...declared, ...current.keys()]);
    for (const name of names) if (name !== placeholder) out.push([name, current.get(name) ?? null]);
  } else if (valueField !== undefined && (!wanted || wanted.includes(valueField))) {
    if (entry.type === 'string') out.push([valueField, entry.items[0] ?? null]);
    else if (entry.type === 'set') out.push([valueField, [...entry.items].sort()]);
    else out.push([valueField, null]);
  }
  // fromEntries defines own properties, so a hash field named __proto__ stays a plain field.
  return Object.fromEntries(out);
}

function transform(value: string, strategy: FieldStrategy, secret: string | undefined): string | null {
  if (strategy === 'mask') return maskText(value);
  if (strategy === 'hash') return hashText(value, secret ?? '');
  if (strategy === 'anonymise') {
    const out = anonymiseValue(value);
    return out === null ? null : String(out);
  }
  return null;
}

function opFor(entry: RedisEntry, plan: ResolvedPlan, valueField: string): RedisOp {
  if (entry.type === 'hash') {
    const current = pairs(entry.items);
    const op: Required<Pick<RedisOp, 'unset' | 'set'>> = { unset: [], set: Object.create(null) };
    for (const { field, strategy } of plan.updates) {
      const value = current.get(field);
      if (value === undefined) continue;
      const next = transform(value, strategy, plan.secret);
      if (next === null) op.unset.push(field);
      else if (next !== value) op.set[field] = next;
    }
    return op;
  }
  const update = plan.updates.find((u) => u.field === valueField);
  if (!update) return {};
  if (entry.type === 'string') {
    const value = entry.items[0];
    const next = value === undefined ? null : transform(value, update.strategy, plan.secret);
    return next === null ? { unset: [valueField] } : { set: Object.fromEntries([[valueField, next]]) };
  }
  if (entry.type === 'set') {
    const members = distinct(
      entry.items
        .map((m) => transform(m, update.strategy, plan.secret))
        .filter((m): m is string => m !== null),
    ).sort();
    if (members.length === 0) return { del: true };
    const same =
      members.length === entry.items.length && members.every((m, i) => m === [...entry.items].sort()[i]);
    return same ? {} : { members };
  }
  return {};
}

/**
 * The apply-script operations of an erasure batch: without fetched entries (null only)
 * the same unset for every key; with them, the rewritten values per key.
 */
export function redisOps(
  keys: readonly string[],
  entries: readonly RedisEntry[] | null,
  plan: ResolvedPlan,
  valueField: string,
): string[] {
  if (entries === null) {
    const op = JSON.stringify({ unset: plan.updates.map((u) => u.field) });
    return keys.map(() => op);
  }
  return entries.map((entry) => JSON.stringify(opFor(entry, plan, valueField)));
}

/** The apply-script operation of a rectification, or null when there is nothing to set. */
export function redisRectifyOp(
  collection: CollectionRef,
  values: Readonly<Record<string, Scalar>>,
  placeholder: string,
): string | null {
  if (typeof values !== 'object' || values === null)
    throw valueError('value-invalid', 'values', 'must be an object');
  const op: Required<Pick<RedisOp, 'unset' | 'set'>> = { unset: [], set: Object.create(null) };
  Object.entries(values).forEach(([field, value], i) => {
    const path = pathOf('values', field, i);
    checkField(collection, field, path);
    if (field === placeholder) {
      throw new ConnectorError(
        'strategy-unsupported',
        `${path} is the key's id and cannot be rectified`,
        path,
      );
    }
    if (value === null) op.unset.push(field);
    else if (value instanceof Date && !Number.isNaN(value.getTime())) op.set[field] = value.toISOString();
    else if (['string', 'number', 'bigint', 'boolean'].includes(typeof value)) op.set[field] = String(value);
    else throw valueError('value-invalid', path, 'must be a string, number, boolean, date or null');
  });
  return op.unset.length + Object.keys(op.set).length === 0 ? null : JSON.stringify(op);
}
