import type { IdentityKind, Manifest } from '@pledge/core';
import type { DsrQueue, IdentityValues, RectifyValue, RequestInput } from '@pledge/dsr';
import { type Clock, systemClock } from '@pledge/jobs';
import type { Kysely } from 'kysely';
import type { RequestActor } from '../intake/channels.js';
import { getRequest, requestsDb } from '../store/queries.js';
import type { RequestView } from '../store/view.js';
import { transitionRequest } from '../workflow/record-transition.js';
import { dsrKindOf } from '../workflow/rights.js';
import { type RequestRefusal, refusal } from '../workflow/transition.js';
import { NOTICE_RIGHTS, noticeRecipients, type RecipientNoticeOptions } from './recipient-notices.js';

/** Options of {@link executeRequest}. */
export interface ExecuteOptions {
  actor: RequestActor;
  manifest: Manifest;
  clock?: Clock;
  /** Rectification: the new values, by field (the officer's reading of the request). */
  rectify?: Record<string, RectifyValue>;
}

/** The request, now in progress, and the DSR job that carries it out. */
export type ExecuteResult = { ok: true; request: RequestView; dsrRequestId: string } | RequestRefusal;

/** States from which a request may be carried out: verified, never before (P0-45). */
const RUNNABLE = new Set(['verified', 'extended']);

/**
 * Carries out a verified request whose right the DSR engine handles (access and portability,
 * erasure, rectification, restriction): submits a DSR job with the request's identity values
 * under the request's id ({@link submitOnce}: calling it again after a crash never runs it twice),
 * records its id on the request and moves the request to `in-progress`, with the event. A right
 * the engine does not handle is refused with `request.manual-right` (the officer handles it); an
 * unverified request with `request.not-verified`; a plan the engine refuses with its own issue
 * code and path. The DSR job may stop in `needs-review` when the identity matched several
 * accounts: {@link syncExecution} reports it and {@link approveExecution} lets it run.
 */
export async function executeRequest<T>(
  db: Kysely<T>,
  queue: DsrQueue,
  id: string,
  options: ExecuteOptions,
): Promise<ExecuteResult> {
  const request = await getRequest(db, id);
  if (!request) return refusal('request.not-found', 'id', 'no request has this id');
  if (!RUNNABLE.has(request.state)) {
    return refusal('request.not-verified', 'state', `a request in ${request.state} cannot be carried out`);
  }
  if (request.dsrRequestId)
    return refusal('request.already-running', 'state', 'this request already has a DSR job');
  const kind = dsrKindOf(request.right);
  if (!kind)
    return refusal(
      'request.manual-right',
      'right',
      `${request.right} is handled by an officer, not the DSR engine`,
    );
  if (kind === 'rectify' && !options.rectify) {
    return refusal('request.rectify-values-required', 'rectify', 'rectification needs the new values');
  }
  const identity = request.identity as IdentityValues & Record<IdentityKind, string[]>;
  const submitted = await submitOnce(queue, request, {
    manifest: options.manifest,
    kind,
    identity,
    source: `request:${request.channel}`,
    ...(kind === 'rectify' && options.rectify ? { rectify: options.rectify } : {}),
  });
  if (!submitted.ok) return submitted;
  const started = await transitionRequest(
    db,
    id,
    { action: 'start' },
    {
      actor: options.actor,
      clock: options.clock ?? systemClock,
      dsrRequestId: submitted.dsrRequestId,
    },
  );
  if (!started.ok) return started;
  return { ok: true, request: started.request, dsrRequestId: submitted.dsrRequestId };
}

/**
 * Submits the DSR job of a request under the request's own id, once: a job already submitted
 * for it (by a process that stopped before recording it on the request, or by another process
 * at the same time) is taken over instead of submitting a second one, so a request never runs
 * twice. A plan the engine refuses comes back with its first issue's code and path.
 */
