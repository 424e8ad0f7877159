import { valueError } from '../errors.js';
import type { CollectionRef, Key } from '../types.js';
import { checkKeys, distinct } from '../validate.js';

/** A parsed key pattern: the text around the `{placeholder}`, and the value field of string and set keys. */
export interface KeyPattern {
  before: string;
  after: string;
  placeholder: string;
  /** The first declared field other than the placeholder. */
  valueField: string | undefined;
}

const patternShape = /^([A-Za-z0-9_:.-]*)\{([A-Za-z_][A-Za-z0-9_]*)\}([A-Za-z0-9_:.-]*)$/;
const fieldShape = /^[A-Za-z0-9_.:-]{1,200}$/;
const globSpecial = /[*?[\]\\]/g;

/** Parses and checks a collection's key pattern and field names. */
export function parseKeyPattern(collection: CollectionRef): KeyPattern {
  const match = typeof collection.name === 'string' ? patternShape.exec(collection.name) : null;
  if (!match)
    throw valueError('identifier-invalid', 'collection.name', 'is not a key pattern with one {placeholder}');
  collection.fields.forEach((field, i) => {
    if (!fieldShape.test(field.name)) {
      throw valueError('identifier-invalid', `collection.fields[${i}].name`, 'is not a valid field name');
    }
  });
  const placeholder = match[2] as string;
  const valueField = collection.fields.find((f) => f.name !== placeholder)?.name;
  return { before: match[1] ?? '', after: match[3] ?? '', placeholder, valueField };
}

/** The id part of `key` (without prefix), or null when the key is not of the pattern; ids never hold `:`. */
export function idOfKey(p: KeyPattern, key: string): string | null {
  if (!key.startsWith(p.before) || !key.endsWith(p.after) || key.length <= p.before.length + p.after.length) {
    return null;
  }
  const id = key.slice(p.before.length, key.length - p.after.length);
  return id.includes(':') ? null : id;
}

/** Checks that `keys` are keys of the pattern (without prefix), returning them without duplicates. */
export function checkPatternKeys(p: KeyPattern, keys: readonly Key[]): string[] {
  checkKeys(keys);
  return distinct(
    keys.map((key, i) => {
      if (typeof key !== 'string' || idOfKey(p, key) === null) {
        throw valueError('value-invalid', `keys[${i}]`, 'is not a key of the collection');
      }
      return key;
    }),
  );
}

const idUnsafe = /[:*?[\]\\]/;

/**
 * Checks an id to build a key from: not empty, no `:` (ids never hold one) and no glob
 * character (`* ? [ ] \`), so a value can never widen into a pattern; else throws naming `path`.
 */
export function checkKeyId(id: string, path: string): void {
  if (id === '' || idUnsafe.test(id)) {
    throw valueError('value-invalid', path, 'is not a valid key id: no :, *, ?, [, ] or \\');
  }
}

/** The key of an id. */
export function keyOfId(p: KeyPattern, id: string): string {
  return p.before + id + p.after;
}

/** The SCAN MATCH glob of a pattern under a prefix, its literal parts escaped. */
export function keyGlob(p: KeyPattern, prefix: string): string {
  const literal = (s: string) => s.replace(globSpecial, '\\$&');
  return `${literal(prefix + p.before)}*${literal(p.after)}`;
}
