export type { CategoryMask, Decision, DecisionRequest, GpcStatus, SubjectState } from '@pledge/decide';
export type { RenewalVersion, SubjectFactsInput } from '@pledge/engine';
export { LEDGER_CHANNEL, subjectHash } from '@pledge/store';
export { AccessCounter, type CountedAccess } from './audit/access-counter.js';
export {
  AccessRecorder,
  type AccessRecorderOptions,
  type AuditAccess,
  MAX_BATCH,
} from './audit/access-recorder.js';
export { type ClientOptions, createClient, type PledgeClient } from './client/client.js';
export { PledgeApiError } from './client/errors.js';
export type * from './client/types.js';
export { pledgeExpress } from './middleware/express.js';
export { type PledgeFastifyOptions, pledgeFastify } from './middleware/fastify.js';
export type {
  PledgeMiddlewareOptions,
  RequestDecideOptions,
  RequestPledge,
} from './middleware/request-pledge.js';
export { type HeaderBag, type RequestSignals, readSignals } from './middleware/signals.js';
export { createPledge, type PledgeOptions } from './pledge/create-pledge.js';
export { SubjectKeyMismatchError, SubjectNotCachedError } from './pledge/errors.js';
export { Pledge, type SubjectHandle } from './pledge/pledge.js';
export type { PolicyRuntime } from './pledge/policy-runtime.js';
export {
  issueVerificationToken,
  type VerificationTokenInput,
  type VerificationTokenKey,
} from './verification/issue-token.js';
