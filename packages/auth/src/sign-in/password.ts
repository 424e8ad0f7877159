import { sql } from 'kysely';
import { dummyHash, MAX_PASSWORD_LENGTH, verifyPassword } from '../passwords/hash.js';
import type { ConsoleRole } from '../roles.js';
import { type ConsoleUser, readsPersonalData } from '../roles.js';
import { openTotpSecret } from '../totp/seal.js';
import { matchTotp } from '../totp/totp.js';
import { foldEmail } from '../users/email.js';
import { toConsoleUser } from '../users/info.js';
import { type ConsoleStore, consoleDb } from '../users/tables.js';

/** When an account locks. */
export interface LockoutPolicy {
  /** Failed attempts in a row that lock the account. Default 5. */
  readonly maxFailures: number;
  /** How long it stays locked, ms. Default 15 minutes. */
  readonly lockMs: number;
}

/** The defaults: 5 failures lock the account for 15 minutes. */
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000 };

/** What a sign-in attempt sends. */
export interface PasswordAttempt {
  readonly email: string;
  readonly password: string;
  /** The authenticator app's current code; required when a second factor is enrolled. */
  readonly totp?: string;
}

/**
 * How an attempt ended. Every failure before the password and second factor are both proven
 * is `invalid-credentials`, the same for unknown, disabled and locked accounts;
 * `second-factor-required` only follows a right password.
 */
export type SignInResult =
  | { ok: true; user: ConsoleUser; mfa: boolean }
  | { ok: false; code: 'invalid-credentials' | 'second-factor-required' };

const REFUSED = { ok: false, code: 'invalid-credentials' } as const;

/**
 * Signs in with e-mail, password and (when enrolled) a TOTP code. An unknown, disabled or
 * locked account is checked against a dummy Argon2id hash, so it answers the same and in about
 * the same time as a wrong password. `maxFailures` wrong attempts in a row lock the account for
 * `lockMs`. `totpKey` opens the sealed second-factor secrets. A TOTP code is accepted within one step of the clock and never twice. A role that
 * reads personal data must prove a second factor (P1-53): without one enrolled, the right
 * password gets `second-factor-required`.
 */
export async function signInWithPassword(
  store: ConsoleStore,
  attempt: PasswordAttempt,
  options: { now?: Date; lockout?: LockoutPolicy; totpKey: string },
): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const lockout = options.lockout ?? DEFAULT_LOCKOUT;
  const db = consoleDb(store);
  const password = attempt.password.slice(0, MAX_PASSWORD_LENGTH + 1);
  const row = await db
    .selectFrom('pledge_console_users')
    .selectAll()
    .where('email', '=', foldEmail(attempt.email))
    .executeTakeFirst();
  const usable =
    row !== undefined &&
    row.disabled_at === null &&
    row.password_hash !== null &&
    (row.locked_until === null || new Date(row.locked_until).getTime() <= now.getTime());
  if (!usable) {
    await verifyPassword(await dummyHash(), password);
    return REFUSED;
  }
  const fail = async () => {
    await db
      .updateTable('pledge_console_users')
      .set({
        failed_attempts: sql`CASE WHEN failed_attempts + 1 >= ${lockout.maxFailures} THEN 0 ELSE failed_attempts + 1 END`,
        locked_until: sql`CASE WHEN failed_attempts + 1 >= ${lockout.maxFailures} THEN ${new Date(now.getTime() + lockout.lockMs)}::timestamptz ELSE NULL END`,
      })
      .where('id', '=', row.id)
      .execute();
    return REFUSED;
  };
  if (!(await verifyPassword(row.password_hash!, password))) return fail();
  let mfa = false;
  if (row.totp_secret !== null) {
    // A secret that does not open under this deployment's key proves nothing: refused.
    const secret = openTotpSecret(row.totp_secret, options.totpKey, row.id);
    const step =
      attempt.totp === undefined || secret === undefined
        ? undefined
        : matchTotp(secret, attempt.totp.trim(), now);
    if (step === undefined) return fail();
    // The step is taken in one statement: a code replayed concurrently matches no row.
    const taken = await db
      .updateTable('pledge_console_users')
      .set({ totp_last_step: step })
      .where('id', '=', row.id)
      .where(sql<boolean>`totp_last_step IS NULL OR totp_last_step < ${step}`)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) return fail();
    mfa = true;
  }
  await db
    .updateTable('pledge_console_users')
    .set({ failed_attempts: 0, locked_until: null })
    .where('id', '=', row.id)
    .execute();
  if (!mfa && readsPersonalData(row.role as ConsoleRole))
    return { ok: false, code: 'second-factor-required' };
  return { ok: true, user: toConsoleUser(row), mfa };
}
