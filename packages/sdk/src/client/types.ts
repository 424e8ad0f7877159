import type { Change, Manifest } from '@pledge/core';
import type { Decision } from '@pledge/decide';
import type {
  ConsentEventBody,
  DecideBody,
  Engine,
  RecordConsentBody,
  RenewalVersion,
  toSubjectEvent,
} from '@pledge/engine';
import type { input as ZodInput } from 'zod';

/** One consent event as a client sends it (defaults such as `method: 'api'` may be left out). */
export type ConsentEventInput = ZodInput<typeof ConsentEventBody>;

/** Body of `POST /v1/consents`. */
export type RecordConsentRequest = ZodInput<typeof RecordConsentBody>;

/** Body of `POST /v1/decide`: one decision request, with an optional subject and facts. */
export type DecideRequest = ZodInput<typeof DecideBody>;

/** A stored ledger event as the engine reads it (`occurredAt` a `Date`). */
export type LedgerEvent = Parameters<typeof toSubjectEvent>[0];

/** A stored ledger event on the wire: {@link LedgerEvent} with `occurredAt` as an ISO string. */
export type LedgerEventJson = Omit<LedgerEvent, 'occurredAt'> & { occurredAt: string };

/** Result of `GET /v1/ledger/verify`. */
export type LedgerVerification = Awaited<ReturnType<Engine['verify']>>;

/** A problem with a request, as the server names it (YAML manifests add line and column). */
export interface ApiIssue {
  path: string;
  code: string;
  message: string;
  line?: number;
  column?: number;
  severity?: string;
}

/** Body of every 4xx/5xx answer. */
export interface ApiErrorBody {
  error: { code: string; message: string; issues?: ApiIssue[] };
}

/** Response of `POST /v1/consents`. */
export interface RecordConsentResponse {
  events: Array<{ seq: number; id: string; hash: string }>;
}

/** Response of `POST /v1/consents/query`. */
export interface ConsentQueryResponse {
  subjectHash: string;
  events: LedgerEventJson[];
}

/** Response of `POST /v1/decide/batch`. */
export interface DecideBatchResponse {
  decisions: Decision[];
}

/** Response of `POST /v1/use`. */
export interface RecordUseResponse {
  recorded: boolean;
}

/** A published policy version as `GET /v1/policies` lists it. */
export interface PolicyVersionSummary {
  seq: number;
  version: string;
  hash: string;
  publishedAt: string;
  renewalPurposes: string[];
  changes: Change[];
}

/** Response of `GET /v1/policies`. */
export interface PolicyListResponse {
  versions: PolicyVersionSummary[];
}

/** Response of `GET /v1/policies/current`. */
export interface CurrentPolicyResponse {
  seq: number;
  version: string;
  hash: string;
  publishedAt: string;
  manifest: Manifest;
}

/** Response of `POST /v1/policies`: `created` is false when the same manifest was already published. */
export interface PublishPolicyResponse {
  created: boolean;
  policy: { seq: number; version: string; hash: string; renewalPurposes: string[]; changes: Change[] };
}

/** Query of `GET /v1/policy/rendered`. */
export interface RenderedPolicyQuery {
  lang?: 'en' | 'zh-CN';
  format?: 'html' | 'md';
}

/** Query of `GET /v1/ledger/changes`. */
export interface LedgerChangesQuery {
  /** Events after this sequence number. */
  after: number;
  /** 1 to 5000. */
  limit?: number;
}

/** Response of `GET /v1/ledger/changes`. */
export interface LedgerChangesResponse {
  events: LedgerEventJson[];
  lastSeq: number;
}

/** Response of `GET /v1/sdk/config`: what an SDK needs to decide in process. */
export interface SdkConfigResponse {
  manifest: Manifest;
  version: string;
  hash: string;
  versions: RenewalVersion[];
  /** Key of the subject hashes (HMAC-SHA256): treat it as a secret. */
  subjectKey: string;
  lastSeq: number;
}
