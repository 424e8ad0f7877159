import { type ConsoleRole, type ConsoleUserInfo, createConsoleUser, openConsoleSession } from '@pledge/auth';
import type { Store } from '@pledge/store';

/** A signed-in console session for tests: send `headers` (cookie and CSRF token) with each request. */
export interface TestConsoleSession {
  readonly user: ConsoleUserInfo;
  /** The `Cookie` header value (`pledge_console=...`). */
  readonly cookie: string;
  readonly csrf: string;
  /** `{ cookie, 'x-csrf-token' }`, ready for `app.inject({ headers })`. */
  readonly headers: Record<string, string>;
  /** The user's password (for tests of the sign-in form). */
  readonly password: string;
}

let counter = 0;

/**
 * Creates a console user holding `role` in the store (confidentiality on record, no cap) and
 * opens a session for them as a sign-in with a second factor would: the seam other tests use
 * to call console routes as a role.
 */
export async function signedInAs(
  store: Store,
  role: ConsoleRole,
  options: { email?: string; name?: string } = {},
): Promise<TestConsoleSession> {
  counter += 1;
  const password = `test-password-${counter}-0123456789`;
  const made = await createConsoleUser(store, {
    email: options.email ?? `${role}-${counter}-${Date.now()}@console.test`,
    name: options.name ?? `Test ${role}`,
    role,
    actor: 'test',
    password,
    confidentialityAcknowledged: true,
  });
  if (!made.ok) throw new Error(`could not create a ${role}: ${made.issue.code}`);
  const session = await openConsoleSession(store, made.user.id, { method: 'password', mfa: true });
  const cookie = `pledge_console=${session.token}`;
  return {
    user: made.user,
    cookie,
    csrf: session.csrfToken,
    headers: { cookie, 'x-csrf-token': session.csrfToken },
    password,
  };
}
