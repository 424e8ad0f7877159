import { percentile } from '../lib/timing.js';
import type { LaneRun, Phase } from './lane.js';
import type { StatementCounts } from './probe.js';

/** One measured round: the same phases on a Pledge subject and on its baseline twin. */
export interface Round {
  round: number;
  /** Which lane went first (they alternate). */
  first: 'pledge' | 'baseline';
  pledgeSubject: number;
  baselineSubject: number;
  pledge: Record<Phase, LaneRun>;
  baseline: Record<Phase, LaneRun>;
}

/** Figures of one phase (or the total) over the measured rounds. */
export interface PhaseFigures {
  /** Median, ms. */
  pledgeMs: number;
  pledgeP95Ms: number;
  baselineMs: number;
  baselineP95Ms: number;
  /** pledgeMs / baselineMs (medians). */
  ratio: number;
  /** Rows, keys and files touched per subject (median; both lanes touch the same number). */
  rows: number;
  /** Datastore statements per subject (mean): SQL statements, Redis round trips, file-system calls. */
  pledgeStatements: StatementCounts;
  baselineStatements: StatementCounts;
  /** Queries on Pledge's own store per subject (mean): job and step bookkeeping. */
  pledgeStoreQueries: number;
  /**
   * The same medians without the time spent waiting on Redis (mostly the SCAN both lanes
   * need to find an account's sessions, which grows with the keyspace): Pledge's own
   * overhead shows more clearly.
   */
  pledgeExRedisMs: number;
  baselineExRedisMs: number;
  ratioExRedis: number;
  /**
   * Time outside the datastores (median of each request's time less its waits on PostgreSQL,
   * Redis and files): Pledge's own work (planning, job state, JSON, package) against the
   * script's (its package and loops).
   */
  pledgeOutsideMs: number;
  baselineOutsideMs: number;
  ratioOutside: number;
  /** Time waiting on each datastore per subject (median), ms. */
  pledgeDatastoreMs: Record<string, number>;
  baselineDatastoreMs: Record<string, number>;
  /** Samples, ms, in round order. */
  pledgeSamplesMs: number[];
  baselineSamplesMs: number[];
}

/** Where Pledge's time went in one phase, medians per request, ms. */
export interface BreakdownFigures {
  totalMs: number;
  storeQueries: number;
  storeMs: number;
  connects: number;
  connectMs: number;
  datastoreMs: number;
  /** The same per connector kind. */
  datastoreMsByKind: Record<string, number>;
  /** Wall time with a datastore call in flight (calls overlap). */
  datastoreWallMs: number;
  /** The rest: planning, JSON (manifest and plan copied into the request row), package, JavaScript. */
  otherMs: number;
  /** Connector statements by operation (mean). */
  byOperation: Record<string, number>;
  /** Store queries by statement (mean). */
  storeByQuery: Record<string, number>;
}

const median = (values: readonly number[]) => percentile(values, 50);
const mean = (values: readonly number[]) =>
  values.length === 0
    ? Number.NaN
    : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;

function statementsOf(runs: readonly LaneRun[]): StatementCounts {
  return {
    sql: mean(runs.map((r) => r.statements.sql)),
    redis: mean(runs.map((r) => r.statements.redis)),
    files: mean(runs.map((r) => r.statements.files)),
  };
}

/** Wall time a run spent with a datastore call in flight. */
function wallOf(r: LaneRun): number {
  return (
    r.datastoreWallMs ?? ['postgres', 'redis', 'files'].reduce((sum, kind) => sum + (r.kindMs[kind] ?? 0), 0)
  );
}

function sum(a: LaneRun, b: LaneRun): LaneRun {
  const kinds = new Set([...Object.keys(a.kindMs), ...Object.keys(b.kindMs)]);
  return {
    ms: a.ms + b.ms,
    datastoreWallMs: wallOf(a) + wallOf(b),
    kindMs: Object.fromEntries([...kinds].map((k) => [k, (a.kindMs[k] ?? 0) + (b.kindMs[k] ?? 0)])),
    rows: a.rows + b.rows,
    perCollection: {},
    statements: {
      sql: a.statements.sql + b.statements.sql,
      redis: a.statements.redis + b.statements.redis,
      files: a.statements.files + b.statements.files,
    },
    ...(a.breakdown && b.breakdown
      ? {
          breakdown: {
            storeQueries: a.breakdown.storeQueries + b.breakdown.storeQueries,
            storeMs: a.breakdown.storeMs + b.breakdown.storeMs,
            storeByQuery: {},
            connectMs: a.breakdown.connectMs + b.breakdown.connectMs,
            connects: a.breakdown.connects + b.breakdown.connects,
            datastoreMs: a.breakdown.datastoreMs + b.breakdown.datastoreMs,
            datastoreMsByKind: {},
            datastoreWallMs: a.breakdown.datastoreWallMs + b.breakdown.datastoreWallMs,
            byOperation: {},
            statements: { sql: 0, redis: 0, files: 0 },
          },
        }
      : {}),
  };
}

