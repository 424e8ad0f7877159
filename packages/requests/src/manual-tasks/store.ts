import { randomUUID } from 'node:crypto';
import type { ColumnType, Kysely } from 'kysely';
import type { RequestActor } from '../intake/channels.js';
import { type RequestRefusal, refusal } from '../workflow/transition.js';
import type { ManualTaskTarget } from './targets.js';

type Time = ColumnType<Date, Date | string, Date | string>;

/** `pledge_request_manual_tasks`: one checklist line per request and store with no connector. */
export interface ManualTaskTable {
  id: string;
  request_id: string;
  key: string;
  label: string;
  done: boolean;
  evidence: string | null;
  done_by_kind: string | null;
  done_by_id: string | null;
  done_at: Time | null;
  created_at: Time;
}

/** A manual task as the queue shows it. */
export interface ManualTask {
  id: string;
  requestId: string;
  key: string;
  label: string;
  done: boolean;
  /** What the officer did and where the proof is. */
  evidence: string | null;
  /** Who ticked it. */
  doneBy: RequestActor | null;
  doneAt: Date | null;
}

/** The table, typed, on the caller's connection (it lives beside the request tables). */
export function manualTasksDb<T>(db: Kysely<T>): Kysely<{ pledge_request_manual_tasks: ManualTaskTable }> {
  return db as unknown as Kysely<{ pledge_request_manual_tasks: ManualTaskTable }>;
}

/** Stores the checklist of a request (idempotent: a target already listed is kept as it is). */
export async function createManualTasks<T>(
  db: Kysely<T>,
  requestId: string,
  targets: readonly ManualTaskTarget[],
  now: Date,
): Promise<void> {
  if (targets.length === 0) return;
  await manualTasksDb(db)
    .insertInto('pledge_request_manual_tasks')
    .values(
      targets.map((t) => ({
        id: randomUUID(),
        request_id: requestId,
        key: t.key,
        label: t.label,
        done: false,
        evidence: null,
        done_by_kind: null,
        done_by_id: null,
        done_at: null,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['request_id', 'key']).doNothing())
    .execute();
}

/** The checklists of some requests (all when `requestIds` is omitted), in creation order. */
export async function listManualTasks<T>(
  db: Kysely<T>,
  requestIds?: readonly string[],
): Promise<ManualTask[]> {
  if (requestIds?.length === 0) return [];
  let q = manualTasksDb(db).selectFrom('pledge_request_manual_tasks').selectAll();
  if (requestIds) q = q.where('request_id', 'in', requestIds);
  const rows = await q.orderBy('created_at').orderBy('key').execute();
  return rows.map((r) => ({
    id: r.id,
    requestId: r.request_id,
    key: r.key,
    label: r.label,
    done: r.done,
    evidence: r.evidence,
    doneBy:
      r.done_by_kind && r.done_by_id
        ? { kind: r.done_by_kind as RequestActor['kind'], id: r.done_by_id }
        : null,
    doneAt: r.done_at ? new Date(r.done_at) : null,
  }));
}

/** How many tasks of a request are still open (completing it is refused while any is). */
export async function openManualTaskCount<T>(db: Kysely<T>, requestId: string): Promise<number> {
  const row = await manualTasksDb(db)
    .selectFrom('pledge_request_manual_tasks')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('request_id', '=', requestId)
    .where('done', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const MAX_EVIDENCE = 2000;

/**
 * Ticks a task done with an evidence note (what was done, where the proof is) and who ticked
 * it. Refusals: `request.manual-task-not-found` (`taskId`), `request.text-required` /
 * `request.text-too-long` (`evidence`), `request.manual-task-done` (`taskId`) when already ticked.
 */
export async function completeManualTask<T>(
  db: Kysely<T>,
  requestId: string,
  taskId: string,
  input: { evidence: string; actor: RequestActor; now: Date },
): Promise<{ ok: true; task: ManualTask } | RequestRefusal> {
  const evidence = input.evidence.trim();
  if (evidence === '')
    return refusal('request.text-required', 'evidence', 'evidence must be a non-empty text');
  if (evidence.length > MAX_EVIDENCE) {
    return refusal(
      'request.text-too-long',
      'evidence',
      `evidence must be at most ${MAX_EVIDENCE} characters`,
    );
  }
  const updated = await manualTasksDb(db)
    .updateTable('pledge_request_manual_tasks')
    .set({
      done: true,
      evidence,
      done_by_kind: input.actor.kind,
      done_by_id: input.actor.id,
      done_at: input.now,
    })
    .where('id', '=', taskId)
    .where('request_id', '=', requestId)
    .where('done', '=', false)
    .returningAll()
    .executeTakeFirst();
  if (!updated) {
    const exists = await manualTasksDb(db)
      .selectFrom('pledge_request_manual_tasks')
      .select('id')
      .where('id', '=', taskId)
      .where('request_id', '=', requestId)
      .executeTakeFirst();
    return exists
      ? refusal('request.manual-task-done', 'taskId', 'this task was already ticked')
      : refusal('request.manual-task-not-found', 'taskId', 'this request has no such task');
  }
  const [task] = await listManualTasks(db, [requestId]).then((all) => all.filter((t) => t.id === taskId));
  return { ok: true, task: task! };
}
