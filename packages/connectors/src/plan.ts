import { ERASURE_STRATEGIES, type ErasureStrategy } from '@pledge/core';
import { ConnectorError, valueError } from './errors.js';
import { HASH_LENGTH } from './strategies.js';
import type { CollectionRef, ColumnInfo, EraseOptions, ErasurePlan } from './types.js';
import { checkField, pathOf } from './validate.js';

/** A strategy that rewrites a field in place: every strategy but `delete-row` and `keep`. */
export type FieldStrategy = Exclude<ErasureStrategy, 'delete-row' | 'keep'>;

/** A field and what to do with it. */
export interface FieldUpdate {
  field: string;
  strategy: FieldStrategy;
}

/** An erasure plan after validation: delete the rows, or update some fields (none: nothing to do). */
export interface ResolvedPlan {
  deleteRow: boolean;
  updates: FieldUpdate[];
  /** Set when a field is hashed. */
  secret: string | undefined;
}

export type { ColumnInfo } from './types.js';

const strategies = new Set<string>(ERASURE_STRATEGIES);

/**
 * Validates a plan against a collection: fields must be declared, strategies known,
 * `keep` may not meet `delete-row` (a held field cannot survive its row being deleted),
 * and hashing needs a secret. `options` null: the plan is only described, with no secret.
 */
export function resolvePlan(
  collection: CollectionRef,
  plan: ErasurePlan,
  options: EraseOptions | undefined | null,
  extra: readonly string[] = [],
): ResolvedPlan {
  if (typeof plan !== 'object' || plan === null)
    throw valueError('value-invalid', 'plan', 'must be an object');
  let deleteRow = false;
  const kept: string[] = [];
  const updates: FieldUpdate[] = [];
  Object.entries(plan).forEach(([field, strategy], i) => {
    const path = pathOf('plan', field, i);
    checkField(collection, field, path, extra);
    if (!strategies.has(strategy)) throw valueError('value-invalid', path, 'is not an erasure strategy');
    if (strategy === 'delete-row') deleteRow = true;
    else if (strategy === 'keep') kept.push(path);
    else updates.push({ field, strategy });
  });
  if (deleteRow && kept.length > 0) {
    throw valueError('strategy-conflict', kept[0] ?? 'plan', 'is kept but the plan deletes the row');
  }
  const hashes = !deleteRow && updates.some((u) => u.strategy === 'hash');
  const secret = options === null ? '' : options?.secret;
  if (options !== null && hashes && (typeof secret !== 'string' || secret.length === 0)) {
    throw valueError('secret-missing', 'options.secret', 'is required to hash a field');
  }
  return { deleteRow, updates: deleteRow ? [] : updates, secret: hashes ? secret : undefined };
}

/**
 * Refuses a plan that rewrites `field`, the part of a row that is its key: that field can only
 * be kept or go with its row. `problem` completes the message after the field's path.
 */
export function refuseKeyRewrite(
  resolved: ResolvedPlan,
  field: string | readonly string[] | undefined,
  problem: string,
): void {
  const fields: readonly (string | undefined)[] =
    typeof field === 'string' || field === undefined ? [field] : field;
  const onKey = resolved.updates.find((u) => fields.includes(u.field));
  if (!onKey) return;
  const path = pathOf('plan', onKey.field, 0);
  throw new ConnectorError('strategy-unsupported', `${path} ${problem}`, path);
}

/** Refuses updates a column cannot take: mask and hash need text, hash needs room for its 69 characters. */
export function checkColumnTypes(
  updates: readonly FieldUpdate[],
  columns: ReadonlyMap<string, ColumnInfo>,
): void {
  for (const { field, strategy } of updates) {
    const column = columns.get(field);
    const path = pathOf('plan', field, 0);
    if (!column) throw valueError('field-unknown', path, 'is not a column of the table');
    if (strategy !== 'mask' && strategy !== 'hash') continue;
    if (column.type !== 'text') {
      throw new ConnectorError(
        'strategy-unsupported',
        `${path} cannot ${strategy} a ${column.type} column`,
        path,
      );
    }
    if (strategy === 'hash' && column.maxLength !== null && column.maxLength < HASH_LENGTH) {
      throw new ConnectorError(
        'strategy-unsupported',
        `${path} cannot hash into a column shorter than ${HASH_LENGTH} characters`,
        path,
      );
    }
  }
}
