import type { Store } from '@pledge/store';
import { backendKinds, freshStore as freshMigratedStore } from '../../store/test/backends.js';

/** Back ends the jobs tests run on: the store tests' own (PGlite always, PostgreSQL when it answers). */
export { backendKinds };

/** A store on a fresh database of the given kind, without the store's migrations (jobs brings its own). */
export function freshStore(
  kind: 'pglite' | 'postgres',
): Promise<{ store: Store; url?: string; cleanup(): Promise<void> }> {
  return freshMigratedStore(kind, { migrate: false });
}
