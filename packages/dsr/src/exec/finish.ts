import type { Manifest } from '@pledge/core';
import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import type { DsrDatabase, DsrStepTable, RequestStatus } from '../jobs/schema.js';
import { accessDocument, type PackageCollection } from '../package/access-document.js';
import { zipPackage } from '../package/zip-package.js';
import type { Plan } from '../plan/types.js';
import { type NotErased, notErasedFields } from './not-erased.js';
import type { PreflightProblem } from './preflight.js';
import type { RootsMatched } from './review.js';
import { stepRowsUpdate } from './step-rows.js';
import type { JsonValue } from './values.js';

/** One step as a report shows it: counts and codes, never row values. */
export interface StepReport {
  index: number;
  dataset: string;
  collection: string;
  status: string;
  located: number | null;
  affected: number;
  statements: number;
  batchesDone: number;
  errorCode?: string;
  error?: string;
  /** Erasure: fields kept under a legal hold. */
  kept?: Array<{ field: string; legalHold: string }>;
}

/** What a finished (or stopped) request reports. */
export interface RequestReport {
  id: string;
  kind: string;
  status: RequestStatus;
  steps: StepReport[];
  failures: Array<{ dataset: string; collection: string; code: string; message: string }>;
  kept: Array<{ dataset: string; collection: string; field: string; legalHold: string }>;
  /** Erasure: personal fields left in place on the subject's rows, with why; the request is then `partial`. */
  notErased?: NotErased[];
  /** Why the preflight refused the request (nothing was written). */
  preflight?: PreflightProblem[];
  /** `needs-review`: root rows matched, per root collection, and the count confirmed so far. */
  review?: RootsMatched & { confirmed: number | null };
  /** Access: the package was built and stored. */
  package?: { bytes: number; collections: number; rows: number };
}

/** What a run found beside its step rows. */
export interface RunFindings {
  preflight?: PreflightProblem[];
}

/**
 * The status step rows show. Every step done: `no-data-found` when no step found a row,
 * `partial` when fields were left `not-erased`, else `completed`; otherwise `partial` when
 * some step is done, `failed` when none is; a preflight refusal stops the run there.
 */
export function statusOf(
  plan: Plan,
  rows: ReadonlyArray<Selectable<DsrStepTable>>,
  notErased: readonly NotErased[],
  findings: RunFindings = {},
): RequestStatus {
  const done = rows.filter((r) => r.status === 'done').length;
  // A preflight refusal on a resumed run keeps what earlier attempts did.
  if ((findings.preflight?.length ?? 0) > 0) return done > 0 ? 'partial' : 'failed';
  if (done < rows.length) return done > 0 ? 'partial' : 'failed';
  const found = rows.reduce((n, r) => n + (r.located_keys?.length ?? 0), 0);
  if (plan.kind !== 'restrict' && found === 0) return 'no-data-found';
  return notErased.length > 0 ? 'partial' : 'completed';
}

