import { runMigrations } from '@pledge/jobs';
import { type Kysely, type Migration, sql } from 'kysely';

const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pledge_dsr_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('phase', 'text', (c) => c.notNull().defaultTo('locate'))
      .addColumn('manifest', 'jsonb', (c) => c.notNull())
      .addColumn('manifest_hash', 'text', (c) => c.notNull())
      .addColumn('plan', 'jsonb', (c) => c.notNull())
      .addColumn('identity', 'jsonb')
      .addColumn('params', 'jsonb', (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('heartbeat_at', 'timestamptz')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('report', 'jsonb')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('finished_at', 'timestamptz')
      .execute();
    await db.schema
      .createIndex('pledge_dsr_requests_status')
      .on('pledge_dsr_requests')
      .columns(['status', 'heartbeat_at'])
      .execute();
    await db.schema
      .createTable('pledge_dsr_steps')
      .addColumn('request_id', 'text', (c) =>
        c.notNull().references('pledge_dsr_requests.id').onDelete('cascade'),
      )
      .addColumn('step_index', 'integer', (c) => c.notNull())
      .addColumn('dataset', 'text', (c) => c.notNull())
      .addColumn('collection', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('located_keys', 'jsonb')
      .addColumn('ref_values', 'jsonb')
      .addColumn('batches_done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('affected', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('statements', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('output', 'json')
      .addColumn('error_code', 'text')
      .addColumn('error_message', 'text')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('pledge_dsr_steps_pk', ['request_id', 'step_index'])
      .execute();
    await db.schema
      .createTable('pledge_dsr_packages')
      .addColumn('request_id', 'text', (c) =>
        c.primaryKey().references('pledge_dsr_requests.id').onDelete('cascade'),
      )
      .addColumn('zip', 'bytea', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('pledge_dsr_packages').execute();
    await db.schema.dropTable('pledge_dsr_steps').execute();
    await db.schema.dropTable('pledge_dsr_requests').execute();
  },
};

/** Manifests kept once per content hash; a request names its manifest by `manifest_hash`. */
const m0002: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pledge_dsr_manifests')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('manifest', 'jsonb', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .alterTable('pledge_dsr_requests')
      .alterColumn('manifest', (c) => c.dropNotNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await sql`update pledge_dsr_requests as r set manifest = m.manifest
      from pledge_dsr_manifests as m where r.manifest is null and m.hash = r.manifest_hash`.execute(db);
    await db.schema
      .alterTable('pledge_dsr_requests')
      .alterColumn('manifest', (c) => c.setNotNull())
      .execute();
    await db.schema.dropTable('pledge_dsr_manifests').execute();
  },
};

/**
 * Review of ambiguous requests: how many root rows the identity matched, and the count
 * someone confirmed. A request in `needs-review` runs only when the two agree.
 */
const m0003: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('pledge_dsr_requests')
      .addColumn('roots_matched', 'integer')
      .addColumn('roots_confirmed', 'integer')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema
      .alterTable('pledge_dsr_requests')
      .dropColumn('roots_matched')
      .dropColumn('roots_confirmed')
      .execute();
  },
};

/**
 * The hash of a request's plan JSON, so a worker that planned it already does not read the
 * plan back when it takes the request (null for requests made before).
 */
const m0004: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('pledge_dsr_requests').addColumn('plan_hash', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('pledge_dsr_requests').dropColumn('plan_hash').execute();
  },
};

/** This package's migrations, in order; names are stable and never reused. */
export const dsrMigrations: Record<string, Migration> = {
  '0001-dsr-requests': m0001,
  '0002-dsr-manifests': m0002,
  '0003-dsr-review': m0003,
  '0004-dsr-plan-hash': m0004,
};

/**
 * Creates or updates the request, step and package tables, in their own migration table
 * (`pledge_dsr_migrations`) beside the store's. Safe to run from several processes.
 */
export async function migrateDsr<T>(db: Kysely<T>): Promise<void> {
  await runMigrations(db, { owner: 'dsr', migrations: dsrMigrations, table: 'pledge_dsr_migrations' });
}
