import { type Kysely, sql } from 'kysely';

/**
 * The recipients register: contracts on file (the document itself, checked before storage),
 * inspections and appraisals, engagement dates, the disclosure log (a keyed subject hash,
 * never the identifier) and the deletion requests queued when an engagement ends. Dates of
 * the business kind (signed, expires, started) are ISO `YYYY-MM-DD` text: calendar days,
 * never shifted by a time zone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pledge_recipient_contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('document', 'bytea', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pledge_recipient_contracts_recipient')
    .on('pledge_recipient_contracts')
    .column('recipient')
    .execute();
  await db.schema
    .createTable('pledge_recipient_inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('performed_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('pledge_recipient_engagements')
    .addColumn('recipient', 'text', (c) => c.primaryKey())
    .addColumn('started_on', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('pledge_disclosures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject_hash', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('categories', sql`text[]`, (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('legal_reference', 'text')
    .addColumn('allowed', 'boolean', (c) => c.notNull())
    .addColumn('codes', sql`text[]`, (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pledge_disclosures_recipient_at')
    .on('pledge_disclosures')
    .columns(['recipient', 'at'])
    .execute();
  await db.schema
    .createTable('pledge_recipient_deletion_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('engagement_ended_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('pledge_recipient_deletion_requests_once', ['recipient', 'engagement_ended_on'])
    .execute();
}

/** Drops the register's tables (their contents are lost). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'pledge_recipient_deletion_requests',
    'pledge_disclosures',
    'pledge_recipient_engagements',
    'pledge_recipient_inspections',
    'pledge_recipient_contracts',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
