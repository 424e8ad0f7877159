import { runMigrations } from '@pledge/jobs';
import { type Kysely, type Migration, sql } from 'kysely';

/** Challenges (codes kept only as keyed hashes), results, used tokens, agents' authorisations. */
const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pledge_verification_challenges')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('address_hash', 'text', (c) => c.notNull())
      .addColumn('ip_hash', 'text')
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('request_ref', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('pledge_verification_challenges_address')
      .on('pledge_verification_challenges')
      .columns(['address_hash', 'created_at'])
      .execute();
    await db.schema
      .createIndex('pledge_verification_challenges_ip')
      .on('pledge_verification_challenges')
      .columns(['ip_hash', 'created_at'])
      .execute();
    await db.schema
      .createTable('pledge_verification_results')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_ref', 'text')
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('subject_hash', 'text')
      .addColumn('evidence', 'text')
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('pledge_verification_results_request')
      .on('pledge_verification_results')
      .columns(['request_ref', 'at'])
      .execute();
    await db.schema
      .createTable('pledge_verification_tokens_used')
      .addColumn('jti', 'text', (c) => c.primaryKey())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('pledge_verification_agents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_ref', 'text', (c) => c.notNull())
      .addColumn('agent_name', 'text', (c) => c.notNull())
      .addColumn('agent_contact', 'text', (c) => c.notNull())
      .addColumn('document_ref', 'text', (c) => c.notNull())
      .addColumn('scope', 'jsonb', (c) => c.notNull())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const t of ['agents', 'tokens_used', 'results', 'challenges']) {
      await db.schema.dropTable(`pledge_verification_${t}`).execute();
    }
  },
};

/** The verification migrations, in order; names are stable and never reused. */
export const verificationMigrations: Record<string, Migration> = {
  '0001-verification': m0001,
};

/**
 * Creates or updates the verification tables, in their own migration table
 * (`pledge_verification_migrations`). Safe to run from several processes.
 */
export async function migrateVerification<T>(db: Kysely<T>): Promise<void> {
  await runMigrations(db, {
    owner: 'verification',
    migrations: verificationMigrations,
    table: 'pledge_verification_migrations',
  });
}
