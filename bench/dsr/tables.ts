import { formatCount, formatRatio } from '../lib/table.js';
import type { BenchTable } from '../lib/types.js';
import type { BreakdownFigures, PhaseFigures } from './figures.js';
import type { Phase } from './lane.js';
import type { StatementCounts } from './probe.js';
import type { World } from './world.js';

interface StoreFigures {
  store: string;
  phases: Record<Phase | 'total', PhaseFigures>;
  breakdown: Record<Phase, BreakdownFigures>;
}

interface QueueFigures {
  runs: ReadonlyArray<{ subject: number; accessMs: number; eraseMs: number }>;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const statements = (s: StatementCounts) => `${s.sql} / ${s.redis} / ${s.files}`;

/** The printed tables: Pledge against the baseline per store and phase, where Pledge's time goes, the queue. */
export function dsrTables(
  world: World,
  stores: readonly StoreFigures[],
  queue: QueueFigures | null,
): BenchTable[] {
  const main: BenchTable = {
    title:
      `DSR of one subject, camera-app at scale ${formatCount(world.scale)}: ` +
      `${formatCount(world.totals.all)} rows in the datastores (${formatCount(world.totals.sqlRows)} SQL rows, ` +
      `${formatCount(world.totals.redisKeys)} Redis keys, ${formatCount(world.totals.files)} files)`,
    columns: [
      'store',
      'phase',
      'rows',
      'Pledge p50',
      'Pledge p95',
      'baseline p50',
      'baseline p95',
      'ratio',
      'ratio w/o redis',
      'outside datastores P / B',
      'outside ratio',
      'Pledge sql/redis/fs',
      'store queries',
      'baseline sql/redis/fs',
    ],
    rows: stores.flatMap((s) =>
      (['access', 'erase', 'total'] as const).map((phase) => {
        const f = s.phases[phase];
        return [
          s.store,
          phase,
          formatCount(f.rows),
          ms(f.pledgeMs),
          ms(f.pledgeP95Ms),
          ms(f.baselineMs),
          ms(f.baselineP95Ms),
          formatRatio(f.ratio),
          formatRatio(f.ratioExRedis),
          `${ms(f.pledgeOutsideMs)} / ${ms(f.baselineOutsideMs)}`,
          formatRatio(f.ratioOutside),
          statements(f.pledgeStatements),
          formatCount(f.pledgeStoreQueries),
          statements(f.baselineStatements),
        ];
      }),
    ),
  };
  const breakdown: BenchTable = {
    title: "Where Pledge's time goes (medians per request)",
    columns: [
      'store',
      'phase',
      'total',
      'store queries',
      'store time',
      'connect+close',
      'datastore calls (wall)',
      'pg / redis / fs (sums)',
      'other',
    ],
    rows: stores.flatMap((s) =>
      (['access', 'erase'] as const).map((phase) => {
        const b = s.breakdown[phase];
        return [
          s.store,
          phase,
          ms(b.totalMs),
          formatCount(b.storeQueries),
          ms(b.storeMs),
          ms(b.connectMs),
          ms(b.datastoreWallMs),
          ['postgres', 'redis', 'files'].map((k) => (b.datastoreMsByKind[k] ?? 0).toFixed(1)).join(' / '),
          ms(b.otherMs),
        ];
      }),
    ),
  };
  const waits: BenchTable = {
    title: 'Time waiting on the datastores per request (medians; ms)',
    columns: [
      'store',
      'phase',
      'Pledge pg',
      'Pledge redis',
      'Pledge fs',
      'baseline pg',
      'baseline redis',
      'baseline fs',
    ],
    rows: stores.flatMap((s) =>
      (['access', 'erase'] as const).map((phase) => {
        const f = s.phases[phase];
        const cells = (m: Record<string, number>) =>
          ['postgres', 'redis', 'files'].map((k) => (m[k] ?? 0).toFixed(1));
        return [s.store, phase, ...cells(f.pledgeDatastoreMs), ...cells(f.baselineDatastoreMs)];
      }),
    ),
  };
  const first = stores[0];
  const labels = first
    ? [
        ...new Set([
          ...Object.keys(first.breakdown.access.storeByQuery),
          ...Object.keys(first.breakdown.erase.storeByQuery),
        ]),
      ]
    : [];
  const queries: BenchTable = {
    title: 'Pledge store queries per request, by statement (medians)',
    columns: ['statement', 'access', 'erase'],
    rows: labels.map((label) => [
      label,
      formatCount(first?.breakdown.access.storeByQuery[label] ?? 0),
      formatCount(first?.breakdown.erase.storeByQuery[label] ?? 0),
    ]),
  };
  const tables = [main, breakdown, waits, queries];
  if (queue) {
    tables.push({
      title: 'Through the queue (submit, pg-boss worker, wait; PGlite store)',
      columns: ['subject', 'access', 'erase'],
      rows: queue.runs.map((q) => [String(q.subject), ms(q.accessMs), ms(q.eraseMs)]),
    });
  }
  return tables;
}

/** One size of a multi-size run, as {@link sizeTable} prints it. */
export interface SizeFigures {
  scale: number;
  rows: number;
  stores: ReadonlyArray<{
    store: string;
    keepConnections: boolean;
    phases: Record<Phase | 'total', PhaseFigures>;
  }>;
}

/** Access plus erasure per subject at each size, per store: times and ratios side by side. */
export function sizeTable(sizes: readonly SizeFigures[]): BenchTable {
  return {
    title: 'Access plus erasure of one subject, by size (medians; P = Pledge, B = the hand-written script)',
    columns: [
      'scale',
      'rows in the datastores',
      'store',
      'Pledge p50',
      'Pledge p95',
      'baseline p50',
      'ratio',
      'outside datastores P / B',
      'outside ratio',
      'store queries',
    ],
    rows: sizes.flatMap((size) =>
      size.stores
        .filter((s) => s.keepConnections)
        .map((s) => {
          const f = s.phases.total;
          return [
            formatCount(size.scale),
            formatCount(size.rows),
            s.store,
            ms(f.pledgeMs),
            ms(f.pledgeP95Ms),
            ms(f.baselineMs),
            formatRatio(f.ratio),
            `${ms(f.pledgeOutsideMs)} / ${ms(f.baselineOutsideMs)}`,
            formatRatio(f.ratioOutside),
            formatCount(f.pledgeStoreQueries),
          ];
        }),
    ),
  };
}
