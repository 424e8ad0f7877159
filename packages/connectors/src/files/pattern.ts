import { valueError } from '../errors.js';
import type { CollectionRef, Key } from '../types.js';

/** A parsed folder pattern: the segments around the `{placeholder}` segment that holds the subject's id. */
export interface FolderPattern {
  before: string[];
  placeholder: string;
  after: string[];
}

const segmentShape = /^[A-Za-z0-9_.-]+$/;
const placeholderShape = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** Whether `value` can be one path segment: not empty, not `.` or `..`, no separator or NUL. */
export function safeSegment(value: string): boolean {
  return value !== '' && value !== '.' && value !== '..' && !/[/\\\0]/.test(value);
}

/** Parses and checks a collection's folder pattern and field names. */
export function parseFolderPattern(collection: CollectionRef): FolderPattern {
  const segments = typeof collection.name === 'string' ? collection.name.split('/') : [];
  const at = segments.findIndex((s) => placeholderShape.test(s));
  const ok =
    at >= 0 &&
    segments.every((s, i) =>
      i === at ? true : segmentShape.test(s) && safeSegment(s) && !placeholderShape.test(s),
    );
  if (!ok)
    throw valueError(
      'identifier-invalid',
      'collection.name',
      'is not a folder pattern with one {placeholder}',
    );
  collection.fields.forEach((field, i) => {
    if (!segmentShape.test(field.name)) {
      throw valueError('identifier-invalid', `collection.fields[${i}].name`, 'is not a valid field name');
    }
  });
  return {
    before: segments.slice(0, at),
    placeholder: placeholderShape.exec(segments[at] as string)?.[1] as string,
    after: segments.slice(at + 1),
  };
}

/** The id a key belongs to, after checking it is a file path inside the collection; else throws naming `path`. */
export function idOfFileKey(folder: FolderPattern, key: Key, path: string): string {
  const parts = typeof key === 'string' ? key.split('/') : [];
  const depth = folder.before.length + 1 + folder.after.length;
  const ok =
    parts.length > depth &&
    parts.every(safeSegment) &&
    folder.before.every((s, i) => parts[i] === s) &&
    folder.after.every((s, i) => parts[folder.before.length + 1 + i] === s);
  if (!ok) throw valueError('path-unsafe', path, 'is not a file path inside the collection');
  return parts[folder.before.length] as string;
}
