import { describe, expect, it } from 'vitest';
import { LEGAL_BASIS_CODES, SLOT_COUNT } from '../src/codes.js';
import { denied } from '../src/decision.js';
import { O_GUARDIAN, O_GUIDANCE, O_SENSITIVE } from '../src/evaluate.js';
import { DENY_BITS, DENY_REASONS, denyReasonsOf } from '../src/reasons.js';
import { shop } from './helpers.js';

describe('decision caches', () => {
  it('return the right deny decision for every key, past the size of the cache and its collisions', () => {
    const ats = [-1, ...Array.from({ length: shop.purposes.ids.length * SLOT_COUNT }, (_, at) => at)];
    const wrong: string[] = [];
    // 43 purpose × slot indexes × 255 deny sets: about ten keys per cache slot, asked twice.
    for (let round = 0; round < 2; round++) {
      for (let bits = 1; bits < 1 << 8; bits++) {
        for (const at of ats) {
          const decision = denied(shop, at, bits << 4);
          const basis = at < 0 ? undefined : LEGAL_BASIS_CODES[shop.purpose.legalBasis[at]!];
          const reasons = denyReasonsOf(bits << 4).join();
          if (decision.legalBasis !== basis || decision.reasons.join() !== reasons)
            wrong.push(`${at}/${bits}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keep the evaluation facts above every deny bit', () => {
    expect(DENY_BITS).toBe(2 ** DENY_REASONS.length - 1);
    for (const fact of [O_GUARDIAN, O_GUIDANCE, O_SENSITIVE]) expect(fact & DENY_BITS).toBe(0);
    expect(O_GUIDANCE).toBe(O_GUARDIAN * 2);
  });
});
