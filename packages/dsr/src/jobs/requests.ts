import { randomUUID } from 'node:crypto';
import type { IdentityKind, Issue, Manifest } from '@pledge/core';
import { type LeaseTable, leaseStatement, renewLease, staleLeases, takeLease } from '@pledge/jobs';
import { type Kysely, type Selectable, sql } from 'kysely';
import { identityIssues } from '../identity/check-identity.js';
import { buildPlan, planRunnable } from '../plan/build-plan.js';
import type { DsrKind, IdentityValues, Plan } from '../plan/types.js';
import { isManifestStored, manifestHash, manifestStored } from './manifests.js';
import { cachedPlan, knownPlanHashes, planOfHash } from './plan-cache.js';
import type { DsrDatabase, DsrRequestTable, DsrStepTable } from './schema.js';

/** A value a rectification sets. */
export type RectifyValue = string | number | boolean | null;

/** What a restriction covers; both omitted: all processing of the subject. */
export interface RestrictionScope {
  /** The subject's id in the ledger; default: the user-id identity value, else the first one given. */
  subject?: string;
  purposes?: string[];
  categories?: string[];
}

/** A request to create. */
export interface RequestInput {
  /**
   * The request's id; default a new UUID. A caller that must never run the same request twice
   * (the server's request runner) derives it from its own record, so a second submission after a
   * crash is refused by the primary key instead of running again.
   */
  id?: string;
  manifest: Manifest;
  kind: DsrKind;
  identity: IdentityValues;
  /** Rectification: new values by `field`, `collection.field` or `dataset.collection.field`. */
  rectify?: Record<string, RectifyValue>;
  restriction?: RestrictionScope;
  /** Keys per write statement (default 1000). */
  batchSize?: number;
  /** Where the request came from: cli, api, console (recorded with a restriction). */
  source?: string;
  /**
   * The number of root rows the requester confirms in advance (`--confirm-roots N`): when the
   * identity matches more than one root row, the request runs only if this is that count;
   * otherwise it waits in `needs-review`.
   */
  confirmRoots?: number;
}

/** Parameters kept with a request. */
export interface RequestParams {
  rectify?: Record<string, RectifyValue>;
  restriction?: RestrictionScope;
  batchSize: number;
  source: string;
}

/** A created request, or the issues that stopped it. */
export type CreateResult = { ok: true; id: string; plan: Plan } | { ok: false; issues: Issue[]; plan?: Plan };

/** The plan of a restriction: no datastore step; the ledger is written. */
function restrictionPlan(): Plan {
  return {
    kind: 'restrict',
    steps: [],
    writeOrder: [],
    identity: { known: [], used: [], missing: [] },
    unreachable: [],
    notReached: [],
    issues: [],
  };
}

function kindsOf(identity: IdentityValues): IdentityKind[] {
  return (Object.entries(identity) as Array<[IdentityKind, readonly string[] | undefined]>)
    .filter(([, values]) => Array.isArray(values) && values.length > 0)
    .map(([kind]) => kind);
}

/**
 * Plans a request and records it with one pending step per collection, in one transaction.
 * A plan with errors creates nothing and returns its issues.
 */
export async function createRequest(db: Kysely<DsrDatabase>, input: RequestInput): Promise<CreateResult> {
  const kinds = kindsOf(input.identity);
  if (kinds.length === 0) {
    return {
      ok: false,
      issues: [
        {
          code: 'dsr.identity-empty',
          severity: 'error',
          path: 'identity',
          message: 'give at least one identity value',
        },
      ],
    };
  }
  // Every value is checked before any lookup: a blank or pattern value must never reach a store.
  const invalid = identityIssues(input.manifest, input.identity);
  if (invalid.length > 0) return { ok: false, issues: invalid };
  if (input.confirmRoots !== undefined && (!Number.isInteger(input.confirmRoots) || input.confirmRoots < 2)) {
    return {
      ok: false,
      issues: [
        {
          code: 'dsr.confirm-roots-invalid',
          severity: 'error',
          path: 'confirmRoots',
          message: 'must be a whole number of at least 2 (the root rows the identity matches)',
        },
      ],
    };
  }
  const { text, hash } = manifestHash(input.manifest);
  const rectify = input.kind === 'rectify' ? Object.keys(input.rectify ?? {}) : undefined;
  // Pure in the manifest's content and these options: planned once per distinct set of them.
  const {
    plan,
    json: planJson,
    hash: planHashed,
  } = cachedPlan(JSON.stringify([hash, input.kind, kinds, rectify ?? null]), () =>
    input.kind === 'restrict'
      ? restrictionPlan()
      : buildPlan(input.manifest, {
          kind: input.kind,
          identity: kinds,
          ...(rectify ? { rectify } : {}),
        }),
  );
  if (!planRunnable(plan)) return { ok: false, issues: plan.issues, plan };
  const id = input.id ?? randomUUID();
  const params: RequestParams = {
    batchSize: input.batchSize ?? 1000,
    source: input.source ?? 'api',
    ...(input.rectify ? { rectify: input.rectify } : {}),
    ...(input.restriction ? { restriction: input.restriction } : {}),
  };
  const manifestKnown = isManifestStored(db, hash);
  const steps =
    input.kind === 'restrict'
      ? [{ dataset: '(ledger)', collection: 'restriction' }]
      : plan.steps.map((s) => ({ dataset: s.dataset, collection: s.collection }));
  // One statement (atomic on its own): the manifest when this process has not stored it yet,
  // the request, and its steps, instead of a transaction of three round trips and more.
  const manifestPart = manifestKnown
    ? sql``
    : sql`stored_manifest as (insert into pledge_dsr_manifests (hash, manifest)
        values (${hash}, ${text}::jsonb) on conflict (hash) do nothing returning hash),`;
  const created = sql`created as (insert into pledge_dsr_requests
      (id, kind, status, phase, manifest, manifest_hash, plan, plan_hash, identity, params, roots_confirmed)
      values (${id}, ${input.kind}, 'queued', 'locate', null, ${hash}, ${planJson}::jsonb, ${planHashed},
        ${JSON.stringify(input.identity)}::jsonb, ${JSON.stringify(params)}::jsonb,
        ${input.confirmRoots ?? null}::int)
      returning id)`;
  const values = sql.join(steps.map((s, i) => sql`(${i}::int, ${s.dataset}::text, ${s.collection}::text)`));
  await sql`with ${manifestPart} ${created}
    insert into pledge_dsr_steps (request_id, step_index, dataset, collection, status)
    select created.id, v.idx, v.dataset, v.collection, 'pending'
    from created cross join (values ${values}) as v(idx, dataset, collection)`.execute(db);
  manifestStored(db, hash);
  return { ok: true, id, plan };
}

