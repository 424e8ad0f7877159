import { type ConnectorFactory, connectorsFromEnv, type DsrQueue, type DsrWorker } from '@pledge/dsr';
import { openRecurring, type Ticker } from '@pledge/jobs';
import {
  type ImapPolling,
  type Notifier,
  OUTBOX_QUEUE_SPEC,
  scheduleOutbox,
  startImapPolling,
  workOutbox,
} from '@pledge/notify';
import { DEADLINE_SWEEP_QUEUE, scheduleDeadlineSweep, workDeadlineSweeps } from '@pledge/requests';
import type { FastifyBaseLogger } from 'fastify';
import type { Runtime } from '../runtime.js';

/** Options of {@link startBackgroundJobs}. */
export interface BackgroundJobsOptions {
  readonly rt: Runtime;
  readonly queue: DsrQueue;
  readonly notifier: Notifier;
  readonly log: FastifyBaseLogger;
  /** Connectors of the datasets; default from the environment variables the datasets name. */
  readonly connectors?: ConnectorFactory;
  /** How often idle workers poll, seconds (pg-boss minimum 0.5). */
  readonly pollingIntervalSeconds: number;
  /** PLEDGE_INBOUND_IMAP_URL (checked at start): the contact mailbox to poll; none, no polling. */
  readonly inboundImapUrl?: string;
  /** Time between two polls of the contact mailbox, ms; default one minute. */
  readonly inboundImapEveryMs?: number;
}

/** The running workers; {@link stop} ends them. */
export interface BackgroundJobs {
  stop(): Promise<void>;
}

/** The officer's e-mail address: the manifest's privacy officer contact, when it is an e-mail. */
function officerAddress(rt: Runtime): string | undefined {
  const { controller } = rt.engine.policy.manifest;
  const id = controller.privacyOfficer?.contact;
  const contact =
    controller.contacts.find((c) => c.id === id) ??
    controller.contacts.find((c) => c.uses.includes('rights'));
  return contact?.kind === 'email' ? contact.value : undefined;
}

/**
 * What `pledge dsr work` and the job workers do, in the server's process (with the embedded
 * database, the server is the only process): a DSR worker (taking queued DSR jobs and resuming
 * those whose worker died), the deadline sweep (recurring, reminders to the privacy officer),
 * and the outbox deliveries (recurring retries). Schedules live in the database, so a restart
 * keeps them.
 */
export async function startBackgroundJobs(options: BackgroundJobsOptions): Promise<BackgroundJobs> {
  const { rt, queue, notifier, log } = options;
  const boss = queue.boss;
  for (const spec of [{ name: DEADLINE_SWEEP_QUEUE }, OUTBOX_QUEUE_SPEC]) {
    if (!(await boss.getQueue(spec.name))) await boss.createQueue(spec.name, spec);
  }
  const durable = rt.store.kind === 'postgres' || Boolean(rt.store.dataDir);
  const worker: DsrWorker = await queue.work({
    subjectKey: rt.subjectKey,
    connectors: options.connectors ?? connectorsFromEnv(),
    pollingIntervalSeconds: options.pollingIntervalSeconds,
    ...(durable ? { audit: { kind: 'system' as const, id: 'server' } } : {}),
  });
  const recurring = await openRecurring(rt.store.db, boss);
  await scheduleDeadlineSweep(recurring);
  await scheduleOutbox(recurring);
  const to = officerAddress(rt);
  const sweepId = await workDeadlineSweeps(boss, rt.store.db, to ? { deliver: { notifier, to } } : {});
  const outboxId = await workOutbox(boss, notifier, options.pollingIntervalSeconds);
  const imap = await startImapPolling({
    db: rt.store.db,
    boss,
    recurring,
    env: { PLEDGE_INBOUND_IMAP_URL: options.inboundImapUrl },
    ...(options.inboundImapEveryMs ? { everyMs: options.inboundImapEveryMs } : {}),
    pollingIntervalSeconds: options.pollingIntervalSeconds,
    // The problem names the setting, host and mailbox: never credentials or contents.
    onProblem: (problem) => log.warn({ code: problem.code }, problem.message),
  });
  if (!imap.ok) log.error({ code: imap.problem.code }, imap.problem.message);
  const polling: ImapPolling | undefined = imap.ok ? imap.polling : undefined;
  const ticker: Ticker = recurring.start({
    everyMs: 1000,
    onError: (error) => log.error({ err: error }, 'background: schedule tick failed'),
  });
  return {
    async stop() {
      await ticker.stop();
      await polling?.stop();
      await boss.offWork({ id: sweepId });
      await boss.offWork({ id: outboxId });
      await worker.stop();
    },
  };
}
