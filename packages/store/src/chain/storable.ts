import { formatPath, UNSTORABLE_TEXT_MESSAGES, type UnstorableTextFault, unstorableText } from '@pledge/core';
import type { ChainValue } from './types.js';

/**
 * A record to append holds text the database cannot store exactly as given (NUL, a lone
 * UTF-16 surrogate, a byte-order mark): stored, it would differ from what was hashed and the
 * chain would report an edit for ever. Nothing of the batch is written. The message names the
 * record and column, never the value. The HTTP API refuses such text with a 400 before it gets
 * here; this guards library callers.
 */
export class UnstorableTextError extends Error {
  readonly code = 'chain.unstorable-text';
  readonly path: string;
  readonly fault: UnstorableTextFault;

  constructor(path: string, fault: UnstorableTextFault) {
    super(`${path}: ${UNSTORABLE_TEXT_MESSAGES[fault]}`);
    this.name = 'UnstorableTextError';
    this.path = path;
    this.fault = fault;
  }
}

/** Throws {@link UnstorableTextError} for the first text of a record's values that cannot be stored. */
export function assertStorable(index: number, values: Readonly<Record<string, ChainValue>>): void {
  for (const [column, value] of Object.entries(values)) {
    const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    for (const [i, text] of texts.entries()) {
      const fault = unstorableText(text);
      if (!fault) continue;
      const path = ['records', index, column, ...(Array.isArray(value) ? [i] : [])];
      throw new UnstorableTextError(formatPath(path), fault);
    }
  }
}