/** Requests are leased by `id` in their own table. */
const REQUEST_LEASE: LeaseTable = { table: 'pledge_dsr_requests' };

/** What taking a request's lease sets, and which requests may be taken: not finished, not in review. */
const REQUEST_TAKE = {
  set: sql`status = 'running', attempts = attempts + 1, updated_at = now()`,
  where: sql`phase <> 'finished' and status <> 'needs-review'`,
};

/**
 * Takes the request for this worker: only when it is not finished, not waiting for review,
 * and no other worker holds it with a heartbeat newer than `staleAfterMs`. Returns false
 * otherwise.
 */
export function acquireLease(
  db: Kysely<DsrDatabase>,
  id: string,
  worker: string,
  staleAfterMs: number,
): Promise<boolean> {
  return takeLease(db, REQUEST_LEASE, id, worker, staleAfterMs, REQUEST_TAKE);
}

/** A leased request with its steps in index order, read in the statement that took the lease. */
export interface LeasedRequest {
  request: Selectable<DsrRequestTable>;
  steps: Array<Selectable<DsrStepTable>>;
}

/** The request columns a run reads, but the plan (sent only when the worker does not hold it). */
const LEASED_COLUMNS = sql.join(
  [
    'id',
    'kind',
    'status',
    'phase',
    'manifest',
    'manifest_hash',
    'plan_hash',
    'identity',
    'params',
    'lease_owner',
    'heartbeat_at',
    'attempts',
    'report',
    'roots_matched',
    'roots_confirmed',
    'created_at',
    'updated_at',
    'finished_at',
  ].map((c) => sql.ref(`leased.${c}`)),
);

/**
 * {@link acquireLease} and the reads a run starts with, in one statement: the request row and
 * its steps, or undefined when another worker holds it, it is finished or it waits for review.
 * The stored plan is sent only when this process does not hold a plan of the same hash (the
 * same JSON, planned here); reading it back was most of the statement's time.
 */
export async function leaseAndLoad(
  db: Kysely<DsrDatabase>,
  id: string,
  worker: string,
  staleAfterMs: number,
): Promise<LeasedRequest | undefined> {
  const lease = leaseStatement(REQUEST_LEASE, id, worker, staleAfterMs, REQUEST_TAKE);
  const held = knownPlanHashes();
  const result = await sql<Selectable<DsrRequestTable> & { steps: Array<Selectable<DsrStepTable>> }>`
    with leased as (${lease} returning *)
    select ${LEASED_COLUMNS},
      case when leased.plan_hash = any(${held}::text[]) then null else leased.plan end as plan,
      coalesce((select json_agg(s order by s.step_index) from pledge_dsr_steps s
      where s.request_id = leased.id), '[]'::json) as steps
    from leased`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  const { steps, ...request } = row;
  if (request.plan === null) {
    // Held when the statement was sent; read back only if it has since left the cache.
    request.plan =
      planOfHash(request.plan_hash) ??
      (
        await db
          .selectFrom('pledge_dsr_requests')
          .select('plan')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).plan;
  }
  return { request, steps };
}

/** Refreshes the heartbeat; false when the lease was taken over (this worker must stop). */
export function heartbeat(db: Kysely<DsrDatabase>, id: string, worker: string): Promise<boolean> {
  return renewLease(db, REQUEST_LEASE, id, worker);
}

/** Requests held by a worker whose heartbeat is older than `staleAfterMs` (it died). */
export function staleRequests(db: Kysely<DsrDatabase>, staleAfterMs: number): Promise<string[]> {
  return staleLeases(db, REQUEST_LEASE, staleAfterMs, sql`status = 'running'`);
}
