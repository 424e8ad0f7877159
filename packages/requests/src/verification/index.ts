export {
  type AgentAuthorisationInput,
  type AgentRefusal,
  checkAgentAuthorisation,
  recordAgentAuthorisation,
} from './agents.js';
export { type CheckCodeInput, type CheckCodeRefusal, type CheckCodeResult, checkCode } from './check-code.js';
export {
  DEFAULT_VERIFICATION_LIMITS,
  type VerificationContext,
  type VerificationLimits,
} from './context.js';
export {
  IDENTITY_TOKEN_MAX_TTL_SECONDS,
  type IdentityTokenKeys,
  type IdentityTokenRefusal,
  type IdentityTokenResult,
  verifyIdentityToken,
} from './identity-token.js';
export { migrateVerification, verificationMigrations } from './migrations.js';
export {
  requestVerification,
  VERIFICATION_METHODS,
  type VerificationMethod,
  type VerificationRecord,
  verificationHistory,
} from './results.js';
export {
  CODE_CHANNELS,
  type CodeChannel,
  type StartCodeInput,
  type StartCodeResult,
  startCodeVerification,
} from './start-code.js';
