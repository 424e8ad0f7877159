/** The part of a taxonomy that hierarchy questions need. */
export interface HierarchyLookup {
  isUnder(key: string, ancestorKey: string): boolean;
}

/**
 * Whether `key` is `ancestor` or below it. A key the taxonomy does not know falls back to the
 * dotted-prefix reading (`marketing.email.x` is under `marketing`).
 */
export function isAtOrUnder(taxonomy: HierarchyLookup, key: string, ancestor: string): boolean {
  if (key === ancestor) return true;
  try {
    if (taxonomy.isUnder(key, ancestor)) return true;
  } catch {
    // A key the taxonomy does not know: the dotted prefix is the only hierarchy left.
  }
  return key.startsWith(`${ancestor}.`);
}
