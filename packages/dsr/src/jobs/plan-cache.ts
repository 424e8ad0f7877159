import { createHash } from 'node:crypto';
import type { Plan } from '../plan/types.js';

/** How many plans the cache remembers. */
const CACHE_SIZE = 64;

/** A plan with its JSON (as stored with a request) and the hash of that JSON. */
export interface CachedPlan {
  plan: Plan;
  json: string;
  hash: string;
}

/** Plans with their JSON, by manifest hash and planning options (a plan is pure in them). */
const plans = new Map<string, CachedPlan>();
/** The same plans by the hash of their JSON: how a request names the plan it stores. */
const byHash = new Map<string, CachedPlan>();

/** The hash a request stores beside its plan: of the plan's JSON, byte for byte. */
export function planHash(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/**
 * The plan of `key` (the manifest's content hash and the planning options), made by `build` the
 * first time and then kept: a worker answering many requests against one manifest plans and
 * serialises each kind once. Callers must not change the plan returned.
 */
export function cachedPlan(key: string, build: () => Plan): CachedPlan {
  const known = plans.get(key);
  if (known) return known;
  const plan = build();
  const json = JSON.stringify(plan);
  const entry = { plan, json, hash: planHash(json) };
  plans.set(key, entry);
  byHash.set(entry.hash, entry);
  if (plans.size > CACHE_SIZE) {
    const oldest = plans.keys().next().value as string;
    const dropped = plans.get(oldest);
    plans.delete(oldest);
    if (dropped && ![...plans.values()].some((p) => p.hash === dropped.hash)) byHash.delete(dropped.hash);
  }
  return entry;
}

/**
 * The plan whose JSON has `hash`, when this process planned it: a request's stored plan is not
 * read back then (it is the same JSON). Callers must not change the plan returned.
 */
export function planOfHash(hash: string | null): Plan | undefined {
  return hash === null ? undefined : byHash.get(hash)?.plan;
}

/** Hashes of the plans this process holds (see {@link planOfHash}). */
export function knownPlanHashes(): string[] {
  return [...byHash.keys()];
}
