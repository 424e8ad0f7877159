import type { Manifest } from '@pledge/core';
import type { Store } from '@pledge/store';
import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import { acquireLease, heartbeat, type RequestParams } from '../jobs/requests';
import type { DsrDatabase, DsrStepTable, RequestStatus } from '../jobs/schema';
import type { IdentityValues, Plan, PlanStep } from '../plan/types';
import { type BatchProgress, eraseStep, readStep, rectifyStep } from './act';
import { collectionOf } from './collections';
import { type ConnectorFactory, ConnectorPool, DsrError } from './connections';
import { describeFailure, type Failure } from './failure';
import { finishRequest } from './finish';
import { type Located, locateStep } from './locate';
import { recordRestriction } from './restrict';

/** How a worker runs requests. */
export interface RunOptions {
  /** This worker's id, held as the request's lease. */
  worker: string;
  connectors: ConnectorFactory;
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

/** How a run ended: the request's status, or `busy` when another worker holds it. */
export interface RunOutcome {
  id: string;
  status: RequestStatus | 'busy';
}

class LeaseLost extends Error {}

type StepRow = Selectable<DsrStepTable>;

/** The DSR tables on the store's database. */
export function dsrDb(store: Store): Kysely<DsrDatabase> {
  return store.db as unknown as Kysely<DsrDatabase>;
}

/**
 * Runs one request to its end, resuming where an earlier attempt stopped. Phase one locates
 * every step's keys (reads only) and stores them; phase two acts on each step in the plan's
 * write order, skipping steps already done and, within a step, batches already done, so a
 * resumed step touches exactly the keys stored for it. A failing step is recorded with its
 * connector, collection and reason; the request then ends `partial` or `failed`, never
 * `completed`, and a later attempt retries what is not done.
 */
export async function runRequest(store: Store, id: string, options: RunOptions): Promise<RunOutcome> {
  const db = dsrDb(store);
  if (!(await acquireLease(db, id, options.worker, options.staleAfterMs))) return { id, status: 'busy' };
  const request = await db
    .selectFrom('pledge_dsr_requests')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const manifest = request.manifest as Manifest;
  const plan = request.plan as Plan;
  const identity = (request.identity ?? {}) as IdentityValues;
  const params = request.params as RequestParams;
  const now = options.now ?? (() => new Date());
  const pool = new ConnectorPool(manifest.datasets, options.connectors);
  const beat = async () => {
    if (!(await heartbeat(db, id, options.worker))) throw new LeaseLost();
  };
  const updateStep = (index: number, values: Updateable<DsrStepTable>) =>
    db
      .updateTable('pledge_dsr_steps')
      .set(values)
      .set({ updated_at: sql<Date>`now()` })
      .where('request_id', '=', id)
      .where('step_index', '=', index)
      .execute();
  const fail = (index: number, failure: Failure) =>
    updateStep(index, { status: 'failed', error_code: failure.code, error_message: failure.message });
  try {
    if (request.kind === 'restrict') {
      const rows = await loadSteps(db, id);
      if (rows[0]?.status !== 'done') {
        try {
          await updateStep(0, { status: 'running' });
          await recordRestriction(store, manifest, identity, params.restriction, {
            ...(options.subjectKey ? { subjectKey: options.subjectKey } : {}),
            source: params.source,
            at: now(),
          });
          await updateStep(0, { status: 'done', affected: 1, error_code: null, error_message: null });
        } catch (error) {
          await fail(0, describeFailure(error));
        }
      }
      return { id, status: await finishRequest(db, id, manifest, plan, now()) };
    }
    const located = new Map<number, Located>();
    let rows = await loadSteps(db, id);
    if (request.phase === 'locate') {
      for (const step of plan.steps) {
        const row = rows[step.index];
        if (row?.located_keys) {
          located.set(step.index, { keys: row.located_keys, refValues: row.ref_values ?? {} });
          continue;
        }
        try {
          const found = await locateStep(pool, manifest, step, identity, located);
          located.set(step.index, found);
          await updateStep(step.index, {
            status: 'pending',
            located_keys: JSON.stringify(found.keys),
            ref_values: JSON.stringify(found.refValues),
            error_code: null,
            error_message: null,
          });
          await beat();
        } catch (error) {
          if (error instanceof LeaseLost) throw error;
          await fail(step.index, describeFailure(error));
          return { id, status: await finishRequest(db, id, manifest, plan, now()) };
        }
      }
      await db.updateTable('pledge_dsr_requests').set({ phase: 'act' }).where('id', '=', id).execute();
      rows = await loadSteps(db, id);
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
        await updateStep(index, { status: 'running', error_code: null, error_message: null });
        await actOn(step, row);
        await updateStep(index, { status: 'done' });
      } catch (error) {
        if (error instanceof LeaseLost) throw error;
        stopped.add(index);
        await fail(index, describeFailure(error));
      }
      await beat();
    }
    return { id, status: await finishRequest(db, id, manifest, plan, now()) };
  } catch (error) {
    if (error instanceof LeaseLost) return { id, status: 'busy' };
    throw error;
  } finally {
    await pool.closeAll();
  }

  async function actOn(step: PlanStep, row: StepRow): Promise<void> {
    const keys = row.located_keys ?? [];
    const connector = await pool.get(step.dataset);
    const input = {
      connector,
      collection: collectionOf(manifest, step.dataset, step.collection),
      step,
      keys,
      batchSize: params.batchSize,
      start: { batchesDone: row.batches_done, affected: row.affected, statements: row.statements },
      onBatch: async (progress: BatchProgress) => {
        await updateStep(step.index, {
          batches_done: progress.batchesDone,
          affected: progress.affected,
          statements: progress.statements,
        });
        await beat();
        if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
      },
      ...(options.secret ? { secret: options.secret } : {}),
      ...(params.rectify ? { rectify: params.rectify } : {}),
    };
    if (plan.kind === 'access') {
      const read = await readStep(input);
      await updateStep(step.index, { output: JSON.stringify(read), affected: read.length });
    } else if (plan.kind === 'erase') {
      const erasure = step.erasure;
      if (erasure?.plan && Object.values(erasure.plan).includes('hash') && !options.secret) {
        throw new DsrError(
          'secret-missing',
          'the plan hashes a field but no secret is configured (PLEDGE_ERASURE_SECRET)',
        );
      }
      await eraseStep(input);
    } else if (plan.kind === 'rectify') {
      await rectifyStep(input);
    }
  }
}

async function loadSteps(db: Kysely<DsrDatabase>, id: string): Promise<StepRow[]> {
  return db
    .selectFrom('pledge_dsr_steps')
    .selectAll()
    .where('request_id', '=', id)
    .orderBy('step_index')
    .execute();
}
