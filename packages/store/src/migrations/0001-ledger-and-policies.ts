import { type Kysely, sql } from 'kysely';
import { GENESIS_HASH } from '../ledger/hash.js';

/** Consent ledger, its chain head, published policy versions and settings. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pledge_ledger_events')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('id', 'uuid', (c) => c.notNull().unique())
    .addColumn('subject_hash', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('purposes', sql`text[]`, (c) => c.notNull())
    .addColumn('categories', sql`text[]`, (c) => c.notNull())
    .addColumn('consent_mode', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text')
    .addColumn('policy_version', 'text', (c) => c.notNull())
    .addColumn('policy_hash', 'text', (c) => c.notNull())
    .addColumn('notice_hash', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('signal', 'text')
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pledge_ledger_events_subject')
    .on('pledge_ledger_events')
    .columns(['subject_hash', 'seq'])
    .execute();
  await db.schema
    .createTable('pledge_ledger_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO pledge_ledger_head (id, seq, hash) VALUES (1, 0, ${GENESIS_HASH})`.execute(db);
  await db.schema
    .createTable('pledge_policy_versions')
    .addColumn('seq', 'serial', (c) => c.primaryKey())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addColumn('manifest', 'jsonb', (c) => c.notNull())
    .addColumn('changes', 'jsonb', (c) => c.notNull())
    .addColumn('renewal_purposes', sql`text[]`, (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('pledge_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

/** Drops what {@link up} created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'pledge_settings',
    'pledge_policy_versions',
    'pledge_ledger_head',
    'pledge_ledger_events',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
