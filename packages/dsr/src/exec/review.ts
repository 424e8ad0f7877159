import type { Manifest } from '@pledge/core';
import type { Plan } from '../plan/types.js';
import type { Located } from './locate.js';
import { rootSteps } from './roots.js';

/** How many root rows a request's identity matched, per root collection: counts only, never values. */
export interface RootsMatched {
  /** Root rows matched in all, the count a confirmation must name. */
  total: number;
  collections: Array<{ dataset: string; collection: string; matched: number }>;
  /** More than one row of some root collection: the identity names more than one subject. */
  ambiguous: boolean;
}

/** The root rows the located keys hold. */
export function rootsMatched(
  plan: Pick<Plan, 'steps'>,
  manifest: Manifest,
  located: ReadonlyMap<number, Located>,
): RootsMatched {
  const collections = rootSteps(plan, manifest).map((step) => ({
    dataset: step.dataset,
    collection: step.collection,
    matched: located.get(step.index)?.keys.length ?? 0,
  }));
  return {
    total: collections.reduce((n, c) => n + c.matched, 0),
    collections,
    ambiguous: collections.some((c) => c.matched > 1),
  };
}
