import type { ConnectorFactory, DsrQueue } from '@pledge/dsr';
import { openDsrQueue } from '@pledge/dsr';
import { createNotifier, type Notifier, type SmtpConfig } from '@pledge/notify';
import {
  approveExecution,
  getRequest,
  type RequestActor,
  type RequestRefusal,
  type RequestView,
  refusal,
} from '@pledge/requests';
import type { FastifyBaseLogger } from 'fastify';
import type { Runtime } from '../runtime.js';
import { awaitingApproval, type PlanSummary, planSummary } from './approval.js';
import { type BackgroundJobs, startBackgroundJobs } from './background-jobs.js';
import { DEFAULT_REQUEST_POLL_MS, type RequestRunner, startRequestRunner } from './request-runner.js';
import { recordEvent } from './runner-events.js';

/** Options of {@link createExecution}. */
export interface ExecutionOptions {
  /** Run the background work (runner, DSR worker, sweep, outbox); false: only record approvals. */
  readonly background: boolean;
  /** Time between two passes of the runner, ms (PLEDGE_REQUEST_POLL_MS); default 5 000. */
  readonly pollMs?: number;
  /** PLEDGE_WEBHOOK_SECRET: signs webhooks (recipients' notices). */
  readonly webhookSecret?: string;
  readonly smtp?: SmtpConfig;
  /** Connectors of the datasets; default from the environment variables the datasets name. */
  readonly connectors?: ConnectorFactory;
  /** PLEDGE_INBOUND_IMAP_URL: the contact mailbox to poll. */
  readonly inboundImapUrl?: string;
  /** Time between two polls of the contact mailbox, ms; default one minute. */
  readonly inboundImapEveryMs?: number;
}

/** The server's side of carrying out requests, shared by the routes. */
export interface Execution {
  /** Whether the background work runs in this process. */
  readonly running: boolean;
  /** Asks the runner for a pass now (after a verification or an approval); nothing when off. */
  kick(): void;
  /** Runs a pass and waits for it (tests, and `POST` handlers that want the outcome at once). */
  pass(): Promise<void>;
  /** The DSR queue (opened on first use). */
  queue(): Promise<DsrQueue>;
  /** What waits for an officer's approval on this request, if anything. */
  summary(request: RequestView): Promise<PlanSummary | undefined>;
  /**
   * An officer's approval: of the plan before it runs (the manifest asks for it), or of a DSR
   * job that matched several accounts (`roots`: the count the officer confirms; default the
   * count matched). Refused with a code and a path when nothing waits for approval.
   */
  approve(
    id: string,
    actor: RequestActor,
    roots?: number,
  ): Promise<{ ok: true; summary: PlanSummary } | RequestRefusal>;
  /** Starts the background work, when on; the app calls it once ready. */
  start(log: FastifyBaseLogger): Promise<void>;
  close(): Promise<void>;
}

/** The poll of workers in seconds, from the runner's interval (pg-boss polls every 0.5 s at least). */
const workerPollSeconds = (pollMs: number) => Math.min(2, Math.max(0.5, pollMs / 1000));

/**
 * The execution of requests in the server: the DSR queue, the notifier of recipients' notices,
 * and, when `background` is on, the workers and the request runner (see docs/requests.md,
 * "Execution").
 */
export function createExecution(rt: Runtime, options: ExecutionOptions): Execution {
  const pollMs = options.pollMs ?? DEFAULT_REQUEST_POLL_MS;
  let opening: Promise<DsrQueue> | undefined;
  let notifier: Notifier | undefined;
  let jobs: BackgroundJobs | undefined;
  let runner: RequestRunner | undefined;
  let closed = false;
  const queue = (): Promise<DsrQueue> => {
    opening ??= openDsrQueue(rt.store);
    return opening;
  };
  const manifest = () => rt.engine.policy.manifest;

  return {
    get running() {
      return runner !== undefined;
    },
    kick() {
      runner?.kick();
    },
    async pass() {
      await runner?.pass();
    },
    queue,
    summary: (request) => planSummary(rt.store.db, queue, manifest(), request),
    async approve(id, actor, roots) {
      const db = rt.store.db;
      const request = await getRequest(db, id);
      if (!request) return refusal('request.not-found', 'id', 'no request has this id');
      const summary = await planSummary(db, queue, manifest(), request);
      if (!summary)
        return refusal('request.nothing-to-approve', 'state', 'this request waits for no approval');
      if (summary.stage === 'needs-review') {
        const count = roots ?? summary.rootsMatched ?? 0;
        const approved = await approveExecution(db, await queue(), id, count, { actor });
        if (!approved.ok) return approved;
      } else if (await awaitingApproval(db, manifest(), request)) {
        await recordEvent(
          db,
          request,
          'approve-plan',
          { collections: summary.collections.length },
          { actor },
        );
      }
      runner?.kick();
      return { ok: true, summary };
    },
    async start(log) {
      if (!options.background || closed || runner) return;
      const q = await queue();
      notifier = await createNotifier({
        db: rt.store.db,
        ...(options.smtp ? { smtp: options.smtp } : {}),
        ...(options.webhookSecret ? { webhookSecret: options.webhookSecret } : {}),
      });
      jobs = await startBackgroundJobs({
        rt,
        queue: q,
        notifier,
        log,
        pollingIntervalSeconds: workerPollSeconds(pollMs),
        ...(options.connectors ? { connectors: options.connectors } : {}),
        ...(options.inboundImapUrl ? { inboundImapUrl: options.inboundImapUrl } : {}),
        ...(options.inboundImapEveryMs ? { inboundImapEveryMs: options.inboundImapEveryMs } : {}),
      });
      runner = startRequestRunner({ rt, queue: q, notifier, log, pollMs });
    },
    async close() {
      closed = true;
      await runner?.stop();
      await jobs?.stop();
      await notifier?.close();
      if (opening) await (await opening.catch(() => undefined))?.close();
    },
  };
}
