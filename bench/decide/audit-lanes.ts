import { decideIndexed } from '@pledge/decide';
import { AccessRecorder } from '@pledge/sdk';
import { subjectHash } from '@pledge/store';
import { type LoopTiming, nowNs, percentile, sinceNs } from '../lib/timing.js';
import type { BenchWorld } from './engines/types.js';

/** Figures of the audit lanes: the same decisions with and without counting the access. */
export interface AuditLanes {
  /** Requests of the stream whose decision carries a `log-access` obligation. */
  requests: number;
  without: LoopTiming;
  with: LoopTiming;
  /** Median over paired slices of (time with − time without) / time without. */
  slowdown: number;
  /** Accesses the recorder lost (it must be none). */
  lost: number;
  /** Distinct subject × purpose keys in the lane (the table holds twice as many). */
  keys: number;
}

/**
 * Times the decisions that carry a `log-access` obligation twice, in paired slices: `decideIndexed`
 * alone, and `decideIndexed` followed by what the SDK does for such a decision (find the
 * obligation, count the access per subject, purpose and minute in the `AccessRecorder`).
 * Shipping happens off the hot path (here: a sink that drops the batches, between rounds).
 */
export function timeAuditLanes(
  world: BenchWorld,
  size: { warmupMs: number; measureMs: number; rounds: number; minBatches: number },
): AuditLanes | undefined {
  const { policy, states } = world;
  const { subject, purpose, masks, count } = world.requests;
  const picked: number[] = [];
  for (let i = 0; i < count; i++) {
    const d = decideIndexed(policy, purpose[i]!, masks[i]!, states[subject[i]!]!);
    if (d.obligations.some((o) => o.kind === 'log-access')) picked.push(i);
  }
  if (picked.length === 0) return undefined;
  const lane = Int32Array.from(picked);
  const hashes = states.map((_, s) => subjectHash('bench-subject-key', `subject-${s}`));
  const ids = policy.purposes.ids;
  const keys = new Set(picked.map((i) => subject[i]! * 1024 + purpose[i]!)).size;
  const recorder = new AccessRecorder({
    // Sized as `createPledge({ audit: { capacity } })` should be: twice the distinct subject ×
    // purpose keys one flush interval meets (here the whole lane), so the steady state is
    // increments. A synchronous loop never yields to the flush; a server does between requests.
    capacity: keys * 2,
    flushMs: 3_600_000,
    ship: async () => undefined,
    onError: () => undefined,
  });
  const n = lane.length;
  const without = (offset: number, k: number): number => {
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const i = lane[(offset + j) % n]!;
      const d = decideIndexed(policy, purpose[i]!, masks[i]!, states[subject[i]!]!);
      sum += d.obligations.length;
    }
    return sum;
  };
  const withAudit = (offset: number, k: number): number => {
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const i = lane[(offset + j) % n]!;
      const d = decideIndexed(policy, purpose[i]!, masks[i]!, states[subject[i]!]!);
      const obligations = d.obligations;
      for (let o = 0; o < obligations.length; o++) {
        if (obligations[o]!.kind === 'log-access') {
          recorder.note(subject[i]! + 1, hashes[subject[i]!]!, purpose[i]!, ids, 1);
          break;
        }
      }
      sum += obligations.length;
    }
    return sum;
  };
  // Paired slices: each pair times the same requests both ways, in alternating order, and the
  // slowdown is the median of the pairs' ratios, so load from elsewhere on the machine (which
  // hits whole slices) cancels out instead of landing on one lane.
  const warmEnd = Date.now() + size.warmupMs;
  let checksum = 0;
  while (Date.now() < warmEnd) checksum += without(0, n) + withAudit(0, n);
  const pairs = Math.max(size.minBatches, Math.round(size.measureMs / 10));
  const ratios: number[] = [];
  const timesWithout: number[] = [];
  const timesWith: number[] = [];
  const timed = (fn: (offset: number, k: number) => number): number => {
    const started = nowNs();
    checksum += fn(0, n);
    return sinceNs(started);
  };
  for (let p = 0; p < pairs; p++) {
    const first = p % 2 === 0;
    const a = first ? timed(without) : 0;
    const b = timed(withAudit);
    const c = first ? a : timed(without);
    timesWithout.push(c / n);
    timesWith.push(b / n);
    ratios.push(b / c);
  }
  void recorder.close();
  const summary = (perCall: number[]): LoopTiming => {
    const total = perCall.reduce((x, y) => x + y, 0) * n;
    return {
      operations: perCall.length * n,
      batches: perCall.length,
      batchSize: n,
      elapsedNs: total,
      operationsPerSec: (perCall.length * n) / (total / 1e9),
      p50Ns: percentile(perCall, 50),
      p99Ns: percentile(perCall, 99),
      checksum,
    };
  };
  const a = summary(timesWithout);
  const b = summary(timesWith);
  return {
    requests: n,
    without: a,
    with: b,
    slowdown: percentile(ratios, 50) - 1,
    lost: recorder.lost,
    keys,
  };
}
