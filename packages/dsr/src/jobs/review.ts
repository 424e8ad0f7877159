import { type Kysely, sql } from 'kysely';
import { buildReport, type RequestReport } from '../exec/finish.js';
import type { RootsMatched } from '../exec/review.js';
import type { Plan } from '../plan/types.js';
import type { DsrDatabase } from './schema.js';

/**
 * Stops a request whose identity matched more than one root row: it waits in `needs-review`
 * with the count (never values), its located keys kept, nothing written, its lease released.
 */
export async function holdForReview(
  db: Kysely<DsrDatabase>,
  id: string,
  plan: Plan,
  roots: RootsMatched,
  confirmed: number | null,
): Promise<void> {
  const report: RequestReport = {
    ...(await buildReport(db, id, plan)),
    status: 'needs-review',
    review: { ...roots, confirmed },
  };
  await db
    .updateTable('pledge_dsr_requests')
    .set({
      status: 'needs-review',
      roots_matched: roots.total,
      report: JSON.stringify(report),
      lease_owner: null,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** Why a confirmation was refused: a stable code and a message without values. */
export type ConfirmRefusal = {
  ok: false;
  code: 'dsr.request-unknown' | 'dsr.not-in-review' | 'dsr.roots-mismatch' | 'dsr.roots-invalid';
  message: string;
};

/** A confirmation accepted (the request is queued again), or refused. */
export type ConfirmResult = { ok: true; id: string; roots: number } | ConfirmRefusal;

/**
 * Confirms that the request in `needs-review` is meant for all `roots` root rows it matched.
 * Refused when the request is not waiting for review or when `roots` is not the count it
 * matched; accepted, the request is `queued` again with the count recorded, and a worker then
 * runs it on exactly the keys located before the review. The caller queues the job
 * ({@link DsrQueue.confirm} does both).
 */
export async function confirmRoots(
  db: Kysely<DsrDatabase>,
  id: string,
  roots: number,
): Promise<ConfirmResult> {
  if (!Number.isInteger(roots) || roots < 2) {
    return { ok: false, code: 'dsr.roots-invalid', message: 'roots must be a whole number of at least 2' };
  }
  const row = await db
    .selectFrom('pledge_dsr_requests')
    .select(['status', 'roots_matched'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return { ok: false, code: 'dsr.request-unknown', message: `no request ${id}` };
  if (row.status !== 'needs-review') {
    return {
      ok: false,
      code: 'dsr.not-in-review',
      message: `request ${id} is ${row.status}, not needs-review: there is nothing to confirm`,
    };
  }
  if (row.roots_matched !== roots) {
    return {
      ok: false,
      code: 'dsr.roots-mismatch',
      message: `request ${id} matched ${row.roots_matched} root rows, not ${roots}: nothing confirmed`,
    };
  }
  const updated = await db
    .updateTable('pledge_dsr_requests')
    .set({ status: 'queued', roots_confirmed: roots, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '=', 'needs-review')
    .where('roots_matched', '=', roots)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    return { ok: false, code: 'dsr.not-in-review', message: `request ${id} changed while confirming` };
  }
  return { ok: true, id, roots };
}
