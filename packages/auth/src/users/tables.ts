import type { ColumnType, Generated, Kysely } from 'kysely';

/** `pledge_console_users` (store migration `0006-console-users`). */
export interface ConsoleUserTable {
  id: string;
  /** Case-folded; unique. */
  email: string;
  name: string;
  role: string;
  /** Argon2id PHC string; null until a password is set (OIDC-only users). */
  password_hash: string | null;
  setup_digest: string | null;
  setup_expires_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  /** Base32 TOTP secret; never returned by any API of this package. */
  totp_secret: string | null;
  /** The last time step whose code was accepted (a code is never accepted twice). */
  totp_last_step: ColumnType<string | null, number | null, number | null>;
  confidentiality_ack_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  failed_attempts: ColumnType<number, number | undefined, number>;
  locked_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
  disabled_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  created_at: ColumnType<Date, Date | string, never>;
}

/** `pledge_console_sessions`: a session's token only as its SHA-256 digest. */
export interface ConsoleSessionTable {
  id: string;
  digest: string;
  user_id: string;
  csrf_token: string;
  method: string;
  mfa: boolean;
  created_at: ColumnType<Date, Date | string, never>;
  last_seen_at: ColumnType<Date, Date | string, Date | string>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

/** `pledge_console_role_changes`: who changed whose role, from what, to what, when. */
export interface RoleChangeTable {
  seq: Generated<number>;
  actor: string;
  user_id: string;
  from_role: string | null;
  to_role: string;
  at: ColumnType<Date, Date | string, never>;
}

/** `pledge_console_oidc_flows`: a started OIDC sign-in, keyed by the digest of its `state`. */
export interface OidcFlowTable {
  state_digest: string;
  nonce: string;
  code_verifier: string;
  expires_at: ColumnType<Date, Date | string, never>;
}

/** The console tables. */
export interface ConsoleDatabase {
  pledge_console_users: ConsoleUserTable;
  pledge_console_sessions: ConsoleSessionTable;
  pledge_console_role_changes: RoleChangeTable;
  pledge_console_oidc_flows: OidcFlowTable;
}

/** A store's database seen through the console tables. */
export type ConsoleDb = Kysely<ConsoleDatabase>;

/** A store (migrated through `0006-console-users`), or anything holding its database. */
export interface ConsoleStore {
  readonly db: unknown;
}

/** The console tables of a store. */
export const consoleDb = (store: ConsoleStore): ConsoleDb => store.db as ConsoleDb;
