import { openStore as openRawStore, type Store } from '@pledge/store';
import { describeDatabaseUrl } from '../paths.js';
import { type LockHolder, lockDataDir } from './data-dir-lock.js';

/** Where the store lives: PostgreSQL when a URL is given, else PGlite in a folder, else in memory. */
export interface StoreLocation {
  databaseUrl?: string;
  /** The embedded database's folder; omitted (with no URL): an in-memory database. */
  dataDir?: string;
}

/** Options of {@link openConfiguredStore}. */
export interface OpenStoreOptions {
  /** What this process is, recorded in the data-directory lock (`server`, `cli`, `worker`). */
  role?: string;
  /** Called when an idle PostgreSQL connection fails (it is replaced on next use). */
  onIdleError?: (error: Error) => void;
}

/** An opened store; `close` (idempotent) also releases the data directory. */
export interface OpenedStore {
  store: Store;
  /** Where it is, without credentials: `PGlite at <dir>` or `PostgreSQL at postgres://host/db`. */
  description: string;
  /** Records, in the data-directory lock, where this process answers (no-op off PGlite). */
  advertise(url: string): Promise<void>;
  close(): Promise<void>;
}

/** Why a store could not be opened; `message` carries no credentials. */
export type StoreOpenError =
  | {
      ok: false;
      /** Another live process holds the embedded database's folder. */
      code: 'store.locked';
      dataDir: string;
      /** The lock file, for an operator who knows no such process runs. */
      lockFile: string;
      holder: LockHolder;
      message: string;
    }
  | { ok: false; code: 'store.unreachable' | 'store.unopenable'; message: string };

/** Outcome of {@link openConfiguredStore}. */
export type OpenStoreResult = { ok: true; opened: OpenedStore } | StoreOpenError;

/**
 * Opens the configured store: PostgreSQL (several processes may share it), PGlite in its
 * data directory (one process at a time: the folder is locked, and a second opener gets
 * `store.locked` naming the holder), or PGlite in memory. Every process that opens an embedded
 * store goes through here, so every one of them takes the lock.
 */
export async function openConfiguredStore(
  location: StoreLocation,
  options: OpenStoreOptions = {},
): Promise<OpenStoreResult> {
  const { role, onIdleError } = options;
  if (location.databaseUrl) {
    const description = `PostgreSQL at ${describeDatabaseUrl(location.databaseUrl)}`;
    const store = await openRawStore({ url: location.databaseUrl, ...(onIdleError ? { onIdleError } : {}) });
    try {
      await store.pool?.query('SELECT 1');
    } catch (error) {
      await store.close();
      return {
        ok: false,
        code: 'store.unreachable',
        message: `cannot reach ${description} (${reason(error)})`,
      };
    }
    return { ok: true, opened: opened(store, description, () => store.close()) };
  }
  if (!location.dataDir) {
    const store = await openRawStore();
    return { ok: true, opened: opened(store, 'PGlite in memory', () => store.close()) };
  }
  const dataDir = location.dataDir;
  const lock = await lockDataDir(dataDir, role);
  if (!lock.ok) {
    const role = lock.holder.role ? ` (a Pledge ${lock.holder.role})` : '';
    return {
      ok: false,
      code: 'store.locked',
      dataDir,
      lockFile: lock.file,
      holder: lock.holder,
      message: `the data directory ${dataDir} is in use by process ${lock.pid}${role} (the embedded database takes one process: two processes on one embedded database corrupt it; stop it, or delete ${lock.file} if no such process runs)`,
    };
  }
  try {
    const store = await openRawStore({ dataDir });
    return {
      ok: true,
      opened: {
        ...opened(store, `PGlite at ${dataDir}`, async () => {
          await store.close();
          await lock.release();
        }),
        advertise: (url) => lock.advertise(url),
      },
    };
  } catch (error) {
    await lock.release();
    return {
      ok: false,
      code: 'store.unopenable',
      message: `cannot open the embedded database in ${dataDir} (${reason(error)})`,
    };
  }
}

function opened(store: Store, description: string, close: () => Promise<void>): OpenedStore {
  return { store, description, advertise: async () => undefined, close: once(close) };
}

/** `fn` run at most once; later calls share the first one's promise. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= fn();
    return done;
  };
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // A system error's code (ECONNREFUSED); a PostgreSQL error's first line (no credentials in either).
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  return error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'error';
}
