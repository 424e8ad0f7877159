import { Heartbeat, LeaseLost, type StepBook, type StepTable, stepBook } from '@pledge/jobs';
import type { Store } from '@pledge/store';
import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import { requestManifest } from '../jobs/manifests.js';
import { acquireLease, heartbeat, type RequestParams } from '../jobs/requests.js';
import { holdForReview } from '../jobs/review.js';
import type { DsrDatabase, DsrStepTable, RequestStatus } from '../jobs/schema.js';
import type { IdentityValues, Plan, PlanStep } from '../plan/types.js';
import { type BatchProgress, eraseStep, readStep, rectifyStep } from './act.js';
import { collectionOf } from './collections.js';
import { type ConnectorFactory, ConnectorPool, DsrError, type KeptConnectors } from './connections.js';
import { describeFailure, type Failure } from './failure.js';
import { finishRequest } from './finish.js';
import { type Located, locateStep } from './locate.js';
import { preflight, stepFailures } from './preflight.js';
import { recordRestriction } from './restrict.js';
import { rootsMatched } from './review.js';

/** How a worker runs requests. */
export interface RunOptions {
  /** This worker's id, held as the request's lease. */
  worker: string;
  connectors: ConnectorFactory;
  /** Connectors kept open across runs (a worker's); unset: each run opens and closes its own. */
  kept?: KeptConnectors;
  /** HMAC key of the `hash` strategy. */
  secret?: string;
  /** Pause after each write batch, in milliseconds (demonstrations and crash tests). */
  pauseMs?: number;
  /** A lease whose heartbeat is older than this is taken over. */
  staleAfterMs: number;
  /** Key of subject hashes in the ledger (PLEDGE_SUBJECT_KEY). */
  subjectKey?: string;
  now?: () => Date;
}

/** How a run ended: the request's status, or `busy` when another worker holds it (or it waits for review). */
export interface RunOutcome {
  id: string;
  status: RequestStatus | 'busy';
}

type StepRow = Selectable<DsrStepTable>;

/** A request's steps: one row per (request, index). */
const REQUEST_STEPS: StepTable = { table: 'pledge_dsr_steps', owner: 'request_id', index: 'step_index' };

function stepsOf(db: Kysely<DsrDatabase>, id: string): StepBook<StepRow, Updateable<DsrStepTable>> {
  return stepBook(db, REQUEST_STEPS, id);
}

/** The DSR tables on the store's database. */
export function dsrDb(store: Store): Kysely<DsrDatabase> {
  return store.db as unknown as Kysely<DsrDatabase>;
}

/**
 * Runs one request to its end, resuming where an earlier attempt stopped. First a preflight
 * checks, writing nothing, everything the writes need (connections, privileges, secrets,
 * strategies against column types, keys); a problem ends the request `failed` before any
 * write. Phase one locates every step's keys (reads only) and stores them; when the identity
 * matched more than one root row and that count is not confirmed, the request stops in
 * `needs-review`. Phase two acts on each step in the plan's write order, skipping steps
 * already done and, within a step, batches already done, so a resumed step touches exactly
 * the keys stored for it. A failing step is recorded with its connector, collection,
 * operation and reason; the request then ends `partial` or `failed`, never `completed`, and a
 * later attempt retries what is not done.
 */
