import type { Answer, Engine } from './types.js';

/** A CASL rule as the lanes read it: allow unless inverted, with the reason it carries. */
export type DecisiveRule = { inverted: boolean; reason?: string | undefined } | null;

/**
 * The answer and batch functions both CASL lanes share: each lane finds the deciding rule of
 * request `i` its own way (that is what the lanes compare); reading the rule is the same.
 */
export function ruleLane(
  decisive: (i: number) => DecisiveRule,
  count: number,
): Pick<Engine, 'answer' | 'batch'> {
  return {
    answer(i): Answer {
      const rule = decisive(i);
      const allowed = rule !== null && !rule.inverted;
      return { allowed, reasons: [rule?.reason ?? 'deny.no-matching-rule'] };
    },
    batch(offset, n) {
      let sum = 0;
      for (let k = 0; k < n; k++) {
        const rule = decisive((offset + k) % count);
        sum += (rule !== null && !rule.inverted ? 1 : 2) + (rule?.reason?.length ?? 0);
      }
      return sum;
    },
  };
}