export async function submitOnce(
  queue: DsrQueue,
  request: Pick<RequestView, 'id'>,
  input: Omit<RequestInput, 'id'>,
): Promise<{ ok: true; dsrRequestId: string } | RequestRefusal> {
  if (await queue.state(request.id)) return { ok: true, dsrRequestId: request.id };
  let created: Awaited<ReturnType<DsrQueue['submit']>>;
  try {
    created = await queue.submit({ ...input, id: request.id });
  } catch (error) {
    // Lost a race with another process submitting the same request: its job is the one.
    if (await queue.state(request.id)) return { ok: true, dsrRequestId: request.id };
    throw error;
  }
  if (!created.ok) {
    const issue = created.issues[0];
    return refusal(
      issue?.code ?? 'dsr.refused',
      issue?.path ?? 'identity',
      issue?.message ?? 'the DSR engine refused the plan',
    );
  }
  return { ok: true, dsrRequestId: created.id };
}

/** Where the DSR job of a request stands. */
export type ExecutionStatus =
  | { ok: true; status: 'running' | 'failed'; request: RequestView }
  | {
      ok: true;
      status: 'completed';
      request: RequestView;
      /** The recipients told, when this call completed an erasure, rectification or restriction. */
      notices?: Awaited<ReturnType<typeof noticeRecipients>>;
    }
  | { ok: true; status: 'needs-review'; request: RequestView; rootsMatched: number }
  | RequestRefusal;

/**
 * Reads the DSR job of a request in progress and follows it: a job that ended `completed` or
 * `no-data-found` completes the request; `needs-review` (several accounts matched) waits for an
 * officer's {@link approveExecution}; `partial` and `failed` are reported, the request stays in
 * progress for the officer. With `notices`, completing an erasure, rectification or restriction
 * also tells its recipients ({@link noticeRecipients}), once.
 */
export async function syncExecution<T>(
  db: Kysely<T>,
  queue: DsrQueue,
  id: string,
  options: {
    actor: RequestActor;
    clock?: Clock;
    notices?: Omit<RecipientNoticeOptions, 'actor' | 'clock'>;
  },
): Promise<ExecutionStatus> {
  const request = await getRequest(db, id);
  if (!request) return refusal('request.not-found', 'id', 'no request has this id');
  if (!request.dsrRequestId) return refusal('request.not-running', 'state', 'this request has no DSR job');
  const job = await queue.state(request.dsrRequestId);
  if (!job) return refusal('request.dsr-job-missing', 'dsrRequestId', 'the DSR job of this request is gone');
  if (job.status === 'completed' || job.status === 'no-data-found') {
    if (request.state === 'completed') return { ok: true, status: 'completed', request };
    const { notices: noticeOptions, ...context } = options;
    const done = await transitionRequest(
      db,
      id,
      { action: 'complete', note: `DSR job ${job.status}` },
      context,
    );
    if (!done.ok) return done;
    if (noticeOptions && (NOTICE_RIGHTS as readonly string[]).includes(done.request.right)) {
      const notices = await noticeRecipients(db, id, { ...noticeOptions, ...context });
      return { ok: true, status: 'completed', request: done.request, notices };
    }
    return { ok: true, status: 'completed', request: done.request };
  }
  if (job.status === 'needs-review') {
    return { ok: true, status: 'needs-review', request, rootsMatched: job.rootsMatched ?? 0 };
  }
  if (job.status === 'failed' || job.status === 'partial') return { ok: true, status: 'failed', request };
  return { ok: true, status: 'running', request };
}

/**
 * An officer's approval of a DSR job waiting in `needs-review`: confirms the number of accounts
 * the identity matched (the DSR engine's safety rule) and queues it again; the approval is an
 * event of the request.
 */
export async function approveExecution<T>(
  db: Kysely<T>,
  queue: DsrQueue,
  id: string,
  roots: number,
  options: { actor: RequestActor; clock?: Clock },
): Promise<{ ok: true } | RequestRefusal> {
  const request = await getRequest(db, id);
  if (!request?.dsrRequestId) return refusal('request.not-running', 'state', 'this request has no DSR job');
  const confirmed = await queue.confirm(request.dsrRequestId, roots);
  if (!confirmed.ok) return refusal(confirmed.code, 'roots', confirmed.message);
  await requestsDb(db)
    .insertInto('pledge_request_events')
    .values({
      request_id: id,
      at: (options.clock ?? systemClock).now(),
      action: 'approve',
      from_state: request.state,
      to_state: request.state,
      actor_kind: options.actor.kind,
      actor_id: options.actor.id,
      detail: JSON.stringify({ roots }),
    })
    .execute();
  return { ok: true };
}
