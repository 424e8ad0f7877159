import type { Plan } from '../plan/types.js';

/** How many plans the cache remembers. */
const CACHE_SIZE = 64;

/** Plans with their JSON, by manifest hash and planning options (a plan is pure in them). */
const plans = new Map<string, { plan: Plan; json: string }>();

/**
 * The plan of `key` (the manifest's content hash and the planning options), made by `build` the
 * first time and then kept: a worker answering many requests against one manifest plans and
 * serialises each kind once. Callers must not change the plan returned.
 */
export function cachedPlan(key: string, build: () => Plan): { plan: Plan; json: string } {
  const known = plans.get(key);
  if (known) return known;
  const plan = build();
  const entry = { plan, json: JSON.stringify(plan) };
  plans.set(key, entry);
  if (plans.size > CACHE_SIZE) plans.delete(plans.keys().next().value as string);
  return entry;
}
