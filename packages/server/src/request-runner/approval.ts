import type { IdentityKind, Manifest } from '@pledge/core';
import { buildPlan, type DsrQueue, type RequestReport } from '@pledge/dsr';
import { dsrKindOf, type RequestView, RIGHT_KINDS } from '@pledge/requests';
import type { Kysely } from 'kysely';
import { hasEvent } from './runner-events.js';

/** What an officer sees before approving: where the plan goes and what it found so far. */
export interface PlanSummary {
  /** `before-run`: the manifest asks for approval; `needs-review`: the identity matched several accounts. */
  readonly stage: 'before-run' | 'needs-review';
  readonly kind: 'access' | 'erase' | 'rectify' | 'restrict';
  /** The collections the plan reaches, with the rows matched when the DSR job located them. */
  readonly collections: ReadonlyArray<{ dataset: string; collection: string; rows: number | null }>;
  /** Root rows (accounts) the identity matched; null before the job located them. */
  readonly rootsMatched: number | null;
}

/** The DSR kind a request runs as: deregistration is an erasure followed by its tombstone. */
export function runKindOf(right: RequestView['right']): PlanSummary['kind'] | undefined {
  return right === 'deregistration' ? 'erase' : dsrKindOf(right);
}

/**
 * Whether the manifest asks an officer to approve the plan of this request before it runs: a
 * `rights[]` entry of the request's right with `approval: officer`, granted where the request's
 * law applies (an entry without jurisdictions applies everywhere).
 */
export function approvalRequired(
  manifest: Manifest,
  request: Pick<RequestView, 'right' | 'jurisdiction'>,
): boolean {
  const kinds: readonly string[] = RIGHT_KINDS[request.right];
  return manifest.rights.some(
    (r) =>
      kinds.includes(r.right) &&
      r.approval === 'officer' &&
      (r.jurisdictions.length === 0 ||
        !request.jurisdiction ||
        r.jurisdictions.includes(request.jurisdiction as never)),
  );
}

/** Whether the request still waits for an officer's approval of its plan before it runs. */
export async function awaitingApproval<T>(
  db: Kysely<T>,
  manifest: Manifest,
  request: RequestView,
): Promise<boolean> {
  if (request.dsrRequestId || !approvalRequired(manifest, request)) return false;
  return !(await hasEvent(db, request.id, 'approve-plan'));
}

/**
 * The plan summary of a request waiting for approval: the stored DSR job's review (rows per
 * collection, accounts matched) when it waits in `needs-review`, else the collections the plan
 * would reach. Undefined when nothing waits for approval.
 */
export async function planSummary<T>(
  db: Kysely<T>,
  queue: () => Promise<DsrQueue>,
  manifest: Manifest,
  request: RequestView,
): Promise<PlanSummary | undefined> {
  const kind = runKindOf(request.right);
  if (!kind) return undefined;
  if (request.dsrRequestId) {
    const job = await (await queue()).state(request.dsrRequestId);
    if (job?.status !== 'needs-review') return undefined;
    const report = job.report as RequestReport | null;
    const located = new Map((report?.steps ?? []).map((s) => [`${s.dataset}.${s.collection}`, s.located]));
    const review = report?.review;
    const collections = (report?.steps ?? []).map((s) => ({
      dataset: s.dataset,
      collection: s.collection,
      rows:
        review?.collections.find((c) => c.dataset === s.dataset && c.collection === s.collection)?.matched ??
        located.get(`${s.dataset}.${s.collection}`) ??
        null,
    }));
    return {
      stage: 'needs-review',
      kind,
      collections,
      rootsMatched: job.rootsMatched ?? review?.total ?? null,
    };
  }
  if (!(await awaitingApproval(db, manifest, request))) return undefined;
  const identity = Object.keys(request.identity).filter(
    (k) => (request.identity[k]?.length ?? 0) > 0,
  ) as IdentityKind[];
  const plan = kind === 'restrict' ? undefined : buildPlan(manifest, { kind, identity });
  return {
    stage: 'before-run',
    kind,
    collections: (plan?.steps ?? []).map((s) => ({
      dataset: s.dataset,
      collection: s.collection,
      rows: null,
    })),
    rootsMatched: null,
  };
}
