export {
  checkReferences,
  duplicateIdMessage,
  UNKNOWN_REFERENCE_CODES,
  unknownReferenceMessage,
} from './check-references.js';
export { type DuplicateId, declaredIds, duplicateIds, type IdList, idLists } from './declared-ids.js';
export {
  categoryReferences,
  contactReferences,
  datasetFieldReferences,
  datasetFields,
  type FieldAt,
  type KindedReference,
  legalHoldReferences,
  manifestReferences,
  purposeReferences,
  REFERENCE_KINDS,
  type Reference,
  type ReferenceKind,
  recipientReferences,
} from './references.js';
