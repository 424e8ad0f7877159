import { type Kysely, type Migration, sql } from 'kysely';
import { runMigrations } from './run-migrations.js';

/** Recurring jobs: one row per schedule, its next due time moved forward as it fires. */
const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pledge_job_schedules')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('queue', 'text', (c) => c.notNull())
      .addColumn('data', 'jsonb', (c) => c.notNull())
      .addColumn('every_ms', 'bigint', (c) => c.notNull())
      .addColumn('anchor_at', 'timestamptz', (c) => c.notNull())
      .addColumn('next_run_at', 'timestamptz', (c) => c.notNull())
      .addColumn('last_run_at', 'timestamptz')
      .addColumn('fired', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createIndex('pledge_job_schedules_due')
      .on('pledge_job_schedules')
      .column('next_run_at')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('pledge_job_schedules').execute();
  },
};

/** This package's migrations, in order; names are stable and never reused. */
export const jobsMigrations: Record<string, Migration> = {
  '0001-job-schedules': m0001,
};

/** Creates or updates the jobs tables (`pledge_jobs_migrations` tracks them). */
export async function migrateJobs<T>(db: Kysely<T>): Promise<void> {
  await runMigrations(db, { owner: 'jobs', migrations: jobsMigrations, table: 'pledge_jobs_migrations' });
}
