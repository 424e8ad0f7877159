import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlitePool } from './pglite-pool.js';
import { pgliteTemplateFor } from './pglite-template.js';
import type { Database } from './schema.js';

// int8 (bigint) as a JS number on both back ends: ledger sequence numbers stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

/**
 * What the embedded store does not promise, said at start by every process that opens one on
 * disk (and in docs/keys.md): PGlite runs PostgreSQL with fsync off and its file system layer
 * has no sync to disk, so a power loss or OS crash can lose or corrupt recent writes.
 */
export const EMBEDDED_DURABILITY_WARNING =
  'the embedded database (PGlite) is for development and single-node use: it does not sync its files to disk, so a power loss or operating-system crash can lose or corrupt recent writes; use PostgreSQL (PLEDGE_DATABASE_URL) in production';

/** Where the store lives. */
export interface StoreOptions {
  /** PostgreSQL connection string. Omitted: embedded PGlite. */
  url?: string;
  /** PGlite data directory. Omitted with no url: in memory. */
  dataDir?: string;
  /** Max PostgreSQL pool size. */
  poolSize?: number;
  /** Called when an idle PostgreSQL connection fails (it is replaced on next use). */
  onIdleError?: (error: Error) => void;
}

/** An open store: a Kysely instance over PGlite or PostgreSQL. */
export interface Store {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** The embedded database's folder, when kind is pglite and it is not in memory. */
  dataDir?: string;
  /** The embedded database, when kind is pglite (for LISTEN and tests). */
  pglite?: PGlite;
  /** The PostgreSQL pool, when kind is postgres. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

/**
 * Opens the store. With `url` (or PLEDGE_DATABASE_URL read by the caller) it talks to
 * PostgreSQL; otherwise it runs PGlite in process. The Kysely dialect is the same.
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client can be cut by the server (restart, failover, DROP DATABASE): the pool
    // discards it and opens a new one on next use; without a listener that would crash the process.
    pool.on('error', (error) => options.onIdleError?.(error));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }
  const template = await pgliteTemplateFor(options.dataDir);
  const pgliteOptions = template ? { loadDataDir: template } : {};
  const pglite = options.dataDir ? new PGlite(options.dataDir, pgliteOptions) : new PGlite(pgliteOptions);
  await pglite.waitReady;
  const pool = new PGlitePool(pglite);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) });
  return {
    db,
    kind: 'pglite',
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
