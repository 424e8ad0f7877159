import { valueError } from '../errors.js';
import type { CollectionRef } from '../types.js';
import { checkField } from '../validate.js';
import { idOfKey, type KeyPattern, keyOfId } from './pattern.js';

/** A declared index of a key pattern: the set of keys per value of `field`. */
export interface IndexSet {
  field: string;
  /** Text of the set's key before and after the field's value. */
  before: string;
  after: string;
}

const setShape = /^([A-Za-z0-9_:.-]*)\{([A-Za-z_][A-Za-z0-9_]*)\}([A-Za-z0-9_:.-]*)$/;

/**
 * The index set a collection declares for `field` (`collection.indexes`), or undefined when
 * the field has none. A declared index whose set pattern does not name its field is refused.
 */
export function indexFor(collection: CollectionRef, field: string): IndexSet | undefined {
  const indexes = collection.indexes ?? [];
  const i = indexes.findIndex((index) => index?.field === field);
  if (i < 0) return undefined;
  checkField(collection, field, `collection.indexes[${i}].field`);
  const match = setShape.exec(String(indexes[i]?.set));
  if (!match || match[2] !== field) {
    throw valueError(
      'identifier-invalid',
      `collection.indexes[${i}].set`,
      `is not a key pattern with the placeholder {${field}}`,
    );
  }
  return { field, before: match[1] ?? '', after: match[3] ?? '' };
}

/** The key of the set holding the keys whose field is `value` (without the connector's prefix). */
export function setKeyOf(index: IndexSet, value: string): string {
  return index.before + value + index.after;
}

/**
 * The collection key a set member names: members are the keys (without or with the
 * connector's prefix) or their ids; anything else (a stale or foreign member) is null.
 */
export function keyOfMember(p: KeyPattern, member: string, prefix: string): string | null {
  if (idOfKey(p, member) !== null) return member;
  if (prefix !== '' && member.startsWith(prefix) && idOfKey(p, member.slice(prefix.length)) !== null)
    return member.slice(prefix.length);
  if (member === '' || member.includes(':')) return null;
  const key = keyOfId(p, member);
  return idOfKey(p, key) === null ? null : key;
}

/** The members a key may be listed under in a set: the key, the key with the prefix, its id. */
export function membersOfKey(p: KeyPattern, key: string, prefix: string): string[] {
  const id = idOfKey(p, key);
  return [key, ...(prefix === '' ? [] : [prefix + key]), ...(id === null || id === key ? [] : [id])];
}
