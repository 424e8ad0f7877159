import { appendEvents, type Database, migrateToLatest, type Store, verifyLedger } from '@pledge/store';
import { type Kysely, sql } from 'kysely';
import type { Random } from '../lib/random.js';
import { nowNs, percentile, sinceNs } from '../lib/timing.js';
import { consentEvents, type RawDatabase, rawRows } from './events.js';

/** Rows per raw INSERT statement: the same limit `appendEvents` uses. */
const ROWS_PER_STATEMENT = 2000;

/** Figures for one batch size on one back end. */
export interface BatchFigures {
  batchSize: number;
  /** Events appended through `appendEvents` (may stop short of the plan at the time cap). */
  events: number;
  eventsPerSec: number;
  /** Per-call latency of `appendEvents`, ms. */
  batchP50Ms: number;
  batchP99Ms: number;
  rawEvents: number;
  rawEventsPerSec: number;
  rawBatchP50Ms: number;
  rawBatchP99Ms: number;
  /** eventsPerSec / rawEventsPerSec. */
  ratio: number;
  /** The same rows through one `INSERT ... SELECT FROM unnest(...)` with 18 array parameters. */
  unnestEventsPerSec: number;
  unnestBatchP50Ms: number;
}

export interface BackendFigures {
  backend: 'pglite' | 'postgres';
  server: string;
  synchronousCommit: string;
  batches: BatchFigures[];
  verify: { ok: boolean; events: number; eventsPerSec: number };
}

export interface BackendPlan {
  /** Events to append per batch size. */
  events: Readonly<Record<number, number>>;
  /** Stop a case after this long, ms. */
  capMs: number;
  /** Alternate ledger and raw slices this many times, so load elsewhere hits both alike. */
  rounds: number;
}

/**
 * Appends consent events through `appendEvents` (hash chain, head row locked FOR UPDATE,
 * one transaction per batch) and inserts the same rows into a plain table of the same
 * shape (`LIKE pledge_ledger_events INCLUDING ALL`: same columns, keys and indexes) with
 * one multi-row INSERT per batch, no transaction, no hashing, no lock; and the same rows
 * again through an unnest-based INSERT (one array parameter per column), the proposed
 * alternative to multi-row VALUES. Then verifies the chain.
 */
export async function benchBackend(
  store: Store,
  plan: BackendPlan,
  random: Random,
  log: (message: string) => void,
): Promise<BackendFigures> {
  const db = store.db;
  await migrateToLatest(db);
  await sql`CREATE TABLE bench_raw_events (LIKE pledge_ledger_events INCLUDING ALL)`.execute(db);
  await sql`CREATE TABLE bench_raw_unnest (LIKE pledge_ledger_events INCLUDING ALL)`.execute(db);
  const raw = db.withTables<RawDatabase>() as unknown as Kysely<RawDatabase>;
  const key = `bench-${random.int(1e9)}`;
  const server = String((await sql<{ v: string }>`SELECT version() AS v`.execute(db)).rows[0]?.v ?? '');
  const synchronousCommit = String(
    (await sql<{ s: string }>`SELECT current_setting('synchronous_commit') AS s`.execute(db)).rows[0]?.s ??
      '',
  );

  let rawSeq = 1;
  const insertRaw = async (rows: ReturnType<typeof rawRows>) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      await raw
        .insertInto('bench_raw_events')
        .values(rows.slice(i, i + ROWS_PER_STATEMENT))
        .execute();
    }
  };
  // Warm up both paths (connections, statement planning, JIT).
  const warm = consentEvents(random, 200);
  for (let i = 0; i < warm.length; i += 20) await appendEvents(db, key, warm.slice(i, i + 20));
  const warmRows = rawRows(warm, rawSeq);
  rawSeq += warmRows.length;
  for (let i = 0; i < warmRows.length; i += 20) {
    await insertRaw(warmRows.slice(i, i + 20));
    await insertUnnest(db, warmRows.slice(i, i + 20));
  }

  const batches: BatchFigures[] = [];
  for (const [size, planned] of Object.entries(plan.events).map(([k, v]) => [Number(k), v] as const)) {
    const events = consentEvents(random, planned);
    const rows = rawRows(events, rawSeq);
    rawSeq += rows.length;
    const ledger = lane();
    const base = lane();
    const unnest = lane();
    const perRound = Math.ceil(planned / size / plan.rounds) * size;
    const capNs = (plan.capMs * 1e6) / 3;
    for (let round = 0; round < plan.rounds; round++) {
      const from = round * perRound;
      const to = Math.min(planned, from + perRound);
      await timeSlices(ledger, from, to, size, capNs, (a, b) => appendEvents(db, key, events.slice(a, b)));
      await timeSlices(base, from, to, size, capNs, (a, b) => insertRaw(rows.slice(a, b)));
      await timeSlices(unnest, from, to, size, capNs, (a, b) => insertUnnest(db, rows.slice(a, b)));
    }
    const eventsPerSec = ledger.done / (ledger.ns / 1e9);
    const rawEventsPerSec = base.done / (base.ns / 1e9);
    batches.push({
      batchSize: size,
      events: ledger.done,
      eventsPerSec: Math.round(eventsPerSec),
      batchP50Ms: round3(percentile(ledger.latencies, 50)),
      batchP99Ms: round3(percentile(ledger.latencies, 99)),
      rawEvents: base.done,
      rawEventsPerSec: Math.round(rawEventsPerSec),
      rawBatchP50Ms: round3(percentile(base.latencies, 50)),
      rawBatchP99Ms: round3(percentile(base.latencies, 99)),
      ratio: eventsPerSec / rawEventsPerSec,
      unnestEventsPerSec: Math.round(unnest.done / (unnest.ns / 1e9)),
      unnestBatchP50Ms: round3(percentile(unnest.latencies, 50)),
    });
    log(
      `${store.kind} batch ${size}: ${Math.round(eventsPerSec)} events/s (raw ${Math.round(rawEventsPerSec)})`,
    );
  }

  const start = nowNs();
  const verification = await verifyLedger(db);
  const verifyNs = sinceNs(start);
  return {
    backend: store.kind,
    server,
    synchronousCommit,
    batches,
    verify: {
      ok: verification.ok,
      events: verification.events,
      eventsPerSec: Math.round(verification.events / (verifyNs / 1e9)),
    },
  };
}

