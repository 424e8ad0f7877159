import type { KnownSubject } from '@pledge/refdata';
import type { RunBreakdown, StatementCounts } from './probe.js';

/** The two phases timed per subject, in this order. */
export type Phase = 'access' | 'erase';

/** One timed request (access or erasure of one subject) on one lane. */
export interface LaneRun {
  /** End to end, ms. */
  ms: number;
  /** Rows, keys and files read (access) or changed or removed (erasure). */
  rows: number;
  /** The same per `dataset.collection`. */
  perCollection: Record<string, number>;
  /** Datastore statements: SQL statements, Redis round trips, file-system calls. */
  statements: StatementCounts;
  /** Time waiting on each datastore (`postgres`, `redis`, `files`), ms. */
  kindMs: Record<string, number>;
  /** Wall time with a datastore call in flight, when calls overlap (else the sum of `kindMs`). */
  datastoreWallMs?: number;
  /** Access: the keys found per collection (`id`, Redis key, file path), for the erasure check. */
  keys?: Record<string, Array<string | number>>;
  /** Access: bytes of the package produced. */
  packageBytes?: number;
  /** Pledge only: where the time went. */
  breakdown?: RunBreakdown;
}

/** A way of answering a subject's requests: Pledge's DSR path, or the hand-written script. */
export interface Lane {
  readonly name: string;
  run(phase: Phase, subject: KnownSubject): Promise<LaneRun>;
  close(): Promise<void>;
}

/** The collections of the camera-app manifest, as `dataset.collection`. */
export const COLLECTIONS = [
  'camera_pg.accounts',
  'camera_pg.third_party_logins',
  'camera_pg.devices',
  'camera_pg.device_shares',
  'camera_pg.alarm_events',
  'camera_pg.intercom_sessions',
  'camera_files.screenshots/{account_id}',
  'camera_files.intercom/{account_id}',
  'camera_redis.push:{account_id}',
  'camera_redis.session:{id}',
] as const;

/** Sum of a per-collection count. */
export function sumRows(perCollection: Record<string, number>): number {
  return Object.values(perCollection).reduce((sum, n) => sum + n, 0);
}

/**
 * Throws when a lane did not read (or erase) exactly the subject's rows in every collection
 * (the counts `knownSubject` gives): a benchmark of the wrong work would be meaningless.
 */
export function checkCounts(lane: string, phase: Phase, subject: KnownSubject, run: LaneRun): void {
  const wrong = COLLECTIONS.filter((c) => (run.perCollection[c] ?? 0) !== (subject.rows[c] ?? 0));
  if (wrong.length > 0) {
    const detail = wrong
      .map((c) => `${c}: ${run.perCollection[c] ?? 0} (expected ${subject.rows[c] ?? 0})`)
      .join('; ');
    throw new Error(`${lane} ${phase} of subject ${subject.index} touched the wrong rows: ${detail}`);
  }
}
