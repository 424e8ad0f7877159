import { reasonRank, referenceDeny } from '../facts.js';
import type { BenchWorld, Engine } from './types.js';

/**
 * The floor: a hand-written lookup with everything precomputed per subject. For each
 * subject and purpose a Uint32Array bitset of the allowed categories and, per category,
 * the code of the first failing rule; a decision is one AND over the request's mask,
 * and a denial takes the lowest code among the denied categories.
 */
export function floorEngine(world: BenchWorld): Engine {
  const { facts, subjects } = world;
  const { subject, purpose, masks, count } = world.requests;
  const P = facts.purposes.length;
  const C = facts.categories.length;
  const W = Math.max(1, Math.ceil(C / 32));
  const codes: string[] = [...new Set(facts.purposes.map((p) => p.allowReason))];
  const allowCode = facts.purposes.map((p) => codes.indexOf(p.allowReason));
  const denyCodes = new Map<string, number>();
  const allowed = new Uint32Array(subjects.length * P * W);
  const denyCode = new Uint8Array(subjects.length * P * C);
  subjects.forEach((s, si) => {
    for (const p of facts.purposes) {
      const at = si * P + p.index;
      for (let c = 0; c < C; c++) {
        const reason = referenceDeny(p, s, c);
        if (reason === undefined) {
          allowed[at * W + (c >>> 5)]! |= 1 << (c & 31);
          continue;
        }
        let code = denyCodes.get(reason);
        if (code === undefined) {
          code = reasonRank(reason);
          denyCodes.set(reason, code);
        }
        denyCode[at * C + c] = code;
      }
    }
  });
  const denyNames: string[] = [];
  for (const [reason, code] of denyCodes) denyNames[code] = reason;

  /** Reason code: `< 0` is allow (`-1 - allow code`), otherwise the deny code. */
  const lookup = (i: number): number => {
    const at = subject[i]! * P + purpose[i]!;
    const mask = masks[i]!;
    let denied = 0;
    for (let w = 0; w < W; w++) denied |= mask[w]! & ~allowed[at * W + w]!;
    if (denied === 0) return -1 - allowCode[purpose[i]!]!;
    let best = 255;
    for (let w = 0; w < W; w++) {
      let m = (mask[w]! & ~allowed[at * W + w]!) >>> 0;
      while (m !== 0) {
        const low = m & -m;
        const c = w * 32 + 31 - Math.clz32(low);
        const code = denyCode[at * C + c]!;
        if (code < best) best = code;
        m = (m ^ low) >>> 0;
      }
    }
    return best;
  };

  return {
    name: 'bitset floor',
    encoding: 'per subject × purpose: allowed-category Uint32Array + per-category deny code (precomputed)',
    answer(i) {
      const code = lookup(i);
      return code < 0
        ? { allowed: true, reasons: [codes[-1 - code]!] }
        : { allowed: false, reasons: [denyNames[code] ?? 'unknown'] };
    },
    batch(offset, n) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += lookup((offset + k) % count);
      return sum;
    },
  };
}
