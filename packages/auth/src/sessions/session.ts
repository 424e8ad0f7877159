import { randomBytes } from 'node:crypto';
import type { ConsoleUser } from '../roles.js';
import { tokenDigest } from '../token.js';
import { toConsoleUser } from '../users/info.js';
import { type ConsoleStore, consoleDb } from '../users/tables.js';

/** How a session was opened: the one list. */
export const SIGN_IN_METHODS = ['password', 'oidc'] as const;
/** One of {@link SIGN_IN_METHODS}. */
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** Lifetimes of a session. */
export interface SessionLifetimes {
  /** Longest life from sign-in, ms. Default 12 hours. */
  readonly absoluteMs: number;
  /** Longest time between two requests, ms. Default 30 minutes. */
  readonly idleMs: number;
}

/** The defaults: 12 hours at most, 30 minutes idle. */
export const DEFAULT_SESSION_LIFETIMES: SessionLifetimes = {
  absoluteMs: 12 * 3_600_000,
  idleMs: 30 * 60_000,
};

/** How a session token starts (recognisable in a leaked file or a secret scanner). */
export const SESSION_TOKEN_PREFIX = 'pledge_cs_';

/** A session just opened: its token (only its digest is stored) and CSRF token, shown once. */
export interface OpenedSession {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** A live session and its user. */
export interface ConsoleSession {
  readonly id: string;
  readonly user: ConsoleUser;
  readonly csrfToken: string;
  readonly method: SignInMethod;
  /** Whether the sign-in proved a second factor (TOTP, or the identity provider's MFA). */
  readonly mfa: boolean;
  readonly expiresAt: Date;
}

/** Opens a session for a user: 32 random bytes, stored as their SHA-256 digest. */
export async function openConsoleSession(
  store: ConsoleStore,
  userId: string,
  how: { method: SignInMethod; mfa: boolean },
  options: { now?: Date; lifetimes?: SessionLifetimes } = {},
): Promise<OpenedSession> {
  const now = options.now ?? new Date();
  const lifetimes = options.lifetimes ?? DEFAULT_SESSION_LIFETIMES;
  const token = `${SESSION_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + lifetimes.absoluteMs);
  await consoleDb(store)
    .insertInto('pledge_console_sessions')
    .values({
      id: `ses_${randomBytes(9).toString('base64url')}`,
      digest: tokenDigest(token),
      user_id: userId,
      csrf_token: csrfToken,
      method: how.method,
      mfa: how.mfa,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** Seen-at updates are written at most this often, ms (a page load makes several requests). */
const TOUCH_EVERY_MS = 60_000;

/**
 * The live session of a token, or undefined: unknown, past its absolute life, idle too long,
 * or its user disabled. A live session's last-seen time moves forward.
 */
export async function findConsoleSession(
  store: ConsoleStore,
  token: string,
  options: { now?: Date; lifetimes?: SessionLifetimes } = {},
): Promise<ConsoleSession | undefined> {
  if (!token.startsWith(SESSION_TOKEN_PREFIX) || token.length > 200) return undefined;
  const now = options.now ?? new Date();
  const lifetimes = options.lifetimes ?? DEFAULT_SESSION_LIFETIMES;
  const db = consoleDb(store);
  const row = await db
    .selectFrom('pledge_console_sessions as s')
    .innerJoin('pledge_console_users as u', 'u.id', 's.user_id')
    .select([
      's.id as sessionId',
      's.csrf_token',
      's.method',
      's.mfa',
      's.expires_at',
      's.last_seen_at',
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.disabled_at',
    ])
    .where('s.digest', '=', tokenDigest(token))
    .executeTakeFirst();
  if (!row || row.disabled_at !== null) return undefined;
  const expiresAt = new Date(row.expires_at);
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (expiresAt.getTime() <= now.getTime() || lastSeen + lifetimes.idleMs <= now.getTime()) {
    await db.deleteFrom('pledge_console_sessions').where('id', '=', row.sessionId).execute();
    return undefined;
  }
  if (now.getTime() - lastSeen >= TOUCH_EVERY_MS) {
    await db
      .updateTable('pledge_console_sessions')
      .set({ last_seen_at: now })
      .where('id', '=', row.sessionId)
      .execute();
  }
  return {
    id: row.sessionId,
    user: toConsoleUser(row),
    csrfToken: row.csrf_token,
    method: row.method as SignInMethod,
    mfa: row.mfa,
    expiresAt,
  };
}

/** Ends the session of a token (signing out); false when there was none. */
export async function endConsoleSession(store: ConsoleStore, token: string): Promise<boolean> {
  const result = await consoleDb(store)
    .deleteFrom('pledge_console_sessions')
    .where('digest', '=', tokenDigest(token))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
