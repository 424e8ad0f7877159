export {
  AUDIT_ACTIONS,
  AUDIT_ACTIONS_NEEDING_REASON,
  AUDIT_ACTOR_KINDS,
  AUDIT_LIMITS,
  type AuditAction,
  type AuditActorKind,
} from './audit/actions.js';
export {
  type AppendAuditResult,
  appendAuditEntries,
  appendAuditEntriesInTransaction,
} from './audit/append.js';
export { AUDIT_CHAIN, AUDIT_CHANNEL, AUDIT_COLUMNS } from './audit/chain-spec.js';
export {
  AUDIT_PAGE_MAX,
  type AuditPage,
  type AuditQuery,
  readAuditEntries,
  streamAuditEntries,
} from './audit/read.js';
export type { AuditActor, AuditEntry, AuditEntryInput, AuditEntryIssue } from './audit/types.js';
export { reasonProblem, validateAuditEntries } from './audit/validate.js';
export { verifyAudit } from './audit/verify.js';
export {
  type AuditDayCount,
  type AuditVolumeRange,
  auditAccessCount,
  auditVolume,
  firstAuditAccessAt,
} from './audit/volume.js';
export { type Appended, type AppendOptions, appendInTransaction, appendToChain } from './chain/append.js';
export {
  CANONICAL_FORMAT,
  canonicalEncoding,
  canonicalTime,
  canonicalValue,
  digest,
  GENESIS_HASH,
} from './chain/canonical.js';
export { createChainTables } from './chain/create-tables.js';
export { ChainFollower } from './chain/feed/follower.js';
export { ListenFeed, type ListenFeedOptions, type Syncable } from './chain/feed/listen-feed.js';
export { PollFeed } from './chain/feed/poll-feed.js';
export type { ChangeFeed, ReadChanges } from './chain/feed/types.js';
export { arrayLiteral } from './chain/insert.js';
export { chainRecordsSince, lastStoredSeq, readHead } from './chain/read.js';
export { assertStorable, UnstorableTextError } from './chain/storable.js';
export {
  CHAIN_COLUMN_TYPES,
  CHAIN_FAULTS,
  type ChainAnchor,
  type ChainCodec,
  type ChainColumn,
  type ChainColumnType,
  type ChainEncoder,
  type ChainFault,
  type ChainFaultReport,
  type ChainInputValue,
  type ChainRecord,
  type ChainSpec,
  type ChainValue,
  type ChainVerification,
} from './chain/types.js';
export { type VerifyOptions, verifyChain } from './chain/verify.js';
export { CHECKPOINTED_CHAINS } from './checkpoints/chains.js';
export {
  type CheckpointResult,
  type CreateCheckpointOptions,
  createCheckpoint,
  createCheckpoints,
} from './checkpoints/create.js';
export { FolderSink } from './checkpoints/folder-sink.js';
export {
  type CheckpointKey,
  checkpointKeyFromPem,
  checkpointKeyId,
  ensureCheckpointKey,
  loadCheckpointKey,
  publicKeyPem,
} from './checkpoints/key.js';
export { type ChainCheckpoints, checkpointAnchors, readCheckpoints } from './checkpoints/read.js';
export { type CheckpointTimer, startCheckpoints } from './checkpoints/schedule.js';
export { checkpointBytes, readSignedCheckpoint, signCheckpoint } from './checkpoints/sign.js';
export { type CheckpointSink, checkpointName } from './checkpoints/sink.js';
export {
  CHECKPOINT_PROBLEMS,
  CHECKPOINT_VERSION,
  type Checkpoint,
  type CheckpointProblem,
  type CheckpointProblemCode,
  type SignedCheckpoint,
} from './checkpoints/types.js';
export { type CheckpointedVerification, verifyWithCheckpoints } from './checkpoints/verify.js';
export * from './db/open.js';
export { PGLITE_TEMPLATE_ENV, writePgliteTemplate } from './db/pglite-template.js';
export type { Database } from './db/schema.js';
export * from './deregistrations/index.js';
export { subjectKeyFingerprint } from './keys/fingerprint.js';
export {
  envKeySource,
  fileKeySource,
  fixedKeySource,
  keySourceFromEnv,
  type SubjectKeySource,
} from './keys/key-source.js';
export * from './ledger/activity.js';
export * from './ledger/append.js';
export { LEDGER_CHAIN, LEDGER_CHANNEL, LEDGER_COLUMNS } from './ledger/chain-spec.js';
export * from './ledger/hash.js';
export {
  forgetSubject,
  forgetSubjects,
  forgetSubjectsStatement,
  pseudonymsFor,
} from './ledger/pseudonyms.js';
export * from './ledger/read.js';
export * from './ledger/subject-key.js';
export * from './ledger/types.js';
export * from './ledger/verify.js';
export * from './migrations/index.js';
export { POLICY_CHAIN, POLICY_CHANNEL, POLICY_COLUMNS } from './policies/chain-spec.js';
export * from './policies/hash.js';
export * from './policies/publish.js';
export * from './policies/verify.js';
export * from './recipients/index.js';
export * from './reviews/index.js';
