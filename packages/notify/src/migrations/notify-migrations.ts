import { runMigrations } from '@pledge/jobs';
import { type Kysely, type Migration, sql } from 'kysely';

/** The outbox: every message is stored here before any attempt to send it. */
const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pledge_notify_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().defaultTo('transactional'))
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('template', 'text')
      .addColumn('locale', 'text')
      .addColumn('body', 'jsonb', (c) => c.notNull())
      .addColumn('ref', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
      .addColumn('lease_until', 'timestamptz')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('sent_at', 'timestamptz')
      .execute();
    await db.schema
      .createIndex('pledge_notify_outbox_due')
      .on('pledge_notify_outbox')
      .columns(['status', 'next_attempt_at'])
      .execute();
    await db.schema
      .createTable('pledge_notify_inbound')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('mail_from', 'text', (c) => c.notNull())
      .addColumn('rcpt_to', 'jsonb', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('received_at', 'timestamptz', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('body_ref', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('logged'))
      .addColumn('request_ref', 'text')
      .execute();
    await db.schema
      .createTable('pledge_notify_inbound_bodies')
      .addColumn('ref', 'text', (c) => c.primaryKey())
      .addColumn('raw', 'bytea', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('pledge_notify_unsubscribed')
      .addColumn('address_hash', 'text', (c) => c.notNull())
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('pledge_notify_unsubscribed_pk', ['address_hash', 'list'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('pledge_notify_unsubscribed').execute();
    await db.schema.dropTable('pledge_notify_inbound_bodies').execute();
    await db.schema.dropTable('pledge_notify_inbound').execute();
    await db.schema.dropTable('pledge_notify_outbox').execute();
  },
};

/**
 * Polling an IMAP mailbox: where each mailbox's reading stopped (its UIDVALIDITY and the last
 * UID logged), and a key per message read from a mailbox (its Message-ID, else a digest of
 * its bytes) so a message read twice is logged once.
 */
const m0002: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pledge_notify_imap_cursor')
      .addColumn('mailbox', 'text', (c) => c.primaryKey())
      .addColumn('uid_validity', 'text', (c) => c.notNull())
      .addColumn('last_uid', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('pledge_notify_inbound').addColumn('message_key', 'text').execute();
    await db.schema
      .createIndex('pledge_notify_inbound_message_key')
      .on('pledge_notify_inbound')
      .column('message_key')
      .unique()
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('pledge_notify_inbound_message_key').execute();
    await db.schema.alterTable('pledge_notify_inbound').dropColumn('message_key').execute();
    await db.schema.dropTable('pledge_notify_imap_cursor').execute();
  },
};

/** This package's migrations, in order; names are stable and never reused. */
export const notifyMigrations: Record<string, Migration> = {
  '0001-notify-outbox-inbound': m0001,
  '0002-notify-imap-cursor': m0002,
};

/**
 * Creates or updates the outbox, inbound and unsubscribe tables, in their own migration table
 * (`pledge_notify_migrations`). Safe to run from several processes.
 */
export async function migrateNotify<T>(db: Kysely<T>): Promise<void> {
  await runMigrations(db, {
    owner: 'notify',
    migrations: notifyMigrations,
    table: 'pledge_notify_migrations',
  });
}
