/** Where and how Pledge sends mail. */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean;
  user?: string;
  password?: string;
  /** The sender address: `Privacy <privacy@example.com>`. */
  from: string;
  /** Refuse to send without STARTTLS. */
  requireTLS?: boolean;
  /** Accept a self-signed certificate (test and intranet servers only). */
  allowSelfSigned?: boolean;
}

/** A problem in the SMTP settings, naming the variable. */
export interface SmtpConfigProblem {
  code: 'smtp-url-invalid' | 'smtp-from-missing';
  path: string;
  message: string;
}

/**
 * Reads `PLEDGE_SMTP_URL` (`smtp://user:pass@host:587` or `smtps://…:465`) and
 * `PLEDGE_SMTP_FROM`. No URL: `undefined`, and mail stays in the outbox as `held`.
 */
export function smtpConfigFromEnv(
  env: Record<string, string | undefined>,
): { ok: true; config: SmtpConfig | undefined } | { ok: false; problem: SmtpConfigProblem } {
  const raw = env.PLEDGE_SMTP_URL?.trim();
  if (!raw) return { ok: true, config: undefined };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: invalid() };
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return { ok: false, problem: invalid() };
  const from = env.PLEDGE_SMTP_FROM?.trim();
  if (!from) {
    return {
      ok: false,
      problem: {
        code: 'smtp-from-missing',
        path: 'PLEDGE_SMTP_FROM',
        message: 'PLEDGE_SMTP_FROM must name the sender address when PLEDGE_SMTP_URL is set',
      },
    };
  }
  const secure = url.protocol === 'smtps:';
  const config: SmtpConfig = {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    from,
    ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.searchParams.get('requireTLS') === 'true' ? { requireTLS: true } : {}),
  };
  return { ok: true, config };
}

function invalid(): SmtpConfigProblem {
  // The URL may hold a password: the message never repeats it.
  return {
    code: 'smtp-url-invalid',
    path: 'PLEDGE_SMTP_URL',
    message: 'PLEDGE_SMTP_URL must be smtp://[user:password@]host[:port] or smtps://…',
  };
}
