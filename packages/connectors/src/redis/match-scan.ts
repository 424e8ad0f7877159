import { normaliseIdentity } from '@pledge/core';
import type { MatchSpec } from '../match.js';
import type { CollectionRef } from '../types.js';
import { type RedisEntry, redisRow } from './ops.js';
import { idOfKey, type KeyPattern } from './pattern.js';

function hit(spec: MatchSpec, wanted: ReadonlySet<string>, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const text = normaliseIdentity(spec.rule, value);
  return text !== null && wanted.has(text);
}

/** Keys of a scanned page whose id part, normalised by the rule, is one of `wanted`. */
export function idHits(
  p: KeyPattern,
  page: readonly string[],
  spec: MatchSpec,
  wanted: ReadonlySet<string>,
): string[] {
  return page.filter((key) => hit(spec, wanted, idOfKey(p, key)));
}

/** Keys of fetched entries whose `field` (any member of a set), normalised by the rule, is one of `wanted`. */
export function fieldHits(
  collection: CollectionRef,
  p: KeyPattern,
  entries: readonly RedisEntry[],
  field: string,
  spec: MatchSpec,
  wanted: ReadonlySet<string>,
): string[] {
  return entries
    .filter((entry) => {
      const value = redisRow(entry, collection, p.placeholder, '', p.valueField, [field])?.[field];
      return (Array.isArray(value) ? value : [value]).some((v) => hit(spec, wanted, v));
    })
    .map((entry) => entry.key);
}
