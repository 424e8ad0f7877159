import { randomUUID } from 'node:crypto';
import { bossDb, trackBossDb } from '@pledge/jobs';
import {
  type AuditActor,
  fixedKeySource,
  keySourceFromEnv,
  resolveSubjectKey,
  type Store,
  type SubjectKeySource,
} from '@pledge/store';
import type { Kysely } from 'kysely';
import type PgBoss from 'pg-boss';
import { connectorsFromEnv, KeptConnectors } from '../exec/connections.js';
import type { RequestReport } from '../exec/finish.js';
import { dsrDb, type RunOptions, runRequest } from '../exec/run-request.js';
import { identityValuesOf, recordRequestRun } from './audit-request.js';
import { DSR_QUEUE, openBoss } from './boss.js';
import { migrateDsr } from './migrations.js';
import { type CreateResult, createRequest, type RequestInput, staleRequests } from './requests.js';
import { type ConfirmResult, confirmRoots } from './review.js';
import type { DsrDatabase, RequestStatus } from './schema.js';

/** Job data on the queue: the request id only; identity values stay in the request row. */
interface JobData {
  requestId: string;
}

/**
 * Options of a worker. Unset, `secret` comes from PLEDGE_ERASURE_SECRET, `pauseMs` from
 * PLEDGE_DSR_BATCH_PAUSE_MS, the subject key from PLEDGE_SUBJECT_KEY or PLEDGE_SUBJECT_KEY_FILE
 * (production mode: PostgreSQL or PLEDGE_SUBJECT_KEY_REQUIRED), and connectors from the
 * environment variables the datasets name.
 */
export interface WorkerOptions extends Partial<Omit<RunOptions, 'worker'>> {
  /** Where the subject key comes from (a KMS, a file); wins over `subjectKey` and the environment. */
  subjectKeySource?: SubjectKeySource;
  /** Refuse to start without a configured subject key, whatever the store. */
  subjectKeyRequired?: boolean;
  /** How often an idle worker polls, in seconds (pg-boss minimum 0.5; default 2). */
  pollingIntervalSeconds?: number;
  /** How often to look for requests whose worker died; default staleAfterMs / 2. */
  recoverEveryMs?: number;
  /**
   * Who the audit log names for the runs of this worker (e.g. the CLI or the worker process);
   * set, every run that built a package or wrote data is recorded (see `recordRequestRun`).
   * Unset (an in-memory store, whose log nobody keeps), nothing is recorded.
   */
  audit?: AuditActor;
}

/** A running worker. */
export interface DsrWorker {
  readonly id: string;
  stop(): Promise<void>;
}

/** The state of a request, with its report once a run ended. */
export interface RequestState {
  id: string;
  kind: string;
  status: RequestStatus;
  phase: string;
  attempts: number;
  /** Root rows the identity matched when more than one (the count a review confirms), else null. */
  rootsMatched: number | null;
  report: RequestReport | null;
}

/** Requests as durable jobs on pg-boss over the store's database. */
export interface DsrQueue {
  readonly boss: PgBoss;
  readonly db: Kysely<DsrDatabase>;
  /** Plans and records a request, then queues it; nothing is queued when the plan has errors. */
  submit(input: RequestInput): Promise<CreateResult>;
  /** Starts a worker: takes queued requests and resumes those whose worker died. */
  work(options?: WorkerOptions): Promise<DsrWorker>;
  /** Re-queues requests whose worker's heartbeat is older than `staleAfterMs`; returns their ids. */
  recover(staleAfterMs: number): Promise<string[]>;
  state(id: string): Promise<RequestState | undefined>;
  /**
   * Confirms a request waiting in `needs-review` for the number of root rows it matched
   * ({@link confirmRoots}) and queues it again; a wrong count is refused and changes nothing.
   */
  confirm(id: string, roots: number): Promise<ConfirmResult>;
  /** Waits until a run of the request has ended (any status but queued and running). */
  wait(id: string, options?: { timeoutMs?: number; intervalMs?: number }): Promise<RequestState>;
  /** The zipped access package of a request. */
  package(id: string): Promise<Uint8Array | undefined>;
  close(): Promise<void>;
}

/** Default staleness of a lease: a working worker heartbeats at least once a second. */
export const DEFAULT_STALE_AFTER_MS = 60_000;

/**
 * Opens the DSR queue on a store: migrates the DSR tables and starts pg-boss on the same
 * database (PostgreSQL, or PGlite through {@link bossDb}).
 */
