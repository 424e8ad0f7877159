import type { Store } from '@pledge/store';
import PgBoss from 'pg-boss';
import { type BossDb, bossDb } from './boss-db.js';

/** A pg-boss queue to create when missing, with its retry and expiry settings. */
export type QueueSpec = Omit<PgBoss.Queue, 'name'> & { name: string };

/** How to start pg-boss. */
export interface OpenBossOptions {
  /** Where pg-boss runs its SQL; default {@link bossDb} of the store. */
  db?: BossDb;
  /** Queues created when missing (existing queues keep their settings). */
  queues?: readonly QueueSpec[];
}

/**
 * Starts pg-boss on the store's database (PostgreSQL, or PGlite through {@link bossDb}) and
 * creates the queues named. pg-boss's own cron scheduler stays off: recurring work goes
 * through `openRecurring`, which reads an injectable clock.
 */
export async function openBoss(store: Store, options: OpenBossOptions = {}): Promise<PgBoss> {
  const db = options.db ?? bossDb(store);
  const boss = new PgBoss({ db, schedule: false } as ConstructorParameters<typeof PgBoss>[0]);
  // pg-boss reports maintenance errors as events; an unhandled 'error' event would crash the process.
  boss.on('error', () => {});
  await boss.start();
  for (const queue of options.queues ?? []) {
    if (!(await boss.getQueue(queue.name))) await boss.createQueue(queue.name, queue);
  }
  return boss;
}
