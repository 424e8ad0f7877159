import { openStore, type Store } from '@pledge/store';
import { createScratchDatabase, serviceAvailable } from '@pledge/testing';

/** Back ends the jobs tests run on: PGlite always, PostgreSQL when it answers. */
export const backendKinds: Array<'pglite' | 'postgres'> = (await serviceAvailable(
  'PostgreSQL',
  '127.0.0.1',
  5432,
))
  ? ['pglite', 'postgres']
  : ['pglite'];

/** A store on a fresh database of the given kind, with its cleanup. */
export async function freshStore(
  kind: 'pglite' | 'postgres',
): Promise<{ store: Store; url?: string; cleanup(): Promise<void> }> {
  if (kind === 'pglite') {
    const store = await openStore();
    return { store, cleanup: () => store.close() };
  }
  const scratch = await createScratchDatabase('pledge_jobs');
  const store = await openStore({ url: scratch.url });
  return {
    store,
    url: scratch.url,
    cleanup: async () => {
      await store.close();
      await scratch.drop();
    },
  };
}
