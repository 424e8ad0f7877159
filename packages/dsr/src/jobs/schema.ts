import type { StepStatus } from '@pledge/jobs';
import type { ColumnType } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/**
 * Every status of a request, the one list the engine, the CLI and the docs share.
 *
 * - `queued`, `running`: waiting for or held by a worker.
 * - `needs-review`: the identity matched more than one root row; nothing was written, and the
 *   request runs only once someone confirms that count (`confirmRoots`).
 * - `completed`: every step done and every planned field erased (or read, or rectified).
 * - `no-data-found`: every step ran and no row matched the identity; nothing was written.
 * - `partial`: some work done, some not (a failed step, or fields `not-erased`).
 * - `failed`: nothing done: a step failed before any other was done, or the preflight
 *   refused the request (then nothing was written).
 */
export const REQUEST_STATUSES = [
  'queued',
  'running',
  'needs-review',
  'completed',
  'no-data-found',
  'partial',
  'failed',
] as const;
/** A status of {@link REQUEST_STATUSES}. */
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * What each status means for a worker: `active` (queued or running), `waiting` for a person,
 * `final` (never run again), `retry` (a later attempt retries what is not done).
 */
export const REQUEST_STATUS_ROLE: Readonly<Record<RequestStatus, 'active' | 'waiting' | 'final' | 'retry'>> =
  {
    queued: 'active',
    running: 'active',
    'needs-review': 'waiting',
    completed: 'final',
    'no-data-found': 'final',
    partial: 'retry',
    failed: 'retry',
  };
/** Status of a step (the job machinery's step states). */
export type { StepStatus };
/** Where a request is: locating every step's keys, writing (or reading) step by step, or finished. */
export type RequestPhase = 'locate' | 'act' | 'finished';

/** One data-subject request. Identity values and new values are cleared once it finishes. */
export interface DsrRequestTable {
  id: string;
  kind: string;
  status: string;
  phase: string;
  /** Null since manifests are kept once per hash in `pledge_dsr_manifests`. */
  manifest: NullableJson<unknown>;
  manifest_hash: string;
  plan: Json<unknown>;
  /** SHA-256 of the plan's JSON as stored; null for requests made before it was kept. */
  plan_hash: ColumnType<string | null, string | null | undefined, string | null>;
  identity: NullableJson<unknown>;
  params: Json<unknown>;
  lease_owner: string | null;
  heartbeat_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  attempts: ColumnType<number, number | undefined, number>;
  report: NullableJson<unknown>;
  /** Root rows the identity matched, when more than one: the count a review must confirm. */
  roots_matched: ColumnType<number | null, number | null | undefined, number | null>;
  /** The root count someone confirmed (at submission or in review); the request runs only on a match. */
  roots_confirmed: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

/** One table step of a request. */
export interface DsrStepTable {
  request_id: string;
  step_index: number;
  dataset: string;
  collection: string;
  status: string;
  /** Keys found in the locate phase, fixed before any write: a resumed step touches these. */
  located_keys: NullableJson<Array<string | number>>;
  /** Values of the fields later steps locate by (`provides`), from the located rows. */
  ref_values: NullableJson<Record<string, Array<string | number>>>;
  batches_done: ColumnType<number, number | undefined, number>;
  affected: ColumnType<number, number | undefined, number>;
  statements: ColumnType<number, number | undefined, number>;
  /** Access: the rows read, until the package is built. */
  output: NullableJson<unknown>;
  error_code: string | null;
  error_message: string | null;
  updated_at: Timestamp;
}

/** A manifest requests were planned from, kept once per content hash. */
export interface DsrManifestTable {
  hash: string;
  manifest: Json<unknown>;
  created_at: Timestamp;
}

/** The access package of a request (a zip). */
export interface DsrPackageTable {
  request_id: string;
  zip: Uint8Array;
  created_at: Timestamp;
}

/** Tables this package owns. */
export interface DsrDatabase {
  pledge_dsr_requests: DsrRequestTable;
  pledge_dsr_steps: DsrStepTable;
  pledge_dsr_packages: DsrPackageTable;
  pledge_dsr_manifests: DsrManifestTable;
}
