import type { QueueSpec, Recurring, ScheduleState } from '@pledge/jobs';
import type PgBoss from 'pg-boss';
import type { Notifier } from '../notifier/notifier.js';
import type { DeliveryRound } from './deliver.js';

/** The pg-boss queue of outbox delivery rounds. */
export const OUTBOX_QUEUE = 'pledge-notify-outbox';

/** The queue to create with `openBoss` (a round is cheap; one that fails is simply the next one's work). */
export const OUTBOX_QUEUE_SPEC: QueueSpec = { name: OUTBOX_QUEUE, retryLimit: 0, expireInSeconds: 300 };

/**
 * Schedules a delivery round every `everyMs` as a durable recurring job (stored in the
 * database: it survives restarts and fires once per slot whichever process ticks).
 */
export function scheduleOutbox(recurring: Recurring, everyMs = 15_000): Promise<ScheduleState> {
  return recurring.define({ name: 'notify-outbox', queue: OUTBOX_QUEUE, everyMs });
}

/** Runs the delivery rounds queued now (a worker's loop body; tests call it after a tick). */
export async function runOutboxJobs(boss: PgBoss, notifier: Notifier): Promise<DeliveryRound[]> {
  const jobs = await boss.fetch(OUTBOX_QUEUE, { batchSize: 10 });
  const rounds: DeliveryRound[] = [];
  if (jobs.length === 0) return rounds;
  // Rounds queued together would find the same due messages: one round serves them all.
  rounds.push(await notifier.deliverDue());
  await boss.complete(
    OUTBOX_QUEUE,
    jobs.map((j) => j.id),
  );
  return rounds;
}

/** Works the outbox queue with pg-boss until `boss.offWork(OUTBOX_QUEUE)`; returns the worker id. */
export function workOutbox(boss: PgBoss, notifier: Notifier, pollingIntervalSeconds = 2): Promise<string> {
  return boss.work(OUTBOX_QUEUE, { pollingIntervalSeconds, batchSize: 10 }, async () => {
    await notifier.deliverDue();
  });
}
