import { randomUUID } from 'node:crypto';
import { createConnector, type StatementListener } from '@pledge/connectors';
import type { Manifest } from '@pledge/core';
import {
  type AccessDocument,
  type ConnectorFactory,
  createRequest,
  type DsrDatabase,
  dsrDb,
  KeptConnectors,
  migrateDsr,
  type RequestReport,
  runRequest,
  unzipPackage,
} from '@pledge/dsr';
import type { KnownSubject } from '@pledge/refdata';
import { migrateToLatest, openStore, type Store } from '@pledge/store';
import type { Kysely } from 'kysely';
import type { Lane, LaneRun, Phase } from './lane.js';
import { Probe } from './probe.js';
import type { World } from './world.js';

/** Where Pledge keeps its own job state. */
export type StoreKind = 'pglite' | 'postgres';

/** How a Pledge lane is set up. */
export interface PledgeLaneOptions {
  /** PostgreSQL URL of the store; omitted: in-memory PGlite (Pledge's default). */
  url?: string;
  /** Experiment: keep the connectors open across requests (see `keptConnectors`). */
  keepConnections?: boolean;
  /** Called once the lane is closed (drops a scratch database). */
  onClose?: () => Promise<void>;
  /** Also told of every datastore statement (`count-statements.ts` lists them). */
  onStatement?: StatementListener;
}

/** A fixed HMAC key, as a worker would have configured (the camera-app plan hashes nothing). */
const SECRET = 'bench-erasure-secret';
/** The ledger's subject key (held outside the database, as in production). */
const BENCH_SUBJECT_KEY = 'bench-subject-key-0123456789';

/**
 * The connectors a worker would open for the camera-app datasets (what `connectorsFromEnv`
 * makes from PLEDGE_CAMERA_PG_URL, PLEDGE_CAMERA_REDIS_URL and PLEDGE_CAMERA_FILES_DIR),
 * plus the Redis key prefix the benchmark's data lives under, each instrumented by `probe`.
 */
export function benchConnectors(
  world: World,
  probe?: Probe,
  onStatement?: StatementListener,
): ConnectorFactory {
  return (dataset) => {
    const kind = dataset.datastore.kind;
    const connector =
      kind === 'postgres'
        ? createConnector('postgres', world.pgUrl)
        : kind === 'redis'
          ? createConnector('redis', { url: world.redisUrl, keyPrefix: world.redisPrefix })
          : kind === 'files'
            ? createConnector('files', world.filesDir)
            : undefined;
    if (connector && onStatement) connector.onStatement(onStatement);
    return connector && probe ? probe.instrumentConnector(connector) : connector;
  };
}

/** The key of a package row, as the erasure check looks it up. */
function keyOf(collection: string, row: Record<string, unknown>): string | number {
  if (collection === 'camera_redis.push:{account_id}') return `push:${String(row.account_id)}`;
  if (collection === 'camera_redis.session:{id}') return `session:${String(row.id)}`;
  if (collection.startsWith('camera_files.')) return String(row.path);
  return row.id as number;
}

/**
 * Pledge's own DSR path, as a worker runs it once pg-boss hands it a job: `createRequest`
 * (plans with `buildPlan` and records the request and its steps), then `runRequest` (locate
 * phase, then act phase on the real connectors, job and step state in the store), and for
 * access the zipped package read back from the store. Timed end to end.
 */
export class PledgeLane implements Lane {
  readonly name: string;
  readonly #store: Store;
  readonly #timed: Store;
  readonly #db: Kysely<DsrDatabase>;
  readonly #probe: Probe;
  readonly #manifest: Manifest;
  readonly #connectors: ConnectorFactory;
  readonly #worker = randomUUID();
  readonly #onClose: () => Promise<void>;
  readonly #kept: KeptConnectors | undefined;

