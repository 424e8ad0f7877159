import { compilePolicy } from '@pledge/decide';
import { createRandom } from '../lib/random.js';
import type { BenchWorld } from './engines/types.js';
import { policyFacts, subjectFacts } from './facts.js';
import { benchmarkManifest } from './manifest.js';
import { buildRequests, buildStates } from './population.js';

/** The seed of every run's population and request stream. */
const SEED = 0x5eed;

/**
 * The benchmark's world: one generated policy, a random population of `subjects` and a stream
 * of `requests`. Seeded, so a worker thread that builds it again gets the very same world.
 */
export function buildWorld(subjects: number, requests: number): BenchWorld {
  const random = createRandom(SEED);
  const manifest = benchmarkManifest();
  const policy = compilePolicy(manifest);
  const facts = policyFacts(manifest, policy);
  const states = buildStates(random, facts, policy, subjects);
  return {
    manifest,
    policy,
    facts,
    states,
    subjects: states.map((state) => subjectFacts(state, facts)),
    requests: buildRequests(random, facts, policy, subjects, requests),
  };
}