function kindMedians(runs: readonly LaneRun[]): Record<string, number> {
  return Object.fromEntries(
    ['postgres', 'redis', 'files'].map((k) => [k, round2(median(runs.map((r) => r.kindMs[k] ?? 0)))]),
  );
}

/** The runs of one lane for a phase, or access + erasure added per subject for `total`. */
export function runsOf(
  rounds: readonly Round[],
  lane: 'pledge' | 'baseline',
  phase: Phase | 'total',
): LaneRun[] {
  return rounds.map((r) => (phase === 'total' ? sum(r[lane].access, r[lane].erase) : r[lane][phase]));
}

export function phaseFigures(rounds: readonly Round[], phase: Phase | 'total'): PhaseFigures {
  const pledge = runsOf(rounds, 'pledge', phase);
  const baseline = runsOf(rounds, 'baseline', phase);
  const pledgeMs = median(pledge.map((r) => r.ms));
  const baselineMs = median(baseline.map((r) => r.ms));
  const exRedis = (runs: readonly LaneRun[]) => median(runs.map((r) => r.ms - (r.kindMs.redis ?? 0)));
  const outside = (runs: readonly LaneRun[]) => median(runs.map((r) => r.ms - wallOf(r)));
  const pledgeOutsideMs = outside(pledge);
  const baselineOutsideMs = outside(baseline);
  const pledgeExRedisMs = exRedis(pledge);
  const baselineExRedisMs = exRedis(baseline);
  return {
    pledgeMs: round2(pledgeMs),
    pledgeP95Ms: round2(
      percentile(
        pledge.map((r) => r.ms),
        95,
      ),
    ),
    baselineMs: round2(baselineMs),
    baselineP95Ms: round2(
      percentile(
        baseline.map((r) => r.ms),
        95,
      ),
    ),
    ratio: round2(pledgeMs / baselineMs),
    rows: median(pledge.map((r) => r.rows)),
    pledgeStatements: statementsOf(pledge),
    baselineStatements: statementsOf(baseline),
    pledgeExRedisMs: round2(pledgeExRedisMs),
    baselineExRedisMs: round2(baselineExRedisMs),
    ratioExRedis: round2(pledgeExRedisMs / baselineExRedisMs),
    pledgeOutsideMs: round2(pledgeOutsideMs),
    baselineOutsideMs: round2(baselineOutsideMs),
    ratioOutside: round2(pledgeOutsideMs / baselineOutsideMs),
    pledgeStoreQueries: mean(pledge.map((r) => r.breakdown?.storeQueries ?? 0)),
    pledgeDatastoreMs: kindMedians(pledge),
    baselineDatastoreMs: kindMedians(baseline),
    pledgeSamplesMs: pledge.map((r) => round2(r.ms)),
    baselineSamplesMs: baseline.map((r) => round2(r.ms)),
  };
}

export function breakdownFigures(rounds: readonly Round[], phase: Phase | 'total'): BreakdownFigures {
  const runs = runsOf(rounds, 'pledge', phase);
  const pick = (f: (r: LaneRun) => number) => round2(median(runs.map(f)));
  const operations = new Set(runs.flatMap((r) => Object.keys(r.breakdown?.byOperation ?? {})));
  const queries = new Set(runs.flatMap((r) => Object.keys(r.breakdown?.storeByQuery ?? {})));
  return {
    totalMs: pick((r) => r.ms),
    storeQueries: pick((r) => r.breakdown?.storeQueries ?? 0),
    storeMs: pick((r) => r.breakdown?.storeMs ?? 0),
    connects: pick((r) => r.breakdown?.connects ?? 0),
    connectMs: pick((r) => r.breakdown?.connectMs ?? 0),
    datastoreMs: pick((r) => r.breakdown?.datastoreMs ?? 0),
    datastoreMsByKind: Object.fromEntries(
      ['postgres', 'redis', 'files'].map((kind) => [
        kind,
        pick((r) => r.breakdown?.datastoreMsByKind[kind] ?? 0),
      ]),
    ),
    datastoreWallMs: pick((r) => r.breakdown?.datastoreWallMs ?? 0),
    otherMs: pick(
      (r) =>
        r.ms - (r.breakdown ? r.breakdown.storeMs + r.breakdown.connectMs + r.breakdown.datastoreWallMs : 0),
    ),
    byOperation: Object.fromEntries(
      [...operations].sort().map((op) => [op, mean(runs.map((r) => r.breakdown?.byOperation[op] ?? 0))]),
    ),
    storeByQuery: Object.fromEntries(
      [...queries]
        .map((q) => [q, mean(runs.map((r) => r.breakdown?.storeByQuery[q] ?? 0))] as const)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    ),
  };
}
