import type { IdentityValues, RequestReport } from '@pledge/dsr';
import { completeDeregistration, type DsrQueue } from '@pledge/dsr';
import type { Notifier } from '@pledge/notify';
import {
  executeRequest,
  getRequest,
  NOTICE_RIGHTS,
  noticeRecipients,
  type RequestActor,
  type RequestView,
  recipientContacts,
  submitOnce,
  syncExecution,
  transitionRequest,
} from '@pledge/requests';
import { sql } from 'kysely';
import type { Runtime } from '../runtime.js';
import { awaitingApproval, runKindOf } from './approval.js';
import { runLedgerRight } from './ledger-rights.js';
import { recordEvent } from './runner-events.js';

/** Rights whose effect is in the ledger and the decision engine ({@link runLedgerRight}). */
export const LEDGER_RIGHTS = ['withdrawal', 'opt-out-sale-share', 'objection'] as const;

/** What one request's turn did, for the log (ids and codes only). */
export type TurnOutcome =
  | 'started'
  | 'completed'
  | 'running'
  | 'awaiting-approval'
  | 'needs-review'
  | 'stopped'
  | 'manual'
  | 'skipped';

/** What carrying out a request needs. */
export interface CarryOutContext {
  readonly rt: Runtime;
  readonly queue: DsrQueue;
  readonly notifier: Notifier;
  readonly actor: RequestActor;
}

/** The keyed hashes of every identity value of a request, as the disclosure log stores them. */
export function subjectHashesOf(rt: Runtime, request: RequestView): string[] {
  return [...new Set(Object.values(request.identity).flat())].map((v) => rt.engine.subjectHash(v));
}

/** What telling a request's recipients needs: the policy, the notifier, the person's hashes, the contacts. */
function noticeOptions(
  ctx: CarryOutContext,
  request: RequestView,
  contacts: Awaited<ReturnType<typeof recipientContacts>>,
) {
  return {
    manifest: ctx.rt.engine.policy.manifest,
    notifier: ctx.notifier,
    subjectHashes: subjectHashesOf(ctx.rt, request),
    contacts,
  };
}

const reasonOf = (report: RequestReport | null): Record<string, unknown> => ({
  failures: (report?.failures ?? []).map((f) => ({ at: `${f.dataset}.${f.collection}`, code: f.code })),
  notErased: (report?.notErased ?? []).map((n) => `${n.dataset}.${n.collection}.${n.field}`),
});

/**
 * Starts a verified request: a right of the DSR engine runs as a DSR job (`executeRequest`;
 * deregistration as its erasure), a right of the ledger through {@link runLedgerRight}; unless
 * the manifest wants an officer's approval first. Anything else is left for the officer.
 */
export async function startRequest(ctx: CarryOutContext, request: RequestView): Promise<TurnOutcome> {
  const { rt, queue, actor } = ctx;
  const db = rt.store.db;
  const manifest = rt.engine.policy.manifest;
  const once = { actor, once: true };
  if ((LEDGER_RIGHTS as readonly string[]).includes(request.right)) {
    const outcome = await runLedgerRight(rt, request, actor);
    if (outcome.kind === 'manual') {
      await recordEvent(db, request, 'execution-manual', { reason: outcome.reason }, once);
      return 'manual';
    }
    const done = await transitionRequest(
      db,
      request.id,
      { action: 'complete', note: outcome.evidence },
      { actor },
    );
    return done.ok ? 'completed' : 'skipped';
  }
  const kind = runKindOf(request.right);
  if (!kind) return 'skipped';
  if (request.right === 'rectification') {
    await recordEvent(
      db,
      request,
      'execution-manual',
      { reason: 'rectification needs the new values from an officer' },
      once,
    );
    return 'manual';
  }
  if (await awaitingApproval(db, manifest, request)) {
    await recordEvent(db, request, 'awaiting-approval', { kind }, once);
    return 'awaiting-approval';
  }
  if (request.right === 'deregistration') {
    const submitted = await submitOnce(queue, request, {
      manifest,
      kind: 'erase',
      identity: request.identity as IdentityValues,
      source: `request:${request.channel}`,
    });
    if (!submitted.ok) {
      await recordEvent(
        db,
        request,
        'execution-manual',
        { code: submitted.code, path: submitted.path },
        once,
      );
      return 'manual';
    }
    const started = await transitionRequest(
      db,
      request.id,
      { action: 'start' },
      { actor, dsrRequestId: submitted.dsrRequestId },
    );
    return started.ok ? 'started' : 'skipped';
  }
  const executed = await executeRequest(db, queue, request.id, { actor, manifest });
  if (!executed.ok) {
    await recordEvent(db, request, 'execution-manual', { code: executed.code, path: executed.path }, once);
    return 'manual';
  }
  return 'started';
}

