import { hash, verify } from '@node-rs/argon2';

/** Argon2id (the `Algorithm` enum of @node-rs/argon2 is a const enum, unusable across modules). */
const ARGON2ID = 2;

/**
 * Argon2id parameters: OWASP's first recommended set (19 MiB, 2 passes, 1 lane), which keeps a
 * sign-in near 20-50 ms on one core.
 */
export const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password accepted (a bound on the work a sign-in attempt can cause). */
export const MAX_PASSWORD_LENGTH = 1024;

/** Whether a password meets the length rules. */
export function passwordAcceptable(password: string): boolean {
  return password.length >= MIN_PASSWORD_LENGTH && password.length <= MAX_PASSWORD_LENGTH;
}

/** The Argon2id hash (PHC string, salt included) of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Whether a password matches a stored hash; a malformed hash is a mismatch. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * A hash of a random password with the same parameters: verified against when the account is
 * unknown, disabled or locked, so such an attempt costs the same time as a real one.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  return dummy;
}