interface Lane {
  done: number;
  ns: number;
  latencies: number[];
}

function lane(): Lane {
  return { done: 0, ns: 0, latencies: [] };
}

/** Runs `write` over `from..to` in slices of `size`, timing each, until the lane has spent `capNs`. */
async function timeSlices(
  lane: Lane,
  from: number,
  to: number,
  size: number,
  capNs: number,
  write: (start: number, end: number) => Promise<unknown>,
): Promise<void> {
  for (let i = from; i < to && lane.ns < capNs; i += size) {
    const end = Math.min(to, i + size);
    const start = nowNs();
    await write(i, end);
    const ns = sinceNs(start);
    lane.ns += ns;
    lane.done += end - i;
    lane.latencies.push(ns / 1e6);
  }
}

const COLUMNS = [
  ['seq', 'bigint'],
  ['id', 'uuid'],
  ['subject_hash', 'text'],
  ['type', 'text'],
  ['purposes', 'text'],
  ['categories', 'text'],
  ['consent_mode', 'text'],
  ['method', 'text'],
  ['source', 'text'],
  ['jurisdiction', 'text'],
  ['policy_version', 'text'],
  ['policy_hash', 'text'],
  ['notice_hash', 'text'],
  ['actor', 'text'],
  ['signal', 'text'],
  ['occurred_at', 'timestamptz'],
  ['recorded_at', 'timestamptz'],
  ['format', 'smallint'],
  ['prev_hash', 'text'],
  ['hash', 'text'],
] as const;

/** A PostgreSQL array literal of strings: `{"a","b"}`. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * The unnest alternative: one parameter per column (an array of that column's values)
 * instead of one per value. `text[]` columns travel as array literals and are cast back.
 */
async function insertUnnest(db: Kysely<Database>, rows: ReturnType<typeof rawRows>): Promise<void> {
  const columns = COLUMNS.map(([name, type]) => {
    const values = rows.map((row) => {
      const value = row[name];
      return Array.isArray(value) ? arrayLiteral(value as string[]) : value;
    });
    return sql`${values}::${sql.raw(type)}[]`;
  });
  const names = sql.raw(COLUMNS.map(([name]) => name).join(', '));
  const picks = sql.raw(
    COLUMNS.map(([name]) => (name === 'purposes' || name === 'categories' ? `${name}::text[]` : name)).join(
      ', ',
    ),
  );
  await sql`INSERT INTO bench_raw_unnest (${names}) SELECT ${picks} FROM unnest(${sql.join(columns)}) AS t(${names})`.execute(
    db,
  );
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
