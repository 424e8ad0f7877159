import type { ErasureStrategy } from '@pledge/core';

/**
 * What a write check looks at: whether the connection is read-only, whether its user holds
 * the privilege the write needs, whether each column can take its strategy.
 */
export const WRITE_CHECKS = ['read-only', 'privilege', 'column-type'] as const;
/** One of {@link WRITE_CHECKS}. */
export type WriteCheckKind = (typeof WRITE_CHECKS)[number];

/** The write a check is for: an erasure by its plan, or a rectification of some fields. */
export type WriteCall =
  | { operation: 'erase'; plan: Readonly<Record<string, ErasureStrategy>> }
  | { operation: 'rectify'; fields: readonly string[] };

/** Why a write would fail, found before it is sent: never holds row values. */
export interface WriteProblem {
  check: WriteCheckKind;
  /** The column concerned, when one is. */
  field?: string;
  /** In words, e.g. `the user of the connection may not DELETE rows of accounts`. */
  message: string;
  /** The datastore's own error code, when a probe returned one. */
  storeCode?: string;
}
