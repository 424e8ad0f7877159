import type { Change } from '@pledge/core';
import type { Decision } from '@pledge/decide';
import type {
  AppendResponse,
  ChangesQuery,
  ChangesResponse,
  ConsentEventBody,
  DecideBody,
  DisclosureAllowedResponse,
  DisclosureBody,
  ErrorBody,
  ApiIssue as ProtocolApiIssue,
  ConsentQueryResponse as ProtocolConsentQueryResponse,
  CurrentPolicyResponse as ProtocolCurrentPolicyResponse,
  DecideBatchResponse as ProtocolDecideBatchResponse,
  DeregisteredResponse as ProtocolDeregisteredResponse,
  LedgerEvent as ProtocolLedgerEvent,
  LedgerEventJson as ProtocolLedgerEventJson,
  PolicyListResponse as ProtocolPolicyListResponse,
  RecordUseResponse as ProtocolRecordUseResponse,
  SdkConfigResponse as ProtocolSdkConfigResponse,
  PublishResponse,
  RecordConsentBody,
  RenderedQuery,
  VerificationResponse,
} from '@pledge/protocol';
import type { input as ZodInput, output as ZodOutput } from 'zod';

// The SDK's names for the wire types of @pledge/protocol, kept as its public API.

/** One consent event as a client sends it (defaults such as `method: 'api'` may be left out). */
export type ConsentEventInput = ZodInput<typeof ConsentEventBody>;

/** Body of `POST /v1/consents`. */
export type RecordConsentRequest = ZodInput<typeof RecordConsentBody>;

/** Body of `POST /v1/decide`: one decision request, with an optional subject and facts. */
export type DecideRequest = ZodInput<typeof DecideBody>;

/** Body of `POST /v1/disclosures`: the subject, recipient, purpose, categories and basis. */
export type DisclosureRequest = ZodInput<typeof DisclosureBody>;

/** Answer of an allowed disclosure (a refusal throws a `PledgeApiError` with code `disclosure-refused`). */
export type DisclosureResponse = ZodOutput<typeof DisclosureAllowedResponse>;

/** A stored ledger event as read back (`occurredAt` a `Date`). */
export type LedgerEvent = ProtocolLedgerEvent;

/** A stored ledger event on the wire: {@link LedgerEvent} with `occurredAt` as an ISO string. */
export type LedgerEventJson = ProtocolLedgerEventJson;

/** Result of `GET /v1/ledger/verify`. */
export type LedgerVerification = VerificationResponse;

/** A problem with a request, as the server names it (YAML manifests add line and column). */
export type ApiIssue = ProtocolApiIssue;

/** Body of every 4xx/5xx answer; codes are listed in docs/errors.md. */
export type ApiErrorBody = ErrorBody;

/** Response of `POST /v1/consents`. */
export type RecordConsentResponse = AppendResponse;

/** Response of `POST /v1/consents/query`. */
export type ConsentQueryResponse = ProtocolConsentQueryResponse;

/** Response of `POST /v1/decide/batch`, its decisions typed as the decision engine's. */
export interface DecideBatchResponse extends Omit<ProtocolDecideBatchResponse, 'decisions'> {
  decisions: Decision[];
}

/** Response of `POST /v1/subjects/deregistered`. */
export type DeregisteredResponse = ProtocolDeregisteredResponse;

/** Response of `POST /v1/use`. */
export type RecordUseResponse = ProtocolRecordUseResponse;

/** Changes typed as `diffManifests` reports them. */
type WithChanges<T> = Omit<T, 'changes'> & { changes: Change[] };

/** A published policy version as `GET /v1/policies` lists it. */
export type PolicyVersionSummary = WithChanges<ProtocolPolicyListResponse['versions'][number]>;

/** Response of `GET /v1/policies`. */
export interface PolicyListResponse {
  versions: PolicyVersionSummary[];
}

/** Response of `GET /v1/policies/current`. */
export type CurrentPolicyResponse = ProtocolCurrentPolicyResponse;

/** Response of `POST /v1/policies`: `created` is false when the same manifest was already published. */
export type PublishPolicyResponse = Omit<PublishResponse, 'policy'> & {
  policy: WithChanges<PublishResponse['policy']>;
};

/** Query of `GET /v1/policy/rendered`. */
export type RenderedPolicyQuery = ZodInput<typeof RenderedQuery>;

/** Query of `GET /v1/ledger/changes`: events after `after`, at most `limit` (1 to 5000). */
export type LedgerChangesQuery = Pick<ZodOutput<typeof ChangesQuery>, 'after'> &
  Partial<Pick<ZodOutput<typeof ChangesQuery>, 'limit'>>;

/** Response of `GET /v1/ledger/changes`. */
export type LedgerChangesResponse = ChangesResponse;

/** Response of `GET /v1/sdk/config`: what an SDK needs to decide in process. */
export type SdkConfigResponse = ProtocolSdkConfigResponse;
