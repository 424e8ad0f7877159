import { timingSafeEqual } from 'node:crypto';
import type { LedgerActor } from '@pledge/core';
import type { Store } from '@pledge/store';
import type { Selectable } from 'kysely';
import type { ApiKeyInfo, Principal } from './principal.js';
import type { ApiScope, KeyKind } from './scopes.js';
import type { ApiKeyTable, AuthDb } from './table.js';
import { generateKeyId, generateToken, tokenDigest } from './token.js';
import { checkNewKey, type KeyIssue, type NewKey } from './validate.js';

/** A store (migrated through `0003-api-keys`), or anything holding its database. */
export type KeyDb = Pick<Store, 'db'>;

const auth = (store: KeyDb): AuthDb => store.db as unknown as AuthDb;

/** A created key: its secret, shown once (only its digest is stored), and what it may do. */
export interface CreatedKey {
  secret: string;
  key: ApiKeyInfo;
}

function toInfo(row: Selectable<ApiKeyTable>): ApiKeyInfo {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as KeyKind,
    scopes: row.scopes as ApiScope[],
    ...(row.origins.length > 0 ? { origins: row.origins } : {}),
    actor: row.actor as LedgerActor,
    createdAt: new Date(row.created_at),
    ...(row.revoked_at ? { revokedAt: new Date(row.revoked_at) } : {}),
  };
}

/**
 * Creates a key: 32 random bytes behind a recognisable prefix (`pledge_sk_`, site keys
 * `pledge_pk_`). Stores the SHA-256 digest, never the secret; returns the secret once.
 */
export async function createApiKey(
  db: KeyDb,
  input: NewKey,
  now: Date = new Date(),
): Promise<{ ok: true; created: CreatedKey } | { ok: false; issue: KeyIssue }> {
  const checked = checkNewKey(input);
  if (!checked.ok) return checked;
  const { key } = checked;
  const secret = generateToken(key.kind);
  const row = await auth(db)
    .insertInto('pledge_api_keys')
    .values({
      id: generateKeyId(),
      digest: tokenDigest(secret),
      name: key.name,
      kind: key.kind,
      scopes: key.scopes,
      origins: key.origins,
      actor: key.actor,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ok: true, created: { secret, key: toInfo(row) } };
}

/** Every key, oldest first; revoked ones are listed with their revocation date. */
export async function listApiKeys(db: KeyDb): Promise<ApiKeyInfo[]> {
  const rows = await auth(db)
    .selectFrom('pledge_api_keys')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toInfo);
}

/** Revokes a key by id: `revoked` true, or false when no active key has that id. */
export async function revokeApiKey(db: KeyDb, id: string, now: Date = new Date()): Promise<boolean> {
  const result = await auth(db)
    .updateTable('pledge_api_keys')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Whether any key is active (no key: only development mode answers). */
export async function hasActiveApiKeys(db: KeyDb): Promise<boolean> {
  const row = await auth(db)
    .selectFrom('pledge_api_keys')
    .select('id')
    .where('revoked_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Origins of the active site keys (for CORS preflights, which carry no credential). */
export async function siteKeyOrigins(db: KeyDb): Promise<Set<string>> {
  const rows = await auth(db)
    .selectFrom('pledge_api_keys')
    .select('origins')
    .where('kind', '=', 'site')
    .where('revoked_at', 'is', null)
    .execute();
  return new Set(rows.flatMap((r) => r.origins));
}

/**
 * The principal of an active key, or undefined. The secret is looked up by its SHA-256
 * digest (an index lookup that reveals nothing about the secret's characters) and the
 * digests are compared in constant time.
 */
export async function authenticateApiKey(db: KeyDb, token: string): Promise<Principal | undefined> {
  if (token.length === 0 || token.length > 200) return undefined;
  const digest = tokenDigest(token);
  const row = await auth(db)
    .selectFrom('pledge_api_keys')
    .selectAll()
    .where('digest', '=', digest)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || !timingSafeEqual(Buffer.from(row.digest, 'hex'), Buffer.from(digest, 'hex'))) return undefined;
  const { createdAt: _c, revokedAt: _r, ...principal } = toInfo(row);
  return principal;
}
