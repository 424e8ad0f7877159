export {
  CONSENT_MODE_CODES,
  JURISDICTION_SLOTS,
  type JurisdictionSlot,
  LEGAL_BASIS_CODES,
  SLOT_COUNT,
} from './codes';
export { compilePolicy } from './compile';
export { type CategoryMask, categoryMask, type DecisionRequest, decide, decideIndexed } from './decide';
export type { Decision, Obligation } from './decision';
export type {
  CategoryTables,
  CompiledLocalisation,
  CompiledPolicy,
  CompiledTransfer,
  IdIndex,
  JurisdictionTables,
  PurposeTables,
  RecipientTables,
} from './policy';
export { type AllowReason, DENY_REASONS, type DenyReason, type ReasonCode } from './reasons';
export {
  type SubjectEvent,
  type SubjectEventOptions,
  type SubjectEventType,
  subjectStateFromEvents,
} from './subject-events';
export {
  type ConsentRecord,
  emptySubjectState,
  type GivenConsentMode,
  type SubjectFacts,
  type SubjectState,
} from './subject-state';
export type { CompileOptions, JurisdictionLookup, TaxonomyLookup } from './taxonomy-lookup';
