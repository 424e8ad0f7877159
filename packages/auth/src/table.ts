import type { ColumnType, Kysely } from 'kysely';

/** `pledge_api_keys` (store migration `0003-api-keys`): one row per key, the secret only as its digest. */
export interface ApiKeyTable {
  id: string;
  /** SHA-256 of the secret, hex. */
  digest: string;
  name: string;
  kind: string;
  scopes: ColumnType<string[], string[], string[]>;
  origins: ColumnType<string[], string[], string[]>;
  actor: string;
  created_at: ColumnType<Date, Date | string, never>;
  revoked_at: ColumnType<Date | null, never, Date | string>;
}

/** The tables this package reads and writes. */
export interface AuthDatabase {
  pledge_api_keys: ApiKeyTable;
}

/** A store's database seen through this package's tables (the store migrates them). */
export type AuthDb = Kysely<AuthDatabase>;
