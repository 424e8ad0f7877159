import type { Fact, Verification } from './types.js';

/** Builds a {@link Fact}: a value with the article reference, URL and verification level. */
export function fact<T>(value: T, ref: string, verification: Verification, url: string): Fact<T> {
  return { value, cite: { ref, url, verification } };
}