/** Builds the report of a request from its step rows. */
export async function buildReport(
  db: Kysely<DsrDatabase>,
  id: string,
  plan: Plan,
  known?: { kind: string; rows: ReadonlyArray<Selectable<DsrStepTable>> },
): Promise<Omit<RequestReport, 'status'>> {
  const request =
    known ??
    (await db
      .selectFrom('pledge_dsr_requests')
      .select(['kind'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow());
  const rows = known?.rows ?? (await loadStepRows(db, id));
  const steps: StepReport[] = rows.map((r) => {
    const held = plan.steps[r.step_index]?.erasure?.held ?? [];
    return {
      index: r.step_index,
      dataset: r.dataset,
      collection: r.collection,
      status: r.status,
      located: r.located_keys ? r.located_keys.length : null,
      affected: r.affected,
      statements: r.statements,
      batchesDone: r.batches_done,
      ...(r.error_code ? { errorCode: r.error_code } : {}),
      ...(r.error_message ? { error: r.error_message } : {}),
      ...(held.length > 0 ? { kept: held } : {}),
    };
  });
  return {
    id,
    kind: request.kind,
    steps,
    failures: steps
      .filter((s) => s.errorCode !== undefined && s.status !== 'done')
      .map((s) => ({
        dataset: s.dataset,
        collection: s.collection,
        code: s.errorCode ?? '',
        message: s.error ?? '',
      })),
    kept: steps.flatMap((s) =>
      (s.kept ?? []).map((k) => ({
        dataset: s.dataset,
        collection: s.collection,
        field: k.field,
        legalHold: k.legalHold,
      })),
    ),
  };
}

/** What a run already holds when it ends, so that ending it reads nothing back. */
export interface FinishKnown {
  /** The step rows as the run left them (in index order). */
  rows: ReadonlyArray<Selectable<DsrStepTable>>;
  /** The request's identity values as stored. */
  identity: unknown;
  /**
   * Steps whose state the run holds but has not stored (access reads, erasure progress deferred
   * to the end): stored with the request's end, in the same statement.
   */
  unsaved: readonly number[];
  /** The unsaved steps' located keys are stored already (an erasure stores them before its first write). */
  keysSaved?: boolean;
  /** A write sent with the request's end in the same statement (an erasure forgetting the subject in the ledger). */
  also?: RawBuilder<unknown>;
}

/**
 * Ends a run with the status {@link statusOf} gives. An access request that found data gets
 * its package (partial ones list what is missing). A request whose every step is done is
 * finished: it forgets the identity values and new values it was given, and the rows copied
 * for its package, and is never run again; the lease is released. With `known` (a
 * worker's run), the steps and identity are not read back, and the package, the unsaved
 * steps and the request are written in one statement.
 */
export async function finishRequest(
  db: Kysely<DsrDatabase>,
  id: string,
  manifest: Manifest,
  plan: Plan,
  at: Date,
  known?: FinishKnown,
  findings: RunFindings = {},
): Promise<RequestStatus> {
  const rows = known?.rows ?? (await loadStepRows(db, id));
  const notErased = notErasedFields(
    manifest,
    plan,
    (index) => rows.find((r) => r.step_index === index)?.located_keys?.length ?? 0,
  );
  const status = statusOf(plan, rows, notErased, findings);
  let packageInfo: RequestReport['package'];
  let zip: Uint8Array | undefined;
  if (plan.kind === 'access' && status !== 'failed' && status !== 'no-data-found') {
    const request =
      known ??
      (await db
        .selectFrom('pledge_dsr_requests')
        .select(['identity'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow());
    const collections: PackageCollection[] = rows
      .filter((r) => r.status === 'done')
      .map((r) => {
        const step = plan.steps[r.step_index];
        return {
          dataset: r.dataset,
          collection: r.collection,
          datastore: step?.datastore ?? '',
          categories: step?.categories ?? [],
          rows: (r.output ?? []) as Array<Record<string, JsonValue>>,
        };
      });
    const incomplete = rows
      .filter((r) => r.status !== 'done')
      .map((r) => ({ dataset: r.dataset, collection: r.collection, code: r.error_code ?? 'not-done' }));
    const identityKinds = Object.keys((request.identity ?? {}) as object);
    zip = zipPackage(
      accessDocument(manifest, { requestId: id, generatedAt: at, identityKinds }, collections, incomplete),
    );
    packageInfo = {
      bytes: zip.length,
      collections: collections.length,
      rows: collections.reduce((n, c) => n + c.rows.length, 0),
    };
  }
  const report: RequestReport = {
    ...(await buildReport(db, id, plan, { kind: plan.kind, rows })),
    status,
    ...(notErased.length > 0 ? { notErased } : {}),
    ...(findings.preflight && findings.preflight.length > 0 ? { preflight: findings.preflight } : {}),
    ...(packageInfo ? { package: packageInfo } : {}),
  };
  const finished = rows.every((r) => r.status === 'done') && status !== 'failed';
  await sql`with ${sql.join(
    [
      ...(zip
        ? [
            sql`package as (insert into pledge_dsr_packages (request_id, zip) values (${id}, ${zip})
              on conflict (request_id) do update set zip = excluded.zip, created_at = ${at} returning 1)`,
          ]
        : []),
      ...stepWrites(
        id,
        rows,
        known?.unsaved ?? [],
        finished && plan.kind === 'access',
        known?.keysSaved ?? false,
      ),
      ...(known?.also ? [sql`also as (${known.also} returning 1)`] : []),
      sql`noop as (select 1)`,
    ],
    sql`, `,
  )}
    update pledge_dsr_requests set status = ${status}, report = ${JSON.stringify(report)}::jsonb,
      lease_owner = null, updated_at = now()${
        finished
          ? sql`, phase = 'finished', finished_at = ${at}, identity = null,
            params = params - 'rectify' #- '{restriction,subject}'`
          : sql``
      }
    where id = ${id}`.execute(db);
  return status;
}

/**
 * The step writes that go with a request's end: the steps whose state the run holds but has not
 * stored (an access's reads with their keys, an erasure's progress deferred to here; their rows
 * only when the request may run again, none once it is completed), and once an access request
 * is completed, the outputs stored by earlier attempts cleared. Never two writes to one row.
 */
function stepWrites(
  id: string,
  rows: ReadonlyArray<Selectable<DsrStepTable>>,
  unsaved: readonly number[],
  forget: boolean,
  keysSaved: boolean,
) {
  const writes = [];
  const saved = rows.filter((r) => unsaved.includes(r.step_index));
  if (saved.length > 0) {
    const update = stepRowsUpdate(id, saved, { keys: !keysSaved, forgetOutput: forget });
    writes.push(sql`saved as (${update} returning 1)`);
  }
  if (forget) {
    const others = rows.filter((r) => !unsaved.includes(r.step_index)).map((r) => r.step_index);
    if (others.length > 0) {
      writes.push(sql`forgotten as (update pledge_dsr_steps set output = null
        where request_id = ${id} and output is not null
          and step_index in (${sql.join(others.map((i) => sql`${i}::int`))}) returning 1)`);
    }
  }
  return writes;
}

async function loadStepRows(db: Kysely<DsrDatabase>, id: string): Promise<Array<Selectable<DsrStepTable>>> {
  return db
    .selectFrom('pledge_dsr_steps')
    .selectAll()
    .where('request_id', '=', id)
    .orderBy('step_index')
    .execute();
}
