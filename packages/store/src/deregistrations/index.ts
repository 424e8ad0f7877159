export { DEREGISTRATION_CHAIN, DEREGISTRATION_CHANNEL, DEREGISTRATION_COLUMNS } from './chain-spec.js';
export {
  type PseudonymLink,
  RESTORE_REFUSALS,
  type RestoreRefusal,
  type RestoreResult,
  relinkSubject,
  restorePseudonyms,
} from './restore.js';
export {
  type DeregistrationInput,
  type RecordedDeregistration,
  recordDeregistration,
  wasDeregistered,
} from './tombstone.js';
export { verifyDeregistrations } from './verify.js';
