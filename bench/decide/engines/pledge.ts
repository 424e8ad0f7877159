import { decide, decideIndexed } from '@pledge/decide';
import type { BenchWorld, Engine } from './types.js';

/** Pledge's fast path: purpose index, prebuilt category mask, `decideIndexed`. */
export function pledgeIndexed(world: BenchWorld): Engine {
  const { policy, states } = world;
  const { subject, purpose, masks, count } = world.requests;
  return {
    name: 'Pledge decideIndexed',
    encoding: 'compiled manifest + SubjectState from subjectStateFromEvents; indexes and category mask',
    answer(i) {
      const d = decideIndexed(policy, purpose[i]!, masks[i]!, states[subject[i]!]!);
      return { allowed: d.allowed, reasons: d.reasons };
    },
    batch(offset, n) {
      let sum = 0;
      for (let k = 0; k < n; k++) {
        const i = (offset + k) % count;
        const d = decideIndexed(policy, purpose[i]!, masks[i]!, states[subject[i]!]!);
        sum += (d.allowed ? 1 : 2) + d.reasons[0]!.length;
      }
      return sum;
    },
  };
}

/** Pledge's general entry point: purpose and category ids, `decide`. */
export function pledgeById(world: BenchWorld): Engine {
  const { policy, states } = world;
  const { subject, byId, count } = world.requests;
  return {
    name: 'Pledge decide (ids)',
    encoding: 'same as above; request as { purpose: id, categories: [ids] }',
    answer(i) {
      const d = decide(policy, byId[i]!, states[subject[i]!]!);
      return { allowed: d.allowed, reasons: d.reasons };
    },
    batch(offset, n) {
      let sum = 0;
      for (let k = 0; k < n; k++) {
        const i = (offset + k) % count;
        const d = decide(policy, byId[i]!, states[subject[i]!]!);
        sum += (d.allowed ? 1 : 2) + d.reasons[0]!.length;
      }
      return sum;
    },
  };
}
