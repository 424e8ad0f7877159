import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';

/** A package's own migrations, kept in their own migration table beside the store's. */
export interface MigrationSet {
  /** Who owns them, for error messages: `dsr`, `jobs`. */
  owner: string;
  /** Migrations by stable name, in order; names are never reused. */
  migrations: Record<string, Migration>;
  /** Migration table; its lock table is `<table>_lock`. */
  table: string;
}

/** Brings a {@link MigrationSet} up to date. Safe to run from several processes (a lock table). */
export async function runMigrations<T>(db: Kysely<T>, set: MigrationSet): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => set.migrations };
  const migrator = new Migrator({
    db: db as Kysely<unknown>,
    provider,
    migrationTableName: set.table,
    migrationLockTableName: `${set.table}_lock`,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(
      `${set.owner} migration ${failed?.migrationName ?? ''} failed: ${(error as Error)?.message ?? 'unknown'}`,
    );
  }
}
