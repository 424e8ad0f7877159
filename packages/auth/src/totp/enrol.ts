import { foldEmail } from '../users/email.js';
import { refuse, type UserResult } from '../users/issues.js';
import { type ConsoleStore, consoleDb } from '../users/tables.js';
import { sealTotpSecret } from './seal.js';
import { newTotpSecret, totpUri } from './totp.js';

/**
 * Enrols (or re-enrols) a TOTP second factor: a new secret replaces any old one. The
 * `otpauth://` URI is returned once, for the user's authenticator app; the secret is never
 * returned again by any API nor written to a log. It is stored sealed (AES-256-GCM) under a
 * key derived from `key`, the deployment's key held outside the database, and bound to the user.
 */
export async function enrolTotp(
  store: ConsoleStore,
  email: string,
  options: { key: string; issuer?: string },
): Promise<UserResult<{ uri: string }>> {
  const secret = newTotpSecret();
  const db = consoleDb(store);
  const user = await db
    .selectFrom('pledge_console_users')
    .select(['id'])
    .where('email', '=', foldEmail(email))
    .executeTakeFirst();
  if (!user) return refuse('unknown-user', 'email', 'no console user has this e-mail');
  const row = await db
    .updateTable('pledge_console_users')
    .set({ totp_secret: sealTotpSecret(secret, options.key, user.id), totp_last_step: null })
    .where('id', '=', user.id)
    .returning(['email'])
    .executeTakeFirst();
  if (!row) return refuse('unknown-user', 'email', 'no console user has this e-mail');
  return { ok: true, uri: totpUri(secret, row.email, options.issuer ?? 'Pledge') };
}
