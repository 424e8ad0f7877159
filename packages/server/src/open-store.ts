import { openStore, type Store } from '@pledge/store';
import { describeDatabaseUrl } from './config.js';
import { lockDataDir } from './data-dir-lock.js';

/** Where the store lives: PostgreSQL when a URL is given, else PGlite in a folder. */
export interface StoreLocation {
  databaseUrl?: string;
  dataDir: string;
}

/** An opened store; `close` (idempotent) also releases the data directory. */
export interface OpenedStore {
  store: Store;
  /** Where it is, without credentials: `PGlite at <dir>` or `PostgreSQL at postgres://host/db`. */
  description: string;
  close(): Promise<void>;
}

/**
 * Opens the configured store: PostgreSQL (several processes may share it) or PGlite in its
 * data directory (one process at a time: the folder is locked). Failures come back as a
 * message without credentials.
 */
export async function openConfiguredStore(
  location: StoreLocation,
  onIdleError?: (error: Error) => void,
): Promise<{ ok: true; opened: OpenedStore } | { ok: false; message: string }> {
  if (location.databaseUrl) {
    const description = `PostgreSQL at ${describeDatabaseUrl(location.databaseUrl)}`;
    const store = await openStore({ url: location.databaseUrl, ...(onIdleError ? { onIdleError } : {}) });
    try {
      await store.pool?.query('SELECT 1');
    } catch (error) {
      await store.close();
      return { ok: false, message: `cannot reach ${description} (${reason(error)})` };
    }
    return { ok: true, opened: { store, description, close: once(() => store.close()) } };
  }
  const lock = await lockDataDir(location.dataDir);
  if (!lock.ok) {
    return {
      ok: false,
      message: `the data directory ${location.dataDir} is in use by process ${lock.pid} (the embedded database takes one process; stop it, or delete ${lock.file} if no such process runs)`,
    };
  }
  try {
    const store = await openStore({ dataDir: location.dataDir });
    return {
      ok: true,
      opened: {
        store,
        description: `PGlite at ${location.dataDir}`,
        close: once(async () => {
          await store.close();
          await lock.release();
        }),
      },
    };
  } catch (error) {
    await lock.release();
    return {
      ok: false,
      message: `cannot open the embedded database in ${location.dataDir} (${reason(error)})`,
    };
  }
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
