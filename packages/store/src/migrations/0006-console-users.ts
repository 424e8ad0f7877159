import { type Kysely, sql } from 'kysely';

/**
 * Console users and sessions (`@pledge/auth`). A user's e-mail is stored case-folded and is
 * unique; the password only as an Argon2id hash; the TOTP secret is never returned by the API.
 * Sessions and password-setup links are stored as the SHA-256 digest of their token only.
 * Every role change is a row in `pledge_console_role_changes` (who, whom, from, to, when).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pledge_console_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('setup_digest', 'text', (c) => c.unique())
    .addColumn('setup_expires_at', 'timestamptz')
    .addColumn('totp_secret', 'text')
    .addColumn('totp_last_step', 'bigint')
    .addColumn('confidentiality_ack_at', 'timestamptz')
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('pledge_console_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('digest', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) =>
      c.notNull().references('pledge_console_users.id').onDelete('cascade'),
    )
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('mfa', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('pledge_console_role_changes')
    .addColumn('seq', 'serial', (c) => c.primaryKey())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('pledge_console_users.id'))
    .addColumn('from_role', 'text')
    .addColumn('to_role', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('pledge_console_oidc_flows')
    .addColumn('state_digest', 'text', (c) => c.primaryKey())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX pledge_console_sessions_user ON pledge_console_sessions (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pledge_console_oidc_flows').execute();
  await db.schema.dropTable('pledge_console_role_changes').execute();
  await db.schema.dropTable('pledge_console_sessions').execute();
  await db.schema.dropTable('pledge_console_users').execute();
}
