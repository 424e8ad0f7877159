import { foldEmail } from '../users/email.js';
import { refuse, type UserResult } from '../users/issues.js';
import { type ConsoleStore, consoleDb } from '../users/tables.js';
import { newTotpSecret, totpUri } from './totp.js';

/**
 * Enrols (or re-enrols) a TOTP second factor: a new secret replaces any old one. The
 * `otpauth://` URI is returned once, for the user's authenticator app; the secret is never
 * returned again by any API nor written to a log.
 */
export async function enrolTotp(
  store: ConsoleStore,
  email: string,
  options: { issuer?: string } = {},
): Promise<UserResult<{ uri: string }>> {
  const secret = newTotpSecret();
  const row = await consoleDb(store)
    .updateTable('pledge_console_users')
    .set({ totp_secret: secret, totp_last_step: null })
    .where('email', '=', foldEmail(email))
    .returning(['email'])
    .executeTakeFirst();
  if (!row) return refuse('unknown-user', 'email', 'no console user has this e-mail');
  return { ok: true, uri: totpUri(secret, row.email, options.issuer ?? 'Pledge') };
}
