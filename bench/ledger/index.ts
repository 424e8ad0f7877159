import { openStore } from '@pledge/store';
import { createScratchDatabase, serviceAvailable, TEST_PG_URL } from '@pledge/testing';
import { createRandom } from '../lib/random.js';
import { formatCount, formatRatio } from '../lib/table.js';
import type { BenchOptions, BenchResult, BenchSize, BenchTable } from '../lib/types.js';
import { type BackendFigures, type BackendPlan, benchBackend } from './backend.js';
import { measureHashing } from './hashing.js';

const PLANS: Readonly<Record<BenchSize, BackendPlan & { hashing: number }>> = {
  tiny: { events: { 1: 20, 100: 300, 1000: 2_000 }, capMs: 5_000, rounds: 1, hashing: 1_000 },
  quick: { events: { 1: 200, 100: 4_000, 1000: 12_000 }, capMs: 4_500, rounds: 2, hashing: 20_000 },
  full: { events: { 1: 3_000, 100: 60_000, 1000: 200_000 }, capMs: 60_000, rounds: 4, hashing: 100_000 },
};

/** Targets the lead asked for on PostgreSQL (reported, not asserted). */
const TARGET_EVENTS_PER_SEC = 20_000;
const TARGET_RATIO = 0.5;

/**
 * Consent-ledger write throughput: `appendEvents` (hash chain, locked head, one
 * transaction per batch) against a raw multi-row INSERT of the same rows into a plain
 * table of the same shape, for batches of 1, 100 and 1000 events, on in-memory PGlite
 * and on PostgreSQL (a scratch database; skipped with a note when PostgreSQL is not
 * reachable, or with `--no-postgres`).
 */
export async function run(options: BenchOptions): Promise<BenchResult> {
  const plan = PLANS[options.size];
  const random = createRandom(0x1ed6e7);
  const notes: string[] = [];
  const backends: BackendFigures[] = [];

  options.log('PGlite (in memory)');
  const pglite = await openStore();
  try {
    backends.push(await benchBackend(pglite, plan, random, options.log));
  } finally {
    await pglite.close();
  }

  const url = new URL(TEST_PG_URL);
  const skipPostgres = options.flags['no-postgres'] === true;
  if (skipPostgres) notes.push('PostgreSQL skipped (--no-postgres)');
  else if (await serviceAvailable('PostgreSQL', url.hostname, Number(url.port || 5432))) {
    const scratch = await createScratchDatabase('pledge_bench');
    options.log(`PostgreSQL (scratch database ${scratch.name})`);
    const store = await openStore({ url: scratch.url });
    try {
      backends.push(await benchBackend(store, plan, random, options.log));
    } finally {
      await store.close();
      await scratch.drop();
    }
  } else {
    notes.push(
      `PostgreSQL skipped: not reachable at ${url.hostname}:${url.port || 5432} (PLEDGE_TEST_PG_URL)`,
    );
  }

  const hashing = measureHashing(random, plan.hashing);
  const postgres = backends.find((b) => b.backend === 'postgres');
  const best = postgres?.batches.reduce((a, b) => (b.eventsPerSec > a.eventsPerSec ? b : a));
  const targets = best
    ? {
        eventsPerSec: {
          target: `>= ${TARGET_EVENTS_PER_SEC} events/s on PostgreSQL (best batch size)`,
          actual: best.eventsPerSec,
          batchSize: best.batchSize,
          met: best.eventsPerSec >= TARGET_EVENTS_PER_SEC,
        },
        ratio: {
          target: `>= ${TARGET_RATIO} of the raw INSERT rate (same batch size)`,
          actual: best.ratio,
          batchSize: best.batchSize,
          met: best.ratio >= TARGET_RATIO,
        },
      }
    : undefined;
  if (targets) {
    notes.push(
      `PostgreSQL best (batch ${best!.batchSize}): ${formatCount(best!.eventsPerSec)} events/s (target >= ${formatCount(TARGET_EVENTS_PER_SEC)}: ${targets.eventsPerSec.met ? 'met' : 'MISSED'}), ${formatRatio(best!.ratio)} of raw (target >= ${TARGET_RATIO}: ${targets.ratio.met ? 'met' : 'MISSED'})`,
    );
  }
  notes.push(
    `hashing alone (HMAC subject hash ${hashing.subjectHashNs} ns + chain hash and UUID ${hashing.chainHashNs} ns per event) caps one core at ${formatCount(hashing.ceilingEventsPerSec)} events/s`,
  );
  for (const b of backends) {
    notes.push(
      `${b.backend}: chain verified ${b.verify.ok ? 'ok' : 'BROKEN'} over ${formatCount(b.verify.events)} events at ${formatCount(b.verify.eventsPerSec)} events/s; synchronous_commit=${b.synchronousCommit}`,
    );
  }

  const table: BenchTable = {
    title: 'Consent ledger appends (events/s)',
    columns: [
      'backend',
      'batch',
      'events',
      'appendEvents',
      'p50 batch',
      'p99 batch',
      'raw INSERT',
      'raw p50',
      'ratio',
      'raw unnest',
    ],
    rows: backends.flatMap((b) =>
      b.batches.map((x) => [
        b.backend,
        formatCount(x.batchSize),
        formatCount(x.events),
        formatCount(x.eventsPerSec),
        `${x.batchP50Ms.toFixed(2)} ms`,
        `${x.batchP99Ms.toFixed(2)} ms`,
        formatCount(x.rawEventsPerSec),
        `${x.rawBatchP50Ms.toFixed(2)} ms`,
        formatRatio(x.ratio),
        formatCount(x.unnestEventsPerSec),
      ]),
    ),
  };
  return {
    name: 'ledger',
    tables: [table],
    notes,
    results: { plan, backends, hashing, targets: targets ?? null },
  };
}
