export { type RenewalVersion, renewalCheck } from '@pledge/core';
export type { ConsentEventBody, DecideBody, RecordConsentBody } from '@pledge/protocol';
export { recordAccesses, type SubjectAccess } from './audit.js';
export { decisionRequest } from './decision-request.js';
export * from './disclosures/index.js';
export * from './engine.js';
export { EARLIEST_EVENT, type EngineRefusal, eventTimeRefusal, FUTURE_SKEW_MS } from './event-time.js';
export { type UnknownIdCode, unknownIdRefusal } from './known-ids.js';
export {
  PUBLISH_REFUSALS,
  type PublishCheck,
  type PublishRefusal,
  type PublishRefusalCode,
  PublishRefusedError,
  publishCheck,
} from './publish-check.js';
export * from './renewal.js';
export * from './reviews/index.js';
