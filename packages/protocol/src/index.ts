export {
  CONSENT_METHODS,
  CONSENT_SOURCES,
  type ConsentMethod,
  type ConsentSource,
  LEDGER_ACTORS,
  LEDGER_EVENT_TYPES,
  type LedgerActor,
  type LedgerEventType,
  PRIVACY_SIGNALS,
  type PrivacySignal,
} from '@pledge/core';
export {
  ERROR_CODES,
  ERRORS,
  type ErrorCode,
  type ErrorSource,
  type ErrorSpec,
  errorSpec,
  type HttpStatusErrorCode,
  isErrorCode,
  SERVER_ERROR_CODES,
  type ServerErrorCode,
} from './errors/catalogue.js';
export { ApiIssue, type ErrorBody, ErrorResponse, errorBody } from './errors/error-body.js';
export { renderErrorDocs } from './errors/render-docs.js';
export { ConsentEventBody, type LedgerEvent, LedgerEventJson } from './events/ledger-event.js';
export {
  CheckpointJson,
  CheckpointsBody,
  CheckpointsResponse,
  LedgerVerifyBody,
  MAX_ANCHORS,
} from './http/checkpoints.js';
export {
  CalendarDay,
  ContractJson,
  DisclosureAllowedResponse,
  DisclosureBody,
  RegisterEntryJson,
  RegisterResponse,
} from './http/disclosures.js';
export {
  ChangesQuery,
  ConsentQueryBody,
  ConsentWriteBody,
  DecideBatchBody,
  DecideBody,
  DeregisteredBody,
  EARLIEST_EVENT,
  EVENT_TIME_WINDOW_MESSAGE,
  FUTURE_SKEW_MS,
  HomeQuery,
  inEventTimeWindow,
  MAX_BATCH,
  PolicyPageQuery,
  RecordConsentBody,
  RecordUseBody,
  RenderedQuery,
  SubjectFactsBody,
} from './http/requests.js';
export {
  AppendResponse,
  ChangesResponse,
  ConsentQueryResponse,
  CurrentPolicyResponse,
  DecideBatchResponse,
  DecisionJson,
  DeregisteredResponse,
  HealthResponse,
  LintResponse,
  PolicyListResponse,
  PublishResponse,
  RecordUseResponse,
  SdkConfigResponse,
  VerificationResponse,
} from './http/responses.js';
export { StorableId, storableText } from './text/storable-text.js';
