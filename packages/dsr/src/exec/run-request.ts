import { Heartbeat, LeaseLost } from '@pledge/jobs';
import { checkSubjectKey, type Store, SubjectKeyError } from '@pledge/store';
import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import { requestManifest } from '../jobs/manifests.js';
import { heartbeat, leaseAndLoad, type RequestParams } from '../jobs/requests.js';
import { holdForReview } from '../jobs/review.js';
import type { DsrDatabase, DsrStepTable, RequestStatus } from '../jobs/schema.js';
import type { IdentityValues, Plan, PlanStep } from '../plan/types.js';
import { type BatchProgress, eraseStep, readStep, rectifyStep } from './act.js';
import { collectionOf } from './collections.js';
import { type ConnectorFactory, ConnectorPool, DsrError, type KeptConnectors } from './connections.js';
import { describeFailure, type Failure } from './failure.js';
import { finishRequest, type RunFindings } from './finish.js';
import { ledgerForgetting, ledgerSubjects } from './forget.js';
import { type Located, locateAll } from './locate.js';
import { preflight, stepFailures } from './preflight.js';
import { recordRestriction } from './restrict.js';
import { rootsMatched } from './review.js';
import { stepRowsUpdate } from './step-rows.js';
import { toJsonRow } from './values.js';
import { transactionGroup } from './write-groups.js';

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
  /**
   * Key of subject hashes in the ledger, as `openDsrQueue(...).work` resolved and checked it
   * against the store's fingerprint at start; default as `resolveSubjectKey` finds it.
   */
  subjectKey?: string;
  now?: () => Date;
}

/** How a run ended: the request's status, or `busy` when another worker holds it (or it waits for review). */
export interface RunOutcome {
  id: string;
  status: RequestStatus | 'busy';
}

type StepRow = Selectable<DsrStepTable>;

