import type { Manifest } from '../manifest/schema/index.js';
import { withDidYouMean } from '../result/did-you-mean.js';
import { formatPath, type Issue } from '../result/issue.js';
import { declaredIds, duplicateIds } from './declared-ids.js';
import { manifestReferences, type ReferenceKind } from './references.js';

/** Issue code of a reference of each kind that names nothing (the lint rule codes). */
export const UNKNOWN_REFERENCE_CODES: Readonly<Record<ReferenceKind, string>> = {
  category: 'ref.unknown-category',
  purpose: 'ref.unknown-purpose',
  recipient: 'ref.unknown-recipient',
  contact: 'ref.unknown-contact',
  'legal-hold': 'ref.unknown-legal-hold',
  'dataset-field': 'dataset.unknown-reference',
};

const DECLARED_UNDER: Readonly<Record<ReferenceKind, string>> = {
  category: 'category "{id}" is not declared under categories',
  purpose: 'purpose "{id}" is not declared under purposes',
  recipient: 'recipient "{id}" is not declared under recipients',
  contact: 'contact channel "{id}" is not declared under controller.contacts',
  'legal-hold': 'legal hold "{id}" is not declared under retention.legalHolds',
  'dataset-field': '"{id}" is not a declared dataset field (dataset.collection.field)',
};

/**
 * The message for a reference that names no declared entry, with a "did you mean" when a
 * declared id is close: `category "emial" is not declared under categories. Did you mean "email"?`
 */
export function unknownReferenceMessage(kind: ReferenceKind, id: string, declared: Iterable<string>): string {
  return withDidYouMean(DECLARED_UNDER[kind].replace('{id}', id), id, declared);
}

/** The message for an id an earlier entry of its list already uses. */
export function duplicateIdMessage(id: string, firstIndex: number): string {
  return `id "${id}" is already used by entry ${firstIndex} of this list`;
}

/**
 * Checks the manifest's cross-references, which the schema alone cannot: every id a purpose,
 * recipient, tracker, permission, retention rule, legal hold, transfer, right or dataset field
 * names must be declared (`ref.unknown-*`, `dataset.unknown-reference`), and ids must be unique
 * within each list (`id.duplicate`). Each issue is an error with the manifest path; an unknown id
 * close to a declared one gets "Did you mean". `pledge validate` and the lint rules of the same
 * codes report these.
 */
export function checkReferences(manifest: Manifest): Issue[] {
  const declared = declaredIds(manifest);
  const issues: Issue[] = [];
  for (const ref of manifestReferences(manifest)) {
    const known = declared[ref.kind];
    if (known.has(ref.id)) continue;
    issues.push({
      code: UNKNOWN_REFERENCE_CODES[ref.kind],
      severity: 'error',
      path: formatPath(ref.path),
      message: unknownReferenceMessage(ref.kind, ref.id, known),
    });
  }
  for (const duplicate of duplicateIds(manifest)) {
    issues.push({
      code: 'id.duplicate',
      severity: 'error',
      path: formatPath(duplicate.path),
      message: duplicateIdMessage(duplicate.id, duplicate.firstIndex),
    });
  }
  return issues;
}