/**
 * Follows a request whose DSR job runs: completes it when the job completed (an erasure,
 * rectification or restriction then tells its recipients, once; a deregistration first writes
 * its tombstones), and records why when the job stopped (`partial`, `failed`, several accounts
 * matched): the request then stays for the officer.
 */
export async function followRequest(ctx: CarryOutContext, request: RequestView): Promise<TurnOutcome> {
  const { rt, queue, actor } = ctx;
  const db = rt.store.db;
  const dsrId = request.dsrRequestId as string;
  const job = await queue.state(dsrId);
  if (!job) {
    await recordEvent(db, request, 'execution-stopped', { status: 'missing' }, { actor, once: true });
    return 'stopped';
  }
  if (job.status === 'queued' || job.status === 'running') return 'running';
  if (job.status === 'needs-review') {
    await recordEvent(
      db,
      request,
      'execution-needs-review',
      { rootsMatched: job.rootsMatched },
      { actor, once: true },
    );
    return 'needs-review';
  }
  if (request.right === 'deregistration') return followDeregistration(ctx, request, job);
  if (job.status === 'partial' || job.status === 'failed') {
    await recordEvent(
      db,
      request,
      'execution-stopped',
      { status: job.status, ...reasonOf(job.report) },
      { actor, once: true },
    );
    return 'stopped';
  }
  const synced = await syncExecution(db, queue, request.id, {
    actor,
    notices: noticeOptions(ctx, request, await recipientContacts(db)),
  });
  return synced.ok && synced.status === 'completed' ? 'completed' : 'running';
}

async function followDeregistration(
  ctx: CarryOutContext,
  request: RequestView,
  job: NonNullable<Awaited<ReturnType<DsrQueue['state']>>>,
): Promise<TurnOutcome> {
  const { rt, queue, actor } = ctx;
  const db = rt.store.db;
  // A tombstone written before a crash that came before completing: never written twice.
  const written = await sql<{ n: number }>`select count(*)::int as n from pledge_deregistrations
    where request_id = ${job.id}`.execute(db);
  let tombstones = written.rows[0]?.n ?? 0;
  if (tombstones === 0) {
    const outcome = await completeDeregistration(rt.store, queue, job, {
      manifest: rt.engine.policy.manifest,
      identity: request.identity as IdentityValues,
      actor: `${actor.kind}:${actor.id}`,
      subjectKey: rt.subjectKey,
    });
    if (!outcome.ok) {
      await recordEvent(
        db,
        request,
        'execution-stopped',
        { status: job.status, code: outcome.code, ...reasonOf(job.report) },
        { actor, once: true },
      );
      return 'stopped';
    }
    tombstones = outcome.tombstones;
  }
  const done = await transitionRequest(
    db,
    request.id,
    { action: 'complete', note: `deregistered: ${tombstones} tombstone(s) written` },
    { actor },
  );
  if (!done.ok) return 'skipped';
  // Stopping here before telling the recipients is caught up by noticeMissed.
  await noticeRecipients(db, request.id, {
    ...noticeOptions(ctx, request, await recipientContacts(db)),
    actor,
  });
  return 'completed';
}

/**
 * Tells the recipients of a completed erasure, rectification or restriction whose notices were
 * not sent (the process stopped between completing it and telling them). Recent requests only.
 */
export async function noticeMissed(ctx: CarryOutContext, since: Date): Promise<number> {
  const { rt, actor } = ctx;
  const db = rt.store.db;
  const rows = await sql<{ id: string }>`select r.id from pledge_requests r
    where r.state = 'completed' and r.dsr_request_id is not null
      and r.right in (${sql.join([...NOTICE_RIGHTS])}) and r.completed_at >= ${since}
      and not exists (select 1 from pledge_request_events e
        where e.request_id = r.id and e.action = 'notify-recipients')`.execute(db);
  let sent = 0;
  if (rows.rows.length === 0) return sent;
  const contacts = await recipientContacts(db);
  for (const { id } of rows.rows) {
    const request = await getRequest(db, id);
    if (!request) continue;
    const notices = await noticeRecipients(db, id, { ...noticeOptions(ctx, request, contacts), actor });
    if (notices.ok) sent += 1;
  }
  return sent;
}
