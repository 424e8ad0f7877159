import { createHmac } from 'node:crypto';
import type { Clock } from '@pledge/jobs';
import type { Notifier } from '@pledge/notify';
import type { Kysely } from 'kysely';

/** Limits of code verification. */
export interface VerificationLimits {
  /** How long a code works (default 15 minutes). */
  codeTtlMs: number;
  /** Wrong codes allowed before the challenge locks (default 5). */
  maxAttempts: number;
  /** Codes sent to one address per window (default 5). */
  perAddress: number;
  /** Codes asked from one IP address per window (default 20). */
  perIp: number;
  /** The rate-limit window (default 1 hour). */
  windowMs: number;
}

/** The defaults of {@link VerificationLimits}. */
export const DEFAULT_VERIFICATION_LIMITS: VerificationLimits = {
  codeTtlMs: 15 * 60_000,
  maxAttempts: 5,
  perAddress: 5,
  perIp: 20,
  windowMs: 60 * 60_000,
};

/** What verification works with. */
export interface VerificationContext<T = unknown> {
  db: Kysely<T>;
  /** Key of the keyed hashes of codes, addresses and IPs (keep it secret, at least 16 characters). */
  secret: string;
  /** Sends the codes (e-mail, or SMS through the gateway webhook). */
  notifier: Notifier;
  clock: Clock;
  limits?: Partial<VerificationLimits>;
  /**
   * Whether the address belongs to someone the controller knows. When it says no, no code
   * is sent, but the answer is the same as for a known address (no account enumeration).
   * Absent: every address is treated as known (proving control of the address is the check).
   */
  isKnown?: (address: string, channel: 'email' | 'sms') => Promise<boolean>;
}

/** The limits in force. */
export function limitsOf(ctx: { limits?: Partial<VerificationLimits> }): VerificationLimits {
  return { ...DEFAULT_VERIFICATION_LIMITS, ...ctx.limits };
}

/** A keyed hash, labelled so a hash of one kind can never match another. */
export function keyedHash(secret: string, label: string, value: string): string {
  return createHmac('sha256', secret).update(`${label}\u0000${value}`).digest('hex');
}

/** Addresses compare case-insensitively and without surrounding space. */
export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}
