import { createScratchDatabase, serviceAvailable } from '@pledge/testing';
import { migrateToLatest, openStore, type Store } from '../src/index.js';

/** Back ends every store test runs on: PGlite always, PostgreSQL when it answers. */
export const backendKinds: Array<'pglite' | 'postgres'> = (await serviceAvailable(
  'PostgreSQL',
  '127.0.0.1',
  5432,
))
  ? ['pglite', 'postgres']
  : ['pglite'];

/** A migrated store on a fresh database of the given kind, with its cleanup. */
export async function freshStore(
  kind: 'pglite' | 'postgres',
  options: { migrate?: boolean } = {},
): Promise<{ store: Store; url?: string; cleanup(): Promise<void> }> {
  if (kind === 'pglite') {
    const store = await openStore();
    if (options.migrate !== false) await migrateToLatest(store.db);
    return { store, cleanup: () => store.close() };
  }
  const scratch = await createScratchDatabase('pledge_store');
  const store = await openStore({ url: scratch.url });
  if (options.migrate !== false) await migrateToLatest(store.db);
  return {
    store,
    url: scratch.url,
    cleanup: async () => {
      await store.close();
      await scratch.drop();
    },
  };
}
