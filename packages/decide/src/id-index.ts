import type { IdIndex } from './policy.js';

/** Indexes entries by id in manifest order; a duplicated id keeps its first index. */
export function idIndex(entries: readonly { id: string }[]): IdIndex {
  const ids = Object.freeze(entries.map((entry) => entry.id));
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!index.has(id)) index.set(id, i);
  });
  return Object.freeze({ ids, index });
}

/** Indexes of the known ids among `ids`; unknown ids are skipped (lint reports them). */
export function knownIndexes(index: IdIndex, ids: readonly string[]): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const i = index.index.get(id);
    if (i !== undefined) out.push(i);
  }
  return out;
}
