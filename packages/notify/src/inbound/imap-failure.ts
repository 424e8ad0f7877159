import { IMAP_SETTING, type ImapConfig, type ImapProblem } from './imap-config.js';

/** How far a poll got: connecting (and logging in), opening the mailbox, or reading it. */
export type ImapStage = 'connect' | 'open' | 'read';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ETIMEOUT',
  'EPIPE',
  'NoConnection',
]);

/**
 * Says in words what went wrong with the mailbox. Only the setting, the host, the port, the
 * mailbox name and a system error code appear: never the user name, the password, or what
 * the server answered (it may repeat the user name, or quote mail).
 */
export function describeImapFailure(config: ImapConfig, stage: ImapStage, error: unknown): ImapProblem {
  const e = (error ?? {}) as { code?: unknown; authenticationFailed?: unknown; serverResponseCode?: unknown };
  const code = typeof e.code === 'string' && /^[A-Za-z_]{2,40}$/.test(e.code) ? e.code : undefined;
  const server = `the IMAP server at ${config.host}:${config.port}`;
  const problem = (kind: ImapProblem['code'], what: string): ImapProblem => ({
    code: kind,
    path: IMAP_SETTING,
    message: `${IMAP_SETTING}: ${what}`,
  });
  if (e.authenticationFailed === true) {
    return problem(
      'imap-login-failed',
      `${server} refused the user name or password; check the credentials in the setting`,
    );
  }
  if (code && (NETWORK_CODES.has(code) || /CERT|TLS|SSL/i.test(code))) {
    const tls = /CERT|TLS|SSL/i.test(code) ? ' (its TLS certificate was not accepted)' : '';
    return problem('imap-unreachable', `cannot reach ${server}${tls} (${code})`);
  }
  if (stage === 'connect') {
    return problem('imap-unreachable', `cannot open a session with ${server}${code ? ` (${code})` : ''}`);
  }
  if (stage === 'open') {
    return problem(
      'imap-mailbox-missing',
      `${server} has no mailbox "${config.mailbox}" this user can open; name it in the URL's path`,
    );
  }
  return problem(
    'imap-failed',
    `${server} stopped answering while the mailbox was read${code ? ` (${code})` : ''}; the next poll goes on from the last message logged`,
  );
}
