import type { Clock, QueueSpec, Recurring } from '@pledge/jobs';
import type { Kysely } from 'kysely';
import type PgBoss from 'pg-boss';
import { migrateNotify } from '../migrations/notify-migrations.js';
import { type ImapProblem, imapConfigFromEnv } from './imap-config.js';
import { type ImapPollOptions, type ImapPollResult, pollImapOnce } from './imap-poll.js';
import type { InboundMessage } from './inbound-store.js';

/** The pg-boss queue of mailbox polls. */
export const IMAP_POLL_QUEUE = 'pledge-notify-imap-poll';

/** The queue to create with `openBoss` (a poll that fails is simply the next one's work). */
export const IMAP_POLL_QUEUE_SPEC: QueueSpec = { name: IMAP_POLL_QUEUE, retryLimit: 0, expireInSeconds: 300 };

/** The name of the recurring schedule of polls. */
export const IMAP_POLL_SCHEDULE = 'notify-imap-poll';

/** How the server starts polling the mailbox of `PLEDGE_INBOUND_IMAP_URL`. */
export interface ImapPollingOptions<T> {
  db: Kysely<T>;
  /** The pg-boss the server runs; the poll queue is created when missing. */
  boss: PgBoss;
  /** The server's recurring jobs (something must tick them: `recurring.start()`). */
  recurring: Recurring;
  /** Where `PLEDGE_INBOUND_IMAP_URL` is read. */
  env: Record<string, string | undefined>;
  /** Time between polls; default one minute. */
  everyMs?: number;
  clock?: Clock;
  /** Called with each failed poll's problem (for the server's log: it holds no credentials). */
  onProblem?: (problem: ImapProblem) => void;
  onMessage?: (message: InboundMessage) => void;
  /** How often the worker looks for queued polls, in seconds (default 2). */
  pollingIntervalSeconds?: number;
}

/**
 * Polling that runs; {@link stop} stops this process's worker and waits for a poll under way
 * (the schedule stays; pg-boss marks the job done unless it is stopped first without `graceful`).
 */
export interface ImapPolling {
  /** The mailbox polled, without credentials. */
  mailbox: string;
  stop(): Promise<void>;
}

/**
 * The one call a server makes: reads `PLEDGE_INBOUND_IMAP_URL`; when it is set, creates the
 * tables and the queue, schedules a poll every `everyMs` as a durable recurring job, and
 * works the queue. Not set: `polling` is undefined (and an earlier schedule is removed).
 * A malformed URL is a problem naming the setting.
 */
export async function startImapPolling<T>(
  options: ImapPollingOptions<T>,
): Promise<{ ok: true; polling: ImapPolling | undefined } | { ok: false; problem: ImapProblem }> {
  const read = imapConfigFromEnv(options.env);
  if (!read.ok) return read;
  const config = read.config;
  if (!config) {
    await options.recurring.remove(IMAP_POLL_SCHEDULE);
    return { ok: true, polling: undefined };
  }
  await migrateNotify(options.db);
  const { boss } = options;
  if (!(await boss.getQueue(IMAP_POLL_QUEUE))) await boss.createQueue(IMAP_POLL_QUEUE, IMAP_POLL_QUEUE_SPEC);
  await scheduleImapPoll(options.recurring, options.everyMs);
  const poll: ImapPollOptions<T> = {
    db: options.db,
    config,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.onMessage ? { onMessage: options.onMessage } : {}),
  };
  let running: Promise<ImapPollResult | undefined> = Promise.resolve(undefined);
  const workerId = await boss.work(
    IMAP_POLL_QUEUE,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 10 },
    async () => {
      // Polls queued together would read the same messages: one poll serves them all.
      running = pollImapOnce(poll);
      const result = await running;
      if (result && !result.ok) options.onProblem?.(result.problem);
    },
  );
  return {
    ok: true,
    polling: {
      mailbox: `${config.host}:${config.port}/${config.mailbox}`,
      async stop() {
        await boss.offWork({ id: workerId });
        await running.catch(() => {});
      },
    },
  };
}

/** Schedules a poll every `everyMs` (default one minute) as a durable recurring job. */
export function scheduleImapPoll(recurring: Recurring, everyMs = 60_000) {
  return recurring.define({ name: IMAP_POLL_SCHEDULE, queue: IMAP_POLL_QUEUE, everyMs });
}

/** Runs the polls queued now (tests call it after a tick, instead of a worker). */
export async function runImapJobs<T>(boss: PgBoss, poll: ImapPollOptions<T>): Promise<ImapPollResult[]> {
  const jobs = await boss.fetch(IMAP_POLL_QUEUE, { batchSize: 10 });
  if (jobs.length === 0) return [];
  const result = await pollImapOnce(poll);
  await boss.complete(
    IMAP_POLL_QUEUE,
    jobs.map((j) => j.id),
  );
  return [result];
}
