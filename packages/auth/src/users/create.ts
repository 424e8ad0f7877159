import { randomBytes } from 'node:crypto';
import {
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordAcceptable,
} from '../passwords/hash.js';
import { type ConsoleRole, isConsoleRole, readsPersonalData } from '../roles.js';
import { checkPersonalDataCap } from './cap.js';
import { foldEmail, isEmail } from './email.js';
import { type ConsoleUserInfo, toUserInfo } from './info.js';
import { refuse, type UserResult } from './issues.js';
import { recordRoleChange } from './role-change.js';
import { type ConsoleStore, consoleDb } from './tables.js';

/** A user to create. */
export interface NewConsoleUser {
  readonly email: string;
  readonly name: string;
  readonly role: ConsoleRole | string;
  /** Who creates them: a console user's id, or `cli`. */
  readonly actor: string;
  /**
   * The password; omitted: a random temporary password is made and returned once. OIDC-only
   * users may be given none (`password: null`).
   */
  readonly password?: string | null;
  /** The user's confidentiality obligation is on record now (required for roles reading personal data, P1-53). */
  readonly confidentialityAcknowledged?: boolean;
}

/** Options of user changes. */
export interface UserChangeOptions {
  /** The manifest's `security.personalDataAccessCap`, if it sets one. */
  readonly personalDataCap?: number;
  readonly now?: Date;
}

/** Longest display name. */
export const MAX_NAME_LENGTH = 200;

/** A new user id (`usr_` and 12 random base64url characters). */
export const newUserId = (): string => `usr_${randomBytes(9).toString('base64url')}`;

/**
 * Creates a console user: e-mail case-folded and unique, the role checked against the
 * manifest's cap when it reads personal data (which also needs the confidentiality obligation
 * on record), the password hashed with Argon2id. The grant is recorded as a role change.
 * Returns the temporary password once when none was given.
 */
export async function createConsoleUser(
  store: ConsoleStore,
  input: NewConsoleUser,
  options: UserChangeOptions = {},
): Promise<UserResult<{ user: ConsoleUserInfo; temporaryPassword?: string }>> {
  const email = foldEmail(input.email);
  if (!isEmail(email)) return refuse('invalid-email', 'email', 'the e-mail address is not valid');
  const name = input.name.trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    return refuse('invalid-name', 'name', `the name must have 1 to ${MAX_NAME_LENGTH} characters`);
  }
  const { role } = input;
  if (!isConsoleRole(role)) return refuse('invalid-role', 'role', 'the role is not one of the console roles');
  if (typeof input.password === 'string' && !passwordAcceptable(input.password)) {
    return refuse(
      'invalid-password',
      'password',
      `the password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
    );
  }
  if (readsPersonalData(role) && !input.confidentialityAcknowledged) {
    return refuse(
      'confidentiality-not-acknowledged',
      'confidentialityAcknowledged',
      `the role ${role} reads personal data: the user's confidentiality obligation must be on record first`,
    );
  }
  const temporaryPassword = input.password === undefined ? randomBytes(18).toString('base64url') : undefined;
  const password = input.password ?? temporaryPassword;
  const passwordHash = password ? await hashPassword(password) : null;
  const now = options.now ?? new Date();
  return consoleDb(store)
    .transaction()
    .execute(async (trx) => {
      const taken = await trx
        .selectFrom('pledge_console_users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirst();
      if (taken) return refuse('email-taken', 'email', 'a console user with this e-mail exists');
      if (readsPersonalData(role)) {
        const cap = await checkPersonalDataCap(trx, undefined, options.personalDataCap);
        if (!cap.ok) return cap;
      }
      const row = await trx
        .insertInto('pledge_console_users')
        .values({
          id: newUserId(),
          email,
          name,
          role,
          password_hash: passwordHash,
          setup_digest: null,
          setup_expires_at: null,
          totp_secret: null,
          totp_last_step: null,
          confidentiality_ack_at: input.confidentialityAcknowledged ? now : null,
          locked_until: null,
          disabled_at: null,
          created_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordRoleChange(trx, { actor: input.actor, userId: row.id, from: null, to: role, at: now });
      return {
        ok: true as const,
        user: toUserInfo(row),
        ...(temporaryPassword ? { temporaryPassword } : {}),
      };
    });
}
