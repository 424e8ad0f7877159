import { type MigrationSet, runMigrations } from '@pledge/jobs';
import { type Kysely, type Migration, sql } from 'kysely';

const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pledge_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('right', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('paused_from', 'text')
      .addColumn('jurisdiction', 'text')
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('contact_kind', 'text', (c) => c.notNull())
      .addColumn('contact', 'text', (c) => c.notNull())
      .addColumn('contact_digest', 'text', (c) => c.notNull())
      .addColumn('identity', 'jsonb', (c) => c.notNull())
      .addColumn('details', 'text')
      .addColumn('language', 'text')
      .addColumn('agent', 'jsonb')
      .addColumn('received_at', 'timestamptz', (c) => c.notNull())
      .addColumn('verified_at', 'timestamptz')
      .addColumn('verification_method', 'text')
      .addColumn('rules', 'jsonb', (c) => c.notNull())
      .addColumn('due_at', 'timestamptz')
      .addColumn('due_rule', 'text')
      .addColumn('remind_at', 'timestamptz')
      .addColumn('reminded_at', 'timestamptz')
      .addColumn('overdue_at', 'timestamptz')
      .addColumn('paused_at', 'timestamptz')
      .addColumn('paused_ms', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('extension', 'jsonb')
      .addColumn('denial', 'jsonb')
      .addColumn('fee', 'jsonb', (c) => c.notNull())
      .addColumn('duplicate_of', 'text', (c) => c.references('pledge_requests.id'))
      .addColumn('dsr_request_id', 'text')
      .addColumn('completed_at', 'timestamptz')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createIndex('pledge_requests_due')
      .on('pledge_requests')
      .columns(['state', 'due_at'])
      .execute();
    await db.schema
      .createIndex('pledge_requests_contact')
      .on('pledge_requests')
      .columns(['contact_digest', 'right', 'received_at'])
      .execute();
    await db.schema
      .createTable('pledge_request_events')
      .addColumn('seq', 'bigserial', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull().references('pledge_requests.id'))
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text')
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('detail', 'jsonb', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('pledge_request_events_request')
      .on('pledge_request_events')
      .columns(['request_id', 'seq'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('pledge_request_events').execute();
    await db.schema.dropTable('pledge_requests').execute();
  },
};

/** The checklist of manual tasks: stores a request touches that no connector reaches. */
const m0002: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pledge_request_manual_tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) =>
        c.notNull().references('pledge_requests.id').onDelete('cascade'),
      )
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('done', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('evidence', 'text')
      .addColumn('done_by_kind', 'text')
      .addColumn('done_by_id', 'text')
      .addColumn('done_at', 'timestamptz')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addUniqueConstraint('pledge_request_manual_tasks_key', ['request_id', 'key'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('pledge_request_manual_tasks').execute();
  },
};

/** Where each recipient takes notices of completed requests (no secret: webhooks are signed with one from the environment). */
const m0003: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pledge_recipient_contacts')
      .addColumn('recipient', 'text', (c) => c.primaryKey())
      .addColumn('webhook_url', 'text')
      .addColumn('email', 'text')
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('pledge_recipient_contacts').execute();
  },
};

/** This package's migrations, in order; names are stable and never reused. */
export const requestsMigrations: MigrationSet = {
  owner: 'requests',
  table: 'pledge_requests_migrations',
  migrations: { '0001-requests': m0001, '0002-manual-tasks': m0002, '0003-recipient-contacts': m0003 },
};

/**
 * Creates or updates the request and request-event tables, in their own migration table
 * (`pledge_requests_migrations`) beside the store's. Safe to run from several processes.
 */
export async function migrateRequests<T>(db: Kysely<T>): Promise<void> {
  await runMigrations(db, requestsMigrations);
}
