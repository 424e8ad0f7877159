import { type BossDb, bossDb, openBoss as openJobsBoss } from '@pledge/jobs';
import type { Store } from '@pledge/store';
import type PgBoss from 'pg-boss';

/** The pg-boss queue data-subject requests run on. */
export const DSR_QUEUE = 'pledge-dsr';

/** Starts pg-boss on the store's database (or on `db`) and creates the DSR queue. */
export function openBoss(store: Store, db: BossDb = bossDb(store)): Promise<PgBoss> {
  return openJobsBoss(store, {
    db,
    queues: [
      {
        name: DSR_QUEUE,
        retryLimit: 2,
        retryDelay: 5,
        retryBackoff: true,
        expireInSeconds: 3600,
      },
    ],
  });
}
