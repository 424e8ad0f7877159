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
export { chainRecordsSince, readHead } from './chain/read.js';
export {
  CHAIN_COLUMN_TYPES,
  CHAIN_FAULTS,
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
export * from './db/open.js';
export type { Database } from './db/schema.js';
export { subjectKeyFingerprint } from './keys/fingerprint.js';
export {
  envKeySource,
  fileKeySource,
  fixedKeySource,
  keySourceFromEnv,
  type SubjectKeySource,
} from './keys/key-source.js';
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