  private constructor(store: Store, manifest: Manifest, world: World, options: PledgeLaneOptions) {
    this.name = `pledge (${store.kind} store${options.keepConnections ? ', connections kept' : ''})`;
    this.#store = store;
    this.#probe = new Probe();
    this.#timed = this.#probe.instrumentStore(store);
    this.#db = dsrDb(this.#timed);
    this.#manifest = manifest;
    this.#connectors = benchConnectors(world, this.#probe, options.onStatement);
    // A worker keeps its connectors open across requests (KeptConnectors, as `work()` does).
    this.#kept = options.keepConnections ? new KeptConnectors(this.#connectors) : undefined;
    this.#onClose = async () => {
      await this.#kept?.closeAll();
      await options.onClose?.();
    };
  }

  /**
   * Opens the store (in-memory PGlite, or PostgreSQL at `options.url`) and migrates its tables
   * and the DSR tables (an erasure forgets the subject in the ledger, so the store's own
   * tables are needed too).
   */
  static async open(manifest: Manifest, world: World, options: PledgeLaneOptions = {}): Promise<PledgeLane> {
    const store = await openStore(options.url ? { url: options.url } : {});
    await migrateToLatest(store.db);
    await migrateDsr(dsrDb(store));
    return new PledgeLane(store, manifest, world, options);
  }

  async run(phase: Phase, subject: KnownSubject): Promise<LaneRun> {
    this.#probe.reset();
    const started = performance.now();
    const created = await createRequest(this.#db, {
      manifest: this.#manifest,
      kind: phase,
      identity: subject.identities,
      source: 'bench',
    });
    if (!created.ok) throw new Error(`plan refused: ${created.issues.map((i) => i.code).join(', ')}`);
    const outcome = await runRequest(this.#timed, created.id, {
      worker: this.#worker,
      connectors: this.#connectors,
      ...(this.#kept ? { kept: this.#kept } : {}),
      staleAfterMs: 60_000,
      secret: SECRET,
      subjectKey: BENCH_SUBJECT_KEY,
    });
    const zip =
      phase === 'access'
        ? await this.#db
            .selectFrom('pledge_dsr_packages')
            .select('zip')
            .where('request_id', '=', created.id)
            .executeTakeFirst()
        : undefined;
    const ms = performance.now() - started;
    const breakdown = this.#probe.reset();

    const row = await dsrDb(this.#store)
      .selectFrom('pledge_dsr_requests')
      .select('report')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    const report = row.report as RequestReport | null;
    if (outcome.status !== 'completed' || !report) {
      const failures = report?.failures.map((f) => `${f.dataset}.${f.collection}: ${f.code}`).join('; ');
      throw new Error(`pledge ${phase} ended ${outcome.status}${failures ? `: ${failures}` : ''}`);
    }
    const perCollection: Record<string, number> = {};
    const keys: Record<string, Array<string | number>> = {};
    let packageBytes: number | undefined;
    if (phase === 'access') {
      if (!zip) throw new Error('pledge access left no package');
      packageBytes = zip.zip.length;
      const document = JSON.parse(
        unzipPackage(new Uint8Array(zip.zip))['access.json'] ?? '{}',
      ) as AccessDocument;
      for (const c of document.collections) {
        const name = `${c.dataset}.${c.collection}`;
        perCollection[name] = c.rows.length;
        keys[name] = c.rows.map((r) => keyOf(name, r));
      }
    } else {
      for (const step of report.steps) perCollection[`${step.dataset}.${step.collection}`] = step.affected;
    }
    return {
      ms,
      rows: Object.values(perCollection).reduce((sum, n) => sum + n, 0),
      perCollection,
      statements: breakdown.statements,
      kindMs: breakdown.datastoreMsByKind,
      datastoreWallMs: breakdown.datastoreWallMs,
      ...(phase === 'access' ? { keys, packageBytes } : {}),
      breakdown,
    };
  }

  async close(): Promise<void> {
    await this.#store.close();
    await this.#onClose();
  }
}