export async function runRequest(store: Store, id: string, options: RunOptions): Promise<RunOutcome> {
  const db = dsrDb(store);
  if (!(await acquireLease(db, id, options.worker, options.staleAfterMs))) return { id, status: 'busy' };
  const request = await db
    .selectFrom('pledge_dsr_requests')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const manifest = await requestManifest(db, request);
  const plan = request.plan as Plan;
  const identity = (request.identity ?? {}) as IdentityValues;
  const params = request.params as RequestParams;
  const now = options.now ?? (() => new Date());
  const pool = new ConnectorPool(manifest.datasets, options.connectors, options.kept);
  let failed = false;
  // The lease is refreshed by time, not after every step and batch (see Heartbeat).
  const lease = new Heartbeat(() => heartbeat(db, id, options.worker), options.staleAfterMs);
  const beat = () => lease.beat();
  const steps = stepsOf(db, id);
  const updateStep = (index: number, values: Updateable<DsrStepTable>) => steps.update(index, values);
  const fail = (index: number, failure: Failure) => {
    failed = true;
    return steps.fail(index, failure);
  };
  const placeOf = (step: PlanStep, operation: string) => ({
    dataset: step.dataset,
    datastore: step.datastore,
    collection: step.collection,
    operation,
  });
  try {
    if (request.kind === 'restrict') {
      const rows = await steps.load();
      if (rows[0]?.status !== 'done') {
        try {
          await updateStep(0, { status: 'running' });
          const recorded = await recordRestriction(store, manifest, identity, params.restriction, {
            ...(options.subjectKey ? { subjectKey: options.subjectKey } : {}),
            source: params.source,
            at: now(),
          });
          if (recorded.seq <= 0) {
            await fail(0, {
              code: 'restriction-not-recorded',
              message: 'record on the consent ledger failed: no restriction event was appended',
            });
          } else {
            await updateStep(0, { status: 'done', affected: 1, error_code: null, error_message: null });
          }
        } catch (error) {
          const ledger = { dataset: '(ledger)', datastore: 'store', collection: 'restriction' };
          await fail(0, describeFailure(error, { ...ledger, operation: 'record' }));
        }
      }
      return { id, status: await finishRequest(db, id, manifest, plan, now()) };
    }
    const located = new Map<number, Located>();
    let rows = await steps.load();
    const problems = await preflight({
      pool,
      manifest,
      plan,
      steps: plan.steps.filter((s) => rows[s.index]?.status !== 'done').map((s) => s.index),
      ...(options.secret ? { secret: options.secret } : {}),
      ...(params.rectify ? { rectify: params.rectify } : {}),
    });
    if (problems.length > 0) {
      for (const [index, failure] of stepFailures(plan, problems)) await fail(index, failure);
      return { id, status: await finishRequest(db, id, manifest, plan, now(), { preflight: problems }) };
    }
    if (request.phase === 'locate') {
      // Reads only until the act phase, so the keys found are saved together, with the
      // switch to `act`, in one statement: every key is stored before anything is written.
      const found: Array<{ index: number; located: Located }> = [];
      for (const step of plan.steps) {
        const row = rows[step.index];
        if (row?.located_keys) {
          located.set(step.index, { keys: row.located_keys, refValues: row.ref_values ?? {} });
          continue;
        }
        try {
          const result = await locateStep(pool, manifest, step, identity, located);
          located.set(step.index, result);
          found.push({ index: step.index, located: result });
          await beat();
        } catch (error) {
          if (error instanceof LeaseLost) throw error;
          await saveLocated(db, id, found, false);
          await fail(step.index, describeFailure(error, placeOf(step, 'locate')));
          return { id, status: await finishRequest(db, id, manifest, plan, now()) };
        }
      }
      const roots = rootsMatched(plan, manifest, located);
      if (roots.ambiguous && request.roots_confirmed !== roots.total) {
        // Nothing is written for more than one subject without a person confirming the count.
        await saveLocated(db, id, found, false);
        await holdForReview(db, id, plan, roots, request.roots_confirmed);
        return { id, status: 'needs-review' };
      }
      await saveLocated(db, id, found, true);
      rows = rows.map((row) => {
        const own = found.find((f) => f.index === row.step_index)?.located;
        return own
          ? {
              ...row,
              status: 'pending',
              located_keys: own.keys,
              ref_values: own.refValues,
              error_code: null,
              error_message: null,
            }
          : row;
      });
    }
    const stopped = new Set<number>();
    for (const index of plan.writeOrder) {
      const step = plan.steps[index] as PlanStep;
      const row = rows[index] as StepRow;
      if (row.status === 'done') continue;
      const blocker = plan.steps.find(
        (s) =>
          stopped.has(s.index) &&
          s.dataset === step.dataset &&
          s.locators.some((l) => l.via === 'reference' && l.from === index),
      );
      if (blocker && plan.kind === 'erase') {
        stopped.add(index);
        await updateStep(index, {
          status: 'pending',
          error_code: 'blocked',
          error_message: `not erased: ${blocker.dataset}.${blocker.collection}, which references it, failed`,
        });
        continue;
      }
      try {
        await actOn(step, row);
      } catch (error) {
        if (error instanceof LeaseLost) throw error;
        stopped.add(index);
        await fail(index, describeFailure(error, placeOf(step, plan.kind === 'access' ? 'read' : plan.kind)));
      }
      await beat();
    }
    return { id, status: await finishRequest(db, id, manifest, plan, now()) };
  } catch (error) {
    if (error instanceof LeaseLost) return { id, status: 'busy' };
    failed = true;
    throw error;
  } finally {
    await pool.closeAll(failed);
  }

  /** Acts on one step and marks it done; progress is saved after every write batch. */
  async function actOn(step: PlanStep, row: StepRow): Promise<void> {
    const keys = row.located_keys ?? [];
    const clear = { error_code: null, error_message: null };
    if (plan.kind === 'access') {
      const read =
        keys.length > 0
          ? await readStep({ ...inputFor(step, row, keys), connector: await pool.get(step.dataset) })
          : [];
      await updateStep(step.index, {
        status: 'done',
        output: JSON.stringify(read),
        affected: read.length,
        ...clear,
      });
      return;
    }
    if (plan.kind === 'erase') {
      const erasure = step.erasure;
      if (erasure?.plan && Object.values(erasure.plan).includes('hash') && !options.secret) {
        throw new DsrError(
          'secret-missing',
          'the plan hashes a field but no secret is configured (PLEDGE_ERASURE_SECRET)',
        );
      }
    }
    let marked = false;
    if (keys.length > 0) {
      const input = {
        ...inputFor(step, row, keys),
        connector: await pool.get(step.dataset),
        onBatch: async (progress: BatchProgress) => {
          // The last batch's progress and the step's end are one write.
          const last = progress.batchesDone * params.batchSize >= keys.length;
          await updateStep(step.index, {
            status: last ? 'done' : 'running',
            batches_done: progress.batchesDone,
            affected: progress.affected,
            statements: progress.statements,
            ...clear,
          });
          marked = last;
          await beat();
          if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
        },
      };
      if (plan.kind === 'erase') await eraseStep(input);
      else if (plan.kind === 'rectify') await rectifyStep(input);
    }
    if (!marked) await updateStep(step.index, { status: 'done', ...clear });
  }

  function inputFor(step: PlanStep, row: StepRow, keys: StepRow['located_keys'] & object) {
    return {
      collection: collectionOf(manifest, step.dataset, step.collection),
      step,
      keys,
      batchSize: params.batchSize,
      start: { batchesDone: row.batches_done, affected: row.affected, statements: row.statements },
      onBatch: async () => {},
      ...(options.secret ? { secret: options.secret } : {}),
      ...(params.rectify ? { rectify: params.rectify } : {}),
    };
  }
}

/**
 * Stores the keys and reference values found for steps, in one statement; with `toAct`, the
 * request moves to the act phase in the same statement.
 */
async function saveLocated(
  db: Kysely<DsrDatabase>,
  id: string,
  found: ReadonlyArray<{ index: number; located: Located }>,
  toAct: boolean,
): Promise<void> {
  if (found.length === 0) {
    if (toAct)
      await db.updateTable('pledge_dsr_requests').set({ phase: 'act' }).where('id', '=', id).execute();
    return;
  }
  const values = sql.join(
    found.map(
      (f) =>
        sql`(${f.index}::int, ${JSON.stringify(f.located.keys)}::jsonb, ${JSON.stringify(f.located.refValues)}::jsonb)`,
    ),
  );
  const steps = sql`update pledge_dsr_steps as s
    set status = 'pending', located_keys = v.keys, ref_values = v.refs,
      error_code = null, error_message = null, updated_at = now()
    from (values ${values}) as v(idx, keys, refs)
    where s.request_id = ${id} and s.step_index = v.idx`;
  if (toAct) {
    await sql`with saved as (${steps} returning 1)
      update pledge_dsr_requests set phase = 'act' where id = ${id}`.execute(db);
  } else {
    await steps.execute(db);
  }
}
