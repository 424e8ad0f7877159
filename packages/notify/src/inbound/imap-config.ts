/** The setting that names the mailbox to poll. */
export const IMAP_SETTING = 'PLEDGE_INBOUND_IMAP_URL';

/** Where the contact address's mail is read from. */
export interface ImapConfig {
  host: string;
  port: number;
  /** TLS from the first byte (`imaps:`, port 993); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  /** The mailbox read, default `INBOX`. */
  mailbox: string;
  /** Accept a self-signed certificate (`?allowSelfSigned=true`: test and intranet servers only). */
  allowSelfSigned?: boolean;
}

/** Why an IMAP poll could not be configured or run; the message names the setting, never the credentials. */
export interface ImapProblem {
  code: (typeof IMAP_PROBLEM_CODES)[number];
  path: typeof IMAP_SETTING;
  message: string;
}

/** Every {@link ImapProblem} code. */
export const IMAP_PROBLEM_CODES = [
  'imap-url-invalid',
  'imap-unreachable',
  'imap-login-failed',
  'imap-mailbox-missing',
  'imap-failed',
] as const;

/**
 * Reads `PLEDGE_INBOUND_IMAP_URL` (`imaps://user:password@host:993/INBOX`, or `imap://…:143`;
 * user name and password URL-encoded). Not set: `undefined`, and no mailbox is polled.
 */
export function imapConfigFromEnv(
  env: Record<string, string | undefined>,
): { ok: true; config: ImapConfig | undefined } | { ok: false; problem: ImapProblem } {
  const raw = env[IMAP_SETTING]?.trim();
  if (!raw) return { ok: true, config: undefined };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: invalid() };
  }
  if ((url.protocol !== 'imap:' && url.protocol !== 'imaps:') || !url.hostname || !url.username) {
    return { ok: false, problem: invalid() };
  }
  const secure = url.protocol === 'imaps:';
  let user: string;
  let password: string;
  let mailbox: string;
  try {
    user = decodeURIComponent(url.username);
    password = decodeURIComponent(url.password);
    mailbox = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX';
  } catch {
    return { ok: false, problem: invalid() };
  }
  return {
    ok: true,
    config: {
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port ? Number(url.port) : secure ? 993 : 143,
      secure,
      user,
      password,
      mailbox,
      ...(url.searchParams.get('allowSelfSigned') === 'true' ? { allowSelfSigned: true } : {}),
    },
  };
}

/** The mailbox as stored and shown: no password, so it may appear in the database and in messages. */
export function mailboxKey(config: ImapConfig): string {
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `${config.secure ? 'imaps' : 'imap'}://${encodeURIComponent(config.user)}@${host}:${config.port}/${encodeURIComponent(config.mailbox)}`;
}

function invalid(): ImapProblem {
  // The URL holds a password: the message never repeats it.
  return {
    code: 'imap-url-invalid',
    path: IMAP_SETTING,
    message: `${IMAP_SETTING} must be imaps://user:password@host[:port][/mailbox] or imap://… (user name and password URL-encoded)`,
  };
}
