import { UNSTORABLE_TEXT_MESSAGES, unstorableText } from '@pledge/core';
import { z } from 'zod';

/**
 * A string schema refined to text the store can keep exactly as given: well-formed Unicode
 * (no lone UTF-16 surrogate), no NUL, no byte-order mark. A failure names the field and the
 * rule, never the value. Every string of a body that reaches storage goes through it.
 */
export function storableText<T extends z.ZodString>(schema: T): T {
  return schema.superRefine((value, ctx) => {
    const fault = unstorableText(value);
    if (fault) ctx.addIssue({ code: 'custom', message: UNSTORABLE_TEXT_MESSAGES[fault] });
  }) as T;
}

/** An id (of a purpose, a category): 1 to 100 characters of storable text. */
export const StorableId = storableText(z.string().min(1).max(100));
