import { ConnectorError } from '../errors.js';
import { matchSpec } from '../match.js';
import { type ResolvedPlan, refuseKeyRewrite, resolvePlan } from '../plan.js';
import type {
  CollectionRef,
  DescribedCall,
  StatementDescription,
  StatementOperation,
  StatementRepeat,
} from '../types.js';
import { checkField, checkFields, pathOf } from '../validate.js';
import { indexFor } from './index-set.js';
import type { KeyPattern } from './pattern.js';

/**
 * The fields of the index sets an erasure must update: every declared index when keys are
 * deleted, else those whose field the erasure rewrites. Checks each index's declaration.
 */
export function indexesErased(collection: CollectionRef, resolved: ResolvedPlan): string[] {
  const fields = (collection.indexes ?? []).map((index) => String(index?.field));
  const erased = resolved.deleteRow
    ? fields
    : fields.filter((field) => resolved.updates.some((u) => u.field === field));
  for (const field of erased) indexFor(collection, field);
  return erased;
}

/** The statement texts the Redis connector records, so its calls and `describe` say the same. */
export const REDIS_TEXT = {
  exists: 'EXISTS (pipeline)',
  members: 'SMEMBERS (pipeline)',
  unindex: 'SREM (pipeline)',
  unindexDel: 'EVAL unindex-del',
  scan: 'SCAN MATCH',
  match: 'EVAL match',
  fetch: 'EVAL fetch',
  apply: 'EVAL apply',
  pick: 'EVAL pick',
  del: 'DEL',
} as const;

type Describe = (operation: StatementOperation, text: string, per: StatementRepeat) => StatementDescription;

/**
 * The statements a Redis call sends for one batch, after the same checks as the call: see
 * {@link RedisConnector} for what each runs.
 */
export function describeRedis(
  collection: CollectionRef,
  p: KeyPattern,
  call: DescribedCall,
  d: Describe,
): StatementDescription[] {
  switch (call.operation) {
    case 'locate': {
      const field = checkField(collection, call.field, 'where.field', [p.placeholder]);
      if (matchSpec(call).normaliseColumn) {
        const scan = d('locate', REDIS_TEXT.scan, 'page');
        return field === p.placeholder ? [scan] : [scan, d('locate', REDIS_TEXT.fetch, 'page')];
      }
      if (field === p.placeholder) return [d('locate', REDIS_TEXT.exists, 'batch')];
      if (indexFor(collection, field))
        return [d('locate', REDIS_TEXT.members, 'batch'), d('locate', REDIS_TEXT.match, 'batch')];
      return [d('locate', REDIS_TEXT.scan, 'page'), d('locate', REDIS_TEXT.match, 'page')];
    }
    case 'read':
      checkFields(collection, call.fields, [p.placeholder]);
      return [d('read', REDIS_TEXT.fetch, 'batch')];
    case 'erase': {
      const resolved = resolvePlan(collection, call.plan, null, [p.placeholder]);
      refuseKeyRewrite(resolved, p.placeholder, "is the key's id: keep it or delete the key");
      if (!resolved.deleteRow && resolved.updates.length === 0) return [];
      const unindexed = indexesErased(collection, resolved);
      const picks = unindexed.map(() => d('erase', REDIS_TEXT.pick, 'batch'));
      const srem = unindexed.length > 0 ? [d('erase', REDIS_TEXT.unindex, 'batch')] : [];
      if (resolved.deleteRow)
        return [d('erase', unindexed.length > 0 ? REDIS_TEXT.unindexDel : REDIS_TEXT.del, 'batch')];
      const computed = resolved.updates.some((u) => u.strategy !== 'null');
      return [
        ...picks,
        ...(computed ? [d('erase', REDIS_TEXT.fetch, 'batch')] : []),
        d('erase', REDIS_TEXT.apply, 'batch'),
        ...srem,
      ];
    }
    case 'rectify':
      call.fields.forEach((field, i) => {
        const path = pathOf('values', field, i);
        checkField(collection, field, path);
        if (field === p.placeholder) {
          throw new ConnectorError(
            'strategy-unsupported',
            `${path} is the key's id and cannot be rectified`,
            path,
          );
        }
      });
      return call.fields.length === 0 ? [] : [d('rectify', REDIS_TEXT.apply, 'batch')];
    case 'lookup':
      throw new ConnectorError('operation-unsupported', 'lookup is for SQL connectors: locate, then read');
    case 'count':
      checkField(collection, call.anchorField, 'anchorField');
      return [d('count', REDIS_TEXT.scan, 'page'), d('count', REDIS_TEXT.pick, 'page')];
  }
}
