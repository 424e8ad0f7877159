/** Why a text cannot be stored and hashed as it is: the one list. */
export const UNSTORABLE_TEXT_FAULTS = ['nul', 'lone-surrogate', 'byte-order-mark'] as const;
/** One of {@link UNSTORABLE_TEXT_FAULTS}. */
export type UnstorableTextFault = (typeof UNSTORABLE_TEXT_FAULTS)[number];

/** What each fault is told: the rule, never the value. */
export const UNSTORABLE_TEXT_MESSAGES: Readonly<Record<UnstorableTextFault, string>> = {
  nul: 'text must not contain NUL (U+0000)',
  'lone-surrogate': 'text must be well-formed Unicode (it holds a lone UTF-16 surrogate)',
  'byte-order-mark': 'text must not contain a byte-order mark (U+FEFF)',
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why `text` cannot be stored exactly as given, or undefined when it can. PostgreSQL text
 * cannot hold NUL; a lone surrogate has no UTF-8 form (the driver stores U+FFFD instead);
 * a byte-order mark can be dropped on the way in. Each would make the stored value differ
 * from the hashed one, so the ledger's verification would report an edit for ever.
 */
export function unstorableText(text: string): UnstorableTextFault | undefined {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'lone-surrogate';
  if (text.includes('\uFEFF')) return 'byte-order-mark';
  return undefined;
}

/**
 * The first string in `value` (object keys included) that cannot be stored, with its path
 * and fault; undefined when every string can.
 */
export function findUnstorableText(
  value: unknown,
  path: ReadonlyArray<string | number> = [],
): { path: Array<string | number>; fault: UnstorableTextFault } | undefined {
  if (typeof value === 'string') {
    const fault = unstorableText(value);
    return fault ? { path: [...path], fault } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const keyFault = unstorableText(key);
      if (keyFault) return { path: [...path, key.replace(LONE_SURROGATE, '\uFFFD')], fault: keyFault };
      const found = findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
