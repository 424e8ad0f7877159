import { diffManifests, isDetailChange, type Manifest } from '../../src/index.js';

/** The changes the subject-facing families report, without the field-by-field details. */
export function familyChanges(before: Manifest, after: Manifest) {
  return diffManifests(before, after).filter((c) => !isDetailChange(c));
}
