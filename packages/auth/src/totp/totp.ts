import { Secret, TOTP } from 'otpauth';

/** RFC 6238 parameters: the ones every authenticator app supports. */
export const TOTP_PERIOD_S = 30;
const DIGITS = 6;

function totpOf(secret: string, label = 'console', issuer = 'Pledge'): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: TOTP_PERIOD_S,
    secret: Secret.fromBase32(secret),
  });
}

/** A new random TOTP secret (160 bits, base32). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI an authenticator app scans. */
export function totpUri(secret: string, label: string, issuer: string): string {
  return totpOf(secret, label, issuer).toString();
}

/** The time step of a moment. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_S);
}

/**
 * The time step a code belongs to, within one step either side of `now` (clock drift), or
 * undefined when it matches none. Callers refuse a step already used.
 */
export function matchTotp(secret: string, code: string, now: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totpOf(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? undefined : totpStep(now) + delta;
}

/** The current code of a secret (for tests and tools; never logged). */
export function totpCode(secret: string, now: Date = new Date()): string {
  return totpOf(secret).generate({ timestamp: now.getTime() });
}