export async function openDsrQueue(store: Store): Promise<DsrQueue> {
  const db = dsrDb(store);
  await migrateDsr(db);
  const sqlOfBoss = trackBossDb(bossDb(store));
  const boss = await openBoss(store, sqlOfBoss);
  const workers = new Set<DsrWorker>();
  // Jobs this process is running, by request id: settled once pg-boss has also recorded
  // the job's end (it does not await that), so closing the store after `wait` is safe.
  const settling = new Map<string, Promise<void>>();
  const settled = (run: Promise<unknown>): Promise<void> =>
    run
      .then(
        () => {},
        () => {},
      )
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => sqlOfBoss.idle());

  const state = async (id: string): Promise<RequestState | undefined> => {
    const row = await db
      .selectFrom('pledge_dsr_requests')
      .select(['id', 'kind', 'status', 'phase', 'attempts', 'report', 'roots_matched'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      kind: row.kind,
      status: row.status as RequestStatus,
      phase: row.phase,
      attempts: row.attempts,
      rootsMatched: row.roots_matched,
      report: (row.report ?? null) as RequestReport | null,
    };
  };

  const queue: DsrQueue = {
    boss,
    db,
    async submit(input) {
      const created = await createRequest(db, input);
      if (created.ok) await boss.send(DSR_QUEUE, { requestId: created.id } satisfies JobData);
      return created;
    },
    async work(options = {}) {
      const id = randomUUID();
      const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
      const env = process.env;
      const secret = options.secret ?? env.PLEDGE_ERASURE_SECRET;
      const pauseMs = options.pauseMs ?? Number(env.PLEDGE_DSR_BATCH_PAUSE_MS ?? 0);
      // Checked against the store's fingerprint before taking any job: a worker with another
      // key refuses to start (a SubjectKeyError naming the setting) instead of doing nothing.
      const source =
        options.subjectKeySource ??
        (options.subjectKey
          ? fixedKeySource(options.subjectKey, 'PLEDGE_SUBJECT_KEY')
          : keySourceFromEnv(env));
      const required =
        options.subjectKeyRequired ?? ['1', 'true'].includes(env.PLEDGE_SUBJECT_KEY_REQUIRED ?? '');
      const subjectKey = await resolveSubjectKey(store, {
        ...(source ? { source } : {}),
        ...(required ? { production: true } : {}),
      });
      const connectors = options.connectors ?? connectorsFromEnv();
      const active = new Set<Promise<void>>();
      const kept = new KeptConnectors(connectors);
      const run: RunOptions = {
        worker: id,
        connectors,
        kept,
        staleAfterMs,
        ...(secret ? { secret } : {}),
        ...(pauseMs > 0 ? { pauseMs } : {}),
        ...(subjectKey ? { subjectKey } : {}),
        ...(options.now ? { now: options.now } : {}),
      };
      const workId = await boss.work<JobData>(
        DSR_QUEUE,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
        (jobs) => {
          const handled = (async () => {
            for (const job of jobs) {
              const requestId = job.data.requestId;
              const identity = options.audit ? await identityValuesOf(store, requestId) : [];
              const outcome = await runRequest(store, requestId, run);
              if (options.audit && (outcome.status === 'completed' || outcome.status === 'partial')) {
                await recordRequestRun(store, requestId, { actor: options.audit, subjectKey, identity });
              }
              // Throwing makes pg-boss retry later; done steps are skipped then. A request
              // whose every step is done (fields not-erased) is finished: nothing to retry.
              if (outcome.status === 'partial' || outcome.status === 'failed') {
                if ((await state(outcome.id))?.phase !== 'finished')
                  throw new Error(`request ${outcome.id} ended ${outcome.status}`);
              }
            }
          })();
          const end = settled(handled);
          const ids = jobs.map((job) => job.data.requestId);
          for (const requestId of ids) settling.set(requestId, end);
          void end.then(() => {
            for (const requestId of ids) if (settling.get(requestId) === end) settling.delete(requestId);
          });
          active.add(end);
          void end.then(() => active.delete(end));
          return handled;
        },
      );
      await queue.recover(staleAfterMs);
      const timer = setInterval(
        () => void queue.recover(staleAfterMs).catch(() => {}),
        options.recoverEveryMs ?? Math.max(250, staleAfterMs / 2),
      );
      timer.unref();
      const worker: DsrWorker = {
        id,
        async stop() {
          clearInterval(timer);
          workers.delete(worker);
          await boss.offWork({ id: workId });
          await Promise.allSettled([...active]);
          await kept.closeAll();
        },
      };
      workers.add(worker);
      return worker;
    },
    async recover(staleAfterMs) {
      const ids = await staleRequests(db, staleAfterMs);
      for (const requestId of ids) await boss.send(DSR_QUEUE, { requestId } satisfies JobData);
      return ids;
    },
    state,
    async confirm(id, roots) {
      const confirmed = await confirmRoots(db, id, roots);
      if (confirmed.ok) await boss.send(DSR_QUEUE, { requestId: id } satisfies JobData);
      return confirmed;
    },
    async wait(id, options = {}) {
      const deadline = Date.now() + (options.timeoutMs ?? 120_000);
      for (;;) {
        const current = await state(id);
        if (!current) throw new Error(`no request ${id}`);
        const ended = current.report !== null && current.status !== 'running' && current.status !== 'queued';
        if (ended) {
          // A run of this process: also wait until pg-boss has recorded the job's end.
          const end = settling.get(id);
          if (end) await end;
          return current;
        }
        if (Date.now() > deadline) return current;
        await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
      }
    },
    async package(id) {
      const row = await db
        .selectFrom('pledge_dsr_packages')
        .select('zip')
        .where('request_id', '=', id)
        .executeTakeFirst();
      return row ? new Uint8Array(row.zip) : undefined;
    },
    async close() {
      for (const worker of [...workers]) await worker.stop();
      await Promise.allSettled([...settling.values()]);
      await boss.stop({ graceful: false, wait: true });
      await sqlOfBoss.idle();
    },
  };
  return queue;
}
