/** Monotonic clock in nanoseconds. */
export function nowNs(): bigint {
  return process.hrtime.bigint();
}

/** Nanoseconds elapsed since `start`, as a number. */
export function sinceNs(start: bigint): number {
  return Number(process.hrtime.bigint() - start);
}

/** A batch runner: does `count` operations starting at `offset`, returns a checksum (kept so work is not optimised away). */
export type BatchFn = (offset: number, count: number) => number;

/** Throughput and per-call latency of one timed loop. */
export interface LoopTiming {
  /** Operations timed (warm-up excluded). */
  operations: number;
  /** Batches timed. */
  batches: number;
  /** Operations per batch. */
  batchSize: number;
  /** Wall time of the timed batches, ns. */
  elapsedNs: number;
  operationsPerSec: number;
  /** Per-call latency (batch time / batch size) percentiles over the batches, ns. */
  p50Ns: number;
  p99Ns: number;
  checksum: number;
}

export interface LoopOptions {
  /** Operations available (offsets wrap around modulo this). */
  universe: number;
  /** Warm-up time, ms. */
  warmupMs: number;
  /** Target duration of one batch, ms (the batch size is calibrated to it). */
  batchMs?: number;
}

/** A timed loop that can be measured in several slices (see {@link timeInterleaved}). */
export interface Loop {
  /** Times batches for `ms` milliseconds, and at least `minBatches` batches. */
  measure(ms: number, minBatches: number): void;
  result(): LoopTiming;
}

/**
 * Prepares a timed loop over `fn`: calibrates a batch size so one batch takes about
 * `batchMs`, then warms up. Per-call latency is each batch's time divided by its size (a
 * single call is too short for the clock), so p50/p99 are over batches.
 */
export function createLoop(fn: BatchFn, options: LoopOptions): Loop {
  const batchMs = options.batchMs ?? 2;
  let checksum = 0;
  let offset = 0;
  const step = (count: number): number => {
    const start = nowNs();
    checksum = (checksum + fn(offset, count)) | 0;
    const elapsed = sinceNs(start);
    offset = (offset + count) % options.universe;
    return elapsed;
  };

  let batchSize = 1;
  for (;;) {
    const elapsed = step(batchSize);
    if (elapsed >= batchMs * 1e6 || batchSize >= 1 << 20) break;
    batchSize =
      elapsed < 1e5
        ? batchSize * 8
        : Math.max(batchSize + 1, Math.round((batchSize * batchMs * 1e6) / elapsed));
  }
  const warmupEnd = Date.now() + options.warmupMs;
  while (Date.now() < warmupEnd) step(batchSize);

  const perCall: number[] = [];
  let elapsedNs = 0;
  return {
    measure(ms, minBatches) {
      let spent = 0;
      let batches = 0;
      while (spent < ms * 1e6 || batches < minBatches) {
        const elapsed = step(batchSize);
        spent += elapsed;
        batches++;
        perCall.push(elapsed / batchSize);
      }
      elapsedNs += spent;
    },
    result() {
      const operations = perCall.length * batchSize;
      return {
        operations,
        batches: perCall.length,
        batchSize,
        elapsedNs,
        operationsPerSec: operations / (elapsedNs / 1e9),
        p50Ns: percentile(perCall, 50),
        p99Ns: percentile(perCall, 99),
        checksum,
      };
    },
  };
}

/**
 * Times several loops in `rounds` interleaved slices (a slice of each loop per round), so
 * a burst of load from elsewhere on the machine hits every loop alike and ratios between
 * them stay fair. Each loop gets `measureMs` in total and at least `minBatches` batches.
 */
export function timeInterleaved(
  loops: readonly Loop[],
  options: { measureMs: number; rounds: number; minBatches: number },
): LoopTiming[] {
  const rounds = Math.max(1, options.rounds);
  for (let round = 0; round < rounds; round++) {
    for (const loop of loops)
      loop.measure(options.measureMs / rounds, Math.ceil(options.minBatches / rounds));
  }
  return loops.map((loop) => loop.result());
}

/** The `p`th percentile (nearest rank) of `values`; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
