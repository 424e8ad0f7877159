import type { Store } from '@pledge/store';
import { backendKinds, freshStore } from '../../store/test/backends.js';

/** One back end for tests that are not about the database: PostgreSQL when it answers, else PGlite. */
export const backend = backendKinds.includes('postgres') ? 'postgres' : 'pglite';

/** A store with no store migrations (the notify tables are created by the code under test). */
export async function bareStore(): Promise<{ store: Store; cleanup(): Promise<void> }> {
  return freshStore(backend, { migrate: false });
}
