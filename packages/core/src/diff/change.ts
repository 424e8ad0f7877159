import type { Change, ChangeCode, ChangeScope, ConsentFrom } from './types.js';

/** Fields of a change; `needsConsent` follows from `consentFrom`. */
export interface ChangeInput {
  code: ChangeCode;
  path: string;
  message: string;
  material?: boolean;
  consentFrom?: ConsentFrom;
  affected?: ChangeScope;
}

/** Builds a {@link Change}: material unless told otherwise, consent needed when `consentFrom` is not `none`. */
export function change(input: ChangeInput): Change {
  const consentFrom = input.consentFrom ?? 'none';
  return {
    code: input.code,
    path: input.path,
    message: input.message,
    material: input.material ?? true,
    needsConsent: consentFrom !== 'none',
    consentFrom,
    affected: input.affected ?? {},
  };
}

/** Indexes entries by id. */
export function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** Items of `after` missing from `before`, in `after` order. */
export function added<T>(before: readonly T[], after: readonly T[]): T[] {
  const seen = new Set(before);
  return after.filter((item) => !seen.has(item));
}

/** `a`, `b` and `c` as a readable list of ids. */
export function listIds(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(', ');
}
