import type { Store } from '@pledge/store';
import { CompiledQuery, type Kysely } from 'kysely';

/** What pg-boss calls to run SQL when it is given a `db` instead of a connection string. */
export interface BossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * An adapter running pg-boss's SQL on the store's database. On PostgreSQL it is the store's
 * pool. On PGlite, which has one connection, each statement borrows that connection through
 * the store's own queue (so it never lands inside another caller's transaction), and a text
 * without parameters goes through `exec`, since pg-boss sends multi-statement scripts
 * (`BEGIN; ...; COMMIT;`) that the extended protocol refuses.
 */
export function bossDb(store: Store): BossDb {
  if (store.kind === 'postgres' && store.pool) {
    const pool = store.pool;
    return { executeSql: (text, values) => pool.query(text, values as unknown[] | undefined) };
  }
  const pglite = store.pglite;
  if (!pglite) throw new Error('store has neither a PostgreSQL pool nor a PGlite database');
  return {
    executeSql: (text, values) =>
      store.db.connection().execute(async () => {
        if (values && values.length > 0) return pglite.query(text, values);
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }),
  };
}

/**
 * A {@link BossDb} running on a Kysely transaction (or connection): pass it as the `db`
 * option of `boss.send` to queue a job in the same transaction as the caller's own writes.
 * Only for single parameterised statements, which is what sending a job is.
 */
export function transactionBossDb<T>(trx: Kysely<T>): BossDb {
  return {
    async executeSql(text, values) {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: [...result.rows] };
    },
  };
}

/** A {@link BossDb} that knows the statements it is running. */
export interface TrackedBossDb extends BossDb {
  /** Settles once every statement sent so far has ended. */
  idle(): Promise<void>;
}

/** Wraps a {@link BossDb} to follow its statements (pg-boss does not await marking a job complete). */
export function trackBossDb(db: BossDb): TrackedBossDb {
  const running = new Set<Promise<unknown>>();
  return {
    executeSql(text, values) {
      const query = db.executeSql(text, values);
      running.add(query);
      const forget = () => running.delete(query);
      query.then(forget, forget);
      return query;
    },
    async idle() {
      await Promise.allSettled([...running]);
    },
  };
}
