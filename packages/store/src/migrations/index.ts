import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './0001-ledger-and-policies.js';
import * as m0002 from './0002-chain-format.js';
import * as m0003 from './0003-api-keys.js';
import * as m0004 from './0004-policy-chain.js';
import * as m0005 from './0005-subject-pseudonyms.js';
import * as m0006 from './0006-console-users.js';
import * as m0007 from './0007-audit-log.js';
import * as m0008 from './0008-access-reviews.js';
import * as m0009 from './0009-recipients-register.js';
import * as m0010 from './0010-deregistrations.js';

/** Migrations in order; names are stable and never reused. */
export const migrations: Record<string, Migration> = {
  '0001-ledger-and-policies': m0001,
  '0002-chain-format': m0002,
  '0003-api-keys': m0003,
  '0004-policy-chain': m0004,
  '0005-subject-pseudonyms': m0005,
  '0006-console-users': m0006,
  '0007-audit-log': m0007,
  '0008-access-reviews': m0008,
  '0009-recipients-register': m0009,
  '0010-deregistrations': m0010,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/**
 * Brings the store schema up to date. Safe to call from several processes at once:
 * Kysely's migrator takes a lock table.
 */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<void> {
  const migrator = new Migrator({
    db: db as Kysely<unknown>,
    provider: new StaticProvider(),
    migrationTableName: 'pledge_migrations',
    migrationLockTableName: 'pledge_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(
      `migration ${failed?.migrationName ?? ''} failed: ${(error as Error)?.message ?? 'unknown'}`,
    );
  }
}
