export {
  CONSENT_MODE_CODES,
  JURISDICTION_SLOTS,
  type JurisdictionSlot,
  LEGAL_BASIS_CODES,
  SLOT_COUNT,
} from './codes.js';
export { compilePolicy } from './compile.js';
export { type CategoryMask, categoryMask, type DecisionRequest, decide, decideIndexed } from './decide.js';
export type { Decision, Obligation } from './outcome.js';
export { emptySubjectState } from './packed-subject.js';
export type {
  CategoryTables,
  CompiledLocalisation,
  CompiledPolicy,
  CompiledTransfer,
  IdIndex,
  JurisdictionTables,
  PurposeTables,
  RecipientTables,
} from './policy.js';
export { type AllowReason, DENY_REASONS, type DenyReason, type ReasonCode } from './reasons.js';
export { type GpcStatus, gpcStatus } from './signal-status.js';
export {
  type SubjectEvent,
  type SubjectEventOptions,
  type SubjectEventType,
  subjectStateFromEvents,
} from './subject-events.js';
export type { ConsentRecord, GivenConsentMode, SubjectFacts, SubjectState } from './subject-state.js';
export type { CompileOptions, JurisdictionLookup, TaxonomyLookup } from './taxonomy-lookup.js';
