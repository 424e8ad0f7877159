/** Retry schedule of the outbox: exponential, doubling from `baseMs`, capped at `maxMs`. */
export interface Backoff {
  baseMs: number;
  maxMs: number;
  /** Attempts in all, the first included; after the last failure the message is `failed`. */
  maxAttempts: number;
}

/** 30 s, 1 min, 2 min … capped at 1 h; 10 attempts (about 5 hours in all). */
export const DEFAULT_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 3_600_000, maxAttempts: 10 };

/** The delay before attempt `attempts + 1`, after `attempts` failed ones (1 or more). */
export function retryDelayMs(backoff: Backoff, attempts: number): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
}
