import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type PgBoss from 'pg-boss';
import { transactionBossDb } from '../boss/boss-db.js';
import { type Clock, systemClock } from '../clock/clock.js';
import { migrateJobs } from '../migrate/jobs-migrations.js';
import { firstSlotFrom, nextSlotAfter } from './next-run.js';

/** A JSON object, the data a recurring job's runs carry. */
export type JobData = { [key: string]: JobValue };
type JobValue = string | number | boolean | null | JobValue[] | { [key: string]: JobValue };

/** A job to queue every `everyMs`, on slots counted from `startAt`. */
export interface RecurringJob {
  /** Stable name: defining it again updates it, never adds a second schedule. */
  name: string;
  /** The pg-boss queue each run is sent to (it must exist). */
  queue: string;
  everyMs: number;
  /** The first slot; default: the time of the first definition. */
  startAt?: Date;
  data?: JobData;
}

/** One run queued by a tick. */
export interface FiredRun {
  name: string;
  queue: string;
  /** The slot it ran for (the latest missed slot when several were missed). */
  dueAt: Date;
  /** The pg-boss job id. */
  jobId: string;
}

/** A stored schedule, as listed. */
export interface ScheduleState {
  name: string;
  queue: string;
  everyMs: number;
  anchorAt: Date;
  nextRunAt: Date;
  lastRunAt: Date | null;
  fired: number;
}

/** A running ticker; {@link stop} waits for a tick in progress. */
export interface Ticker {
  stop(): Promise<void>;
}

/** Recurring jobs kept in the database, so they survive restarts and fire once per slot. */
export interface Recurring {
  /** Creates or updates a schedule; an unchanged interval and anchor keep its next due time. */
  define(job: RecurringJob): Promise<ScheduleState>;
  /** Removes a schedule; returns whether it existed. */
  remove(name: string): Promise<boolean>;
  list(): Promise<ScheduleState[]>;
  /**
   * Queues one run of every schedule due at the clock's time and moves each to its next
   * slot, in one transaction per schedule: a run is queued exactly when its slot is
   * consumed, so ticks from several processes, or after a crash, never fire a slot twice.
   */
  tick(): Promise<FiredRun[]>;
  /** Ticks every `everyMs` (default 1000) until stopped; errors go to `onError`. */
  start(options?: { everyMs?: number; onError?: (error: unknown) => void }): Ticker;
}

interface ScheduleRow {
  name: string;
  queue: string;
  data: JobData;
  every_ms: number | string;
  anchor_at: Date;
  next_run_at: Date;
  last_run_at: Date | null;
  fired: number;
}

function toState(row: ScheduleRow): ScheduleState {
  return {
    name: row.name,
    queue: row.queue,
    everyMs: Number(row.every_ms),
    anchorAt: new Date(row.anchor_at),
    nextRunAt: new Date(row.next_run_at),
    lastRunAt: row.last_run_at ? new Date(row.last_run_at) : null,
    fired: row.fired,
  };
}

/**
 * Opens the recurring jobs of a database: migrates the schedule table and sends runs
 * through `boss`. Every time is read from `clock` (default the system clock), so tests move
 * a {@link ManualClock} and call {@link Recurring.tick} instead of waiting.
 */
export async function openRecurring<T>(
  db: Kysely<T>,
  boss: PgBoss,
  options: { clock?: Clock } = {},
): Promise<Recurring> {
  await migrateJobs(db);
  const clock = options.clock ?? systemClock;
  const select = sql`select name, queue, data, every_ms, anchor_at, next_run_at, last_run_at, fired
    from pledge_job_schedules`;

  /** Fires the schedule `name` if it is still due at `now`; undefined when another took it. */
  const fireOne = (name: string, now: Date): Promise<FiredRun | undefined> =>
    db.transaction().execute(async (trx) => {
      const { rows } = await sql<ScheduleRow>`${select}
        where name = ${name} and next_run_at <= ${now} for update skip locked`.execute(trx);
      const row = rows[0];
      if (!row) return undefined;
      const dueAt = nextSlotAfter(row.anchor_at, Number(row.every_ms), now);
      const slot = new Date(dueAt.getTime() - Number(row.every_ms));
      const jobId = await boss.send(row.queue, row.data, {
        db: transactionBossDb(trx),
        singletonKey: `${row.name}@${slot.toISOString()}`,
      });
      if (!jobId) throw new Error(`pg-boss did not queue a run of schedule ${row.name}`);
      await sql`update pledge_job_schedules set next_run_at = ${dueAt}, last_run_at = ${slot},
        fired = fired + 1, updated_at = now() where name = ${name}`.execute(trx);
      return { name: row.name, queue: row.queue, dueAt: slot, jobId };
    });

  const recurring: Recurring = {
    async define(job) {
      if (!(Number.isSafeInteger(job.everyMs) && job.everyMs > 0)) {
        throw new RangeError(`schedule ${job.name}: everyMs must be a positive whole number`);
      }
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const { rows } = await sql<ScheduleRow>`${select} where name = ${job.name} for update`.execute(trx);
        const existing = rows[0];
        const anchor = job.startAt ?? existing?.anchor_at ?? now;
        const unchanged =
          existing &&
          Number(existing.every_ms) === job.everyMs &&
          new Date(existing.anchor_at).getTime() === anchor.getTime();
        const next = unchanged ? existing.next_run_at : firstSlotFrom(anchor, job.everyMs, now);
        const data = JSON.stringify(job.data ?? {});
        const { rows: saved } = await sql<ScheduleRow>`insert into pledge_job_schedules
            (name, queue, data, every_ms, anchor_at, next_run_at)
          values (${job.name}, ${job.queue}, ${data}::jsonb, ${job.everyMs}, ${anchor}, ${next})
          on conflict (name) do update set queue = excluded.queue, data = excluded.data,
            every_ms = excluded.every_ms, anchor_at = excluded.anchor_at,
            next_run_at = excluded.next_run_at, updated_at = now()
          returning name, queue, data, every_ms, anchor_at, next_run_at, last_run_at, fired`.execute(trx);
        return toState(saved[0] as ScheduleRow);
      });
    },
    async remove(name) {
      const result = await sql`delete from pledge_job_schedules where name = ${name}`.execute(db);
      return Number(result.numAffectedRows ?? 0) > 0;
    },
    async list() {
      const { rows } = await sql<ScheduleRow>`${select} order by name`.execute(db);
      return rows.map(toState);
    },
    async tick() {
      const now = clock.now();
      const { rows } = await sql<{ name: string }>`select name from pledge_job_schedules
        where next_run_at <= ${now} order by next_run_at, name`.execute(db);
      const fired: FiredRun[] = [];
      for (const { name } of rows) {
        const run = await fireOne(name, now);
        if (run) fired.push(run);
      }
      return fired;
    },
    start(options = {}) {
      let running: Promise<unknown> = Promise.resolve();
      const timer = setInterval(() => {
        running = running.then(() => recurring.tick()).catch((error) => options.onError?.(error));
      }, options.everyMs ?? 1000);
      timer.unref();
      return {
        async stop() {
          clearInterval(timer);
          await running;
        },
      };
    },
  };
  return recurring;
}
