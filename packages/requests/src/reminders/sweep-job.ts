import type { Recurring, ScheduleState } from '@pledge/jobs';
import type { Kysely } from 'kysely';
import type PgBoss from 'pg-boss';
import { type ReminderDelivery, sendReminders } from './send-reminders.js';
import { type SweepOptions, type SweepResult, sweepDeadlines } from './sweep-deadlines.js';

/** Options of the sweep jobs: the sweep's, and where its reminders go once recorded. */
export interface SweepJobOptions extends SweepOptions {
  /** The officer's outbox; omitted: reminders are only recorded as request events. */
  deliver?: ReminderDelivery;
}

/** One sweep, then its reminders through the outbox (after the sweep's transaction commits). */
async function sweepAndDeliver<T>(db: Kysely<T>, options: SweepJobOptions): Promise<SweepResult> {
  const result = await sweepDeadlines(db, options);
  if (options.deliver) await sendReminders(options.deliver, result.reminders, result.at);
  return result;
}

/** The pg-boss queue the deadline sweep runs on. */
export const DEADLINE_SWEEP_QUEUE = 'pledge-requests-deadlines';

/** The recurring schedule's stable name. */
export const DEADLINE_SWEEP_SCHEDULE = 'requests-deadline-sweep';

/**
 * Defines the recurring deadline sweep (default every 15 minutes). Defining it again at every
 * start-up keeps its next due time; the schedule lives in the database, so it survives restarts.
 */
export async function scheduleDeadlineSweep(
  recurring: Recurring,
  options: { everyMs?: number; startAt?: Date } = {},
): Promise<ScheduleState> {
  return recurring.define({
    name: DEADLINE_SWEEP_SCHEDULE,
    queue: DEADLINE_SWEEP_QUEUE,
    everyMs: options.everyMs ?? 15 * 60_000,
    ...(options.startAt ? { startAt: options.startAt } : {}),
  });
}

/**
 * Runs every queued sweep now, one after the other, and marks each run done (or failed, to be
 * retried by pg-boss). For a process that ticks the schedule itself, and for tests with a
 * manual clock.
 */
export async function drainDeadlineSweeps<T>(
  boss: PgBoss,
  db: Kysely<T>,
  options: SweepJobOptions = {},
): Promise<SweepResult[]> {
  const results: SweepResult[] = [];
  for (;;) {
    const jobs = await boss.fetch(DEADLINE_SWEEP_QUEUE, { batchSize: 10 });
    if (jobs.length === 0) return results;
    for (const job of jobs) {
      try {
        results.push(await sweepAndDeliver(db, options));
        await boss.complete(DEADLINE_SWEEP_QUEUE, job.id);
      } catch (error) {
        await boss.fail(DEADLINE_SWEEP_QUEUE, job.id, { message: 'deadline sweep failed' });
        throw error;
      }
    }
  }
}

/** Starts a pg-boss worker that runs each queued sweep; returns the worker id (for `boss.offWork`). */
export async function workDeadlineSweeps<T>(
  boss: PgBoss,
  db: Kysely<T>,
  options: SweepJobOptions = {},
): Promise<string> {
  return boss.work(DEADLINE_SWEEP_QUEUE, async () => {
    await sweepAndDeliver(db, options);
  });
}