/** Subject keys found equal to a store's fingerprint, per store database. */
const keysChecked = new WeakMap<object, Set<string>>();

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
  if (options.subjectKey !== undefined && !keysChecked.get(store.db)?.has(options.subjectKey)) {
    // A runner handed another key than the store's refuses before touching anything; a key
    // found right is not asked again in this process (a fingerprint does not change).
    const checked = await checkSubjectKey(store.db, options.subjectKey);
    if (!checked.ok) throw new SubjectKeyError(checked.code, checked.setting, checked.message);
    keysChecked.set(store.db, (keysChecked.get(store.db) ?? new Set()).add(options.subjectKey));
  }
  // The lease, the request and its steps in one round trip.
  const leased = await leaseAndLoad(db, id, options.worker, options.staleAfterMs);
  if (!leased) return { id, status: 'busy' };
  const { request } = leased;
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
  // The step rows as stored, kept in step with every write so the end needs no re-read.
  let rows: StepRow[] = leased.steps;
  // Steps whose state is held here but not stored yet: an access's reads, and the progress of
  // a write step done in one batch (repeating such a batch is harmless, see `eraseStep`). They
  // go with the next store write: another step's progress, a failure, or the request's end.
  const unsaved = new Set<number>();
  // An erasure's or rectification's keys are stored before its first write; an access's at its end.
  const keysSaved = plan.kind !== 'access';
  const mirror = (index: number, values: Partial<StepRow>) => {
    const row = rows[index];
    if (row) rows[index] = { ...row, ...values };
  };
  /** Stores every unsaved step row, in one statement. */
  const flush = async () => {
    if (unsaved.size === 0) return;
    // Taken out before the write: a step changed while it is in flight is written again.
    const indices = [...unsaved];
    unsaved.clear();
    const pending = indices.flatMap((i) => (rows[i] ? [rows[i]] : []));
    try {
      await stepRowsUpdate(id, pending, { keys: !keysSaved, forgetOutput: false }).execute(db);
    } catch (error) {
      for (const i of indices) unsaved.add(i);
      throw error;
    }
  };
  /** Sets a step's columns; stored now with every unsaved step, or later with `defer`. */
  const updateStep = async (index: number, values: Partial<StepRow>, defer = false) => {
    mirror(index, values);
    unsaved.add(index);
    if (!defer) await flush();
  };
  const fail = async (index: number, failure: Failure) => {
    failed = true;
    await updateStep(index, { status: 'failed', error_code: failure.code, error_message: failure.message });
  };
  // An erasure's forgetting in the ledger, sent with the request's end.
  let forgetting: RawBuilder<unknown> | undefined;
  const finish = (findings: RunFindings = {}) =>
    finishRequest(
      db,
      id,
      manifest,
      plan,
      now(),
      {
        rows,
        identity: request.identity,
        unsaved: [...unsaved],
        keysSaved,
        ...(forgetting ? { also: forgetting } : {}),
      },
      findings,
    );
  // Keys (and, for an access this run located, the rows) found per step.
  const located = new Map<number, Located>();
  const placeOf = (step: PlanStep, operation: string) => ({
    dataset: step.dataset,
    datastore: step.datastore,
    collection: step.collection,
    operation,
  });
  try {
    if (request.kind === 'restrict') {
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
      return { id, status: await finish() };
    }
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
      return { id, status: await finish({ preflight: problems }) };
    }
    if (request.phase === 'locate') {
      // Reads only until the act phase, so the keys found are saved together, with the
      // switch to `act`, in one statement: every key is stored before anything is written.
      const todo = new Set<number>();
      for (const step of plan.steps) {
        const row = rows[step.index];
        if (row?.located_keys)
          located.set(step.index, { keys: row.located_keys, refValues: row.ref_values ?? {} });
        else todo.add(step.index);
      }
      const outcomes = await locateAll(pool, manifest, plan.steps, identity, located, todo, {
        rows: plan.kind === 'access',
      });
      const found = outcomes.flatMap((o) => ('located' in o ? [o] : []));
      for (const f of found) located.set(f.index, f.located);
      await beat();
      const failure = outcomes.find((o) => 'error' in o);
      if (failure && 'error' in failure) {
        await saveLocated(db, id, found, false);
        for (const f of found) mirror(f.index, locatedRow(f.located));
        const step = plan.steps[failure.index] as PlanStep;
        await fail(failure.index, describeFailure(failure.error, placeOf(step, 'locate')));
        return { id, status: await finish() };
      }
      const roots = rootsMatched(plan, manifest, located);
      if (roots.ambiguous && request.roots_confirmed !== roots.total) {
        // Nothing is written for more than one subject without a person confirming the count.
        await saveLocated(db, id, found, false);
        await holdForReview(db, id, plan, roots, request.roots_confirmed);
        return { id, status: 'needs-review' };
      }
      // An access writes nothing: its keys are stored with the request's end (a run that dies
      // before locates again). Anything else stores them before its first write.
      if (plan.kind !== 'access') await saveLocated(db, id, found, true);
      rows = rows.map((row) => {
        const own = found.find((f) => f.index === row.step_index)?.located;
        return own ? { ...row, ...locatedRow(own) } : row;
      });
      if (plan.kind === 'access') for (const f of found) unsaved.add(f.index);
    }
    if (plan.kind === 'access') {
      // Reads only, kept in memory: every step's read is sent at once.
      await Promise.all(
        plan.writeOrder.map(async (index) => {
          const row = rows[index] as StepRow;
          if (row.status === 'done') return;
          try {
            await actOn(plan.steps[index] as PlanStep, row);
          } catch (error) {
            await fail(index, describeFailure(error, placeOf(plan.steps[index] as PlanStep, 'read')));
          }
        }),
      );
      await beat();
      return { id, status: await finish() };
    }
    const stopped = new Set<number>();
    let lastDataset: string | undefined;
    for (const [position, index] of plan.writeOrder.entries()) {
      const step = plan.steps[index] as PlanStep;
      const row = rows[index] as StepRow;
      if (row.status === 'done') continue;
      // Deferred progress is stored once per datastore: a run killed before it repeats at
      // most the single-batch writes of one datastore.
      const switching = lastDataset !== undefined && lastDataset !== step.dataset;
      lastDataset = step.dataset;
      const blocker = plan.steps.find(
        (s) =>
          stopped.has(s.index) &&
          s.dataset === step.dataset &&
          s.locators.some((l) => l.via === 'reference' && l.from === index),
      );
      const group = blocker ? [] : transactionGroup(plan, rows, position, params.batchSize, stopped);
      if (switching && group.length > 1) {
        // The previous datastore's progress is stored while this group's transaction runs, and
        // before it commits: nothing of this datastore is kept unless that progress is.
        const stored = flush();
        stored.catch(() => {});
        const written = await inTransaction(group, stored);
        await stored;
        if (written) {
          await beat();
          continue;
        }
      } else if (switching) await flush();
      if (blocker && plan.kind === 'erase') {
        stopped.add(index);
        await updateStep(index, {
          status: 'pending',
          error_code: 'blocked',
          error_message: `not erased: ${blocker.dataset}.${blocker.collection}, which references it, failed`,
        });
        continue;
      }
      if (!switching && group.length > 1 && (await inTransaction(group))) {
        await beat();
        continue;
      }
      try {
        await actOn(step, row);
      } catch (error) {
        if (error instanceof LeaseLost) throw error;
        stopped.add(index);
        await fail(index, describeFailure(error, placeOf(step, plan.kind)));
      }
      await beat();
    }
    // The ledger keeps its events, but the link from this person to them goes (idempotent).
    if (plan.kind === 'erase') {
      const subjects = ledgerSubjects(manifest, plan, identity, (i) => rows[i]?.located_keys);
      // In the statement that ends the request: both are written, or neither.
      forgetting = await ledgerForgetting(store, subjects, options.subjectKey);
    }
    return { id, status: await finish() };
  } catch (error) {
    if (error instanceof LeaseLost) return { id, status: 'busy' };
    failed = true;
    throw error;
  } finally {
    await pool.closeAll(failed);
  }

  /**
   * Writes single-batch steps of one datastore in one transaction when its connector has them
   * (one commit instead of one per step). False when the datastore has no transactions or the
   * transaction was rolled back: then nothing of it was written, the steps' rows are as before,
   * and the caller writes them one by one, recording a failure against its own step. With
   * `stored` (a store write sent just before), the transaction commits only once it is done.
   */
  async function inTransaction(group: readonly number[], stored?: Promise<void>): Promise<boolean> {
    const first = plan.steps[group[0] as number] as PlanStep;
    const connector = await pool.get(first.dataset).catch(() => undefined);
    if (!connector?.transaction) return false;
    const before = group.map((i) => rows[i] as StepRow);
    const pending = group.filter((i) => unsaved.has(i));
    try {
      await connector.transaction(async () => {
        for (const i of group) await actOn(plan.steps[i] as PlanStep, rows[i] as StepRow);
        await stored;
      });
      return true;
    } catch (error) {
      if (error instanceof LeaseLost) throw error;
      group.forEach((i, n) => {
        rows[i] = before[n] as StepRow;
        if (!pending.includes(i)) unsaved.delete(i);
      });
      return false;
    }
  }

  /** Acts on one step and marks it done; progress is saved after every write batch. */
  async function actOn(step: PlanStep, row: StepRow): Promise<void> {
    const keys = row.located_keys ?? [];
    const clear = { error_code: null, error_message: null };
    if (plan.kind === 'access') {
      // Rows the lookup read with the keys in this run are those keys' rows: not read again.
      const fetched = located.get(step.index)?.rows;
      const read = fetched
        ? fetched.map(toJsonRow)
        : keys.length > 0
          ? await readStep({ ...inputFor(step, row, keys), connector: await pool.get(step.dataset) })
          : [];
      // Reads only: kept in memory and stored with the request's last write (a run that dies
      // before it reads again).
      mirror(step.index, { status: 'done', output: read, affected: read.length, ...clear });
      unsaved.add(step.index);
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
    // One batch: its progress waits for the next store write (a repeat of it is harmless, see
    // `eraseStep`), so a run's single-batch steps cost no store query of their own. A step of
    // several batches stores its progress after each, so a resumed run skips the batches done.
    const oneBatch = keys.length <= params.batchSize && row.batches_done === 0;
    if (keys.length > 0) {
      const input = {
        ...inputFor(step, row, keys),
        connector: await pool.get(step.dataset),
        onBatch: async (progress: BatchProgress) => {
          // The last batch's progress and the step's end are one write.
          const last = progress.batchesDone * params.batchSize >= keys.length;
          await updateStep(
            step.index,
            {
              status: last ? 'done' : 'running',
              batches_done: progress.batchesDone,
              affected: progress.affected,
              statements: progress.statements,
              ...clear,
            },
            oneBatch,
          );
          marked = last;
          await beat();
          if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
        },
      };
      if (plan.kind === 'erase') await eraseStep(input);
      else if (plan.kind === 'rectify') await rectifyStep(input);
    }
    // Nothing was written (nothing to erase or set): done, stored with the next write.
    if (!marked) await updateStep(step.index, { status: 'done', ...clear }, true);
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

/** A step row's columns once its keys are saved (see {@link saveLocated}). */
function locatedRow(located: Located): Partial<StepRow> {
  return {
    status: located.keys.length === 0 ? 'done' : 'pending',
    located_keys: located.keys,
    ref_values: located.refValues,
    error_code: null,
    error_message: null,
  };
}

/**
 * Stores the keys and reference values found for steps, in one statement; a step that found
 * no key is done (there is nothing to read or write). With `toAct`, the request moves to the
 * act phase in the same statement.
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
    set status = case when jsonb_array_length(v.keys) = 0 then 'done' else 'pending' end,
      located_keys = v.keys, ref_values = v.refs,
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
