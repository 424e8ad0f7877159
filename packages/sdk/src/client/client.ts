import type { ConsentSource, Manifest } from '@pledge/core';
import type { Decision } from '@pledge/decide';
import type { ErrorCode } from '@pledge/protocol';
import type { AuditAccess } from '../audit/access-recorder.js';
import { errorFromResponse, PledgeApiError } from './errors.js';
import type {
  ConsentEventInput,
  ConsentQueryResponse,
  CurrentPolicyResponse,
  DecideBatchResponse,
  DecideRequest,
  DeregisteredResponse,
  DisclosureRequest,
  DisclosureResponse,
  LedgerChangesQuery,
  LedgerChangesResponse,
  LedgerVerification,
  PolicyListResponse,
  PublishPolicyResponse,
  RecordConsentResponse,
  RecordUseResponse,
  RenderedPolicyQuery,
  SdkConfigResponse,
} from './types.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** Where the Pledge server answers, e.g. `http://127.0.0.1:4400`. */
  baseUrl: string;
  /**
   * API key (`pledge keys create`), sent as `Authorization: Bearer`: with the scopes of the
   * routes called (docs/api-keys.md). Not needed when the server runs in development mode.
   */
  apiKey?: string;
  /** @deprecated The older name of {@link ClientOptions.apiKey}. */
  token?: string;
  /** Fetch implementation; default the global `fetch`. */
  fetch?: typeof fetch;
  /** Abort a request after this long. Default 10 000 ms. */
  timeoutMs?: number;
}

/** A typed client of the Pledge HTTP API v1: one method per route. Errors are {@link PledgeApiError}s. */
export interface PledgeClient {
  /** `POST /v1/consents`: appends events for one subject. */
  recordConsent(subject: string, events: ConsentEventInput[]): Promise<RecordConsentResponse>;
  /** `POST /v1/consents/query`: the subject's ledger events, oldest first. */
  queryConsents(subject: string): Promise<ConsentQueryResponse>;
  /** `POST /v1/decide`. */
  decide(request: DecideRequest): Promise<Decision>;
  /** `POST /v1/decide/batch` (at most 1000 requests). */
  decideBatch(requests: DecideRequest[]): Promise<DecideBatchResponse>;
  /** `POST /v1/audit/accesses`: accesses met under `log-access` obligations (scope `audit:write`). */
  recordAccesses(accesses: AuditAccess[]): Promise<{ recorded: number }>;
  /** `POST /v1/use`: records use of the service as acceptance, where the policy says so. */
  recordUse(subject: string, source?: ConsentSource): Promise<RecordUseResponse>;
  /** `GET /v1/policies`. */
  listPolicies(): Promise<PolicyListResponse>;
  /** `GET /v1/policies/current`. */
  currentPolicy(): Promise<CurrentPolicyResponse>;
  /** `POST /v1/policies`: a manifest object is sent as JSON, a string as YAML. */
  publishPolicy(manifest: Manifest | string): Promise<PublishPolicyResponse>;
  /** `GET /v1/policy/rendered`: the policy as HTML or Markdown text. */
  renderedPolicy(query?: RenderedPolicyQuery): Promise<string>;
  /** `GET /v1/ledger/verify`. */
  verifyLedger(): Promise<LedgerVerification>;
  /** `GET /v1/ledger/changes`: the change feed consent caches follow. */
  ledgerChanges(query: LedgerChangesQuery): Promise<LedgerChangesResponse>;
  /** `GET /v1/sdk/config`: manifest, versions and subject key for in-process decisions. */
  sdkConfig(): Promise<SdkConfigResponse>;
  /**
   * `POST /v1/disclosures` (scope `disclose`): asks for, and logs, a disclosure to a recipient.
   * A refusal throws a {@link PledgeApiError} with code `disclosure-refused` and every reason in `issues`.
   */
  disclose(request: DisclosureRequest): Promise<DisclosureResponse>;
  /**
   * `POST /v1/subjects/deregistered` (scope `deregistration:check` or `dsr`; rate-limited):
   * whether an account under this identifier was ever deregistered, and nothing else. For a
   * sign-up form: the new account is then a new subject, unlinked from the old one.
   */
  wasDeregistered(identifier: string): Promise<boolean>;
}

interface Call {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number | undefined>;
  /** JSON value, or raw text sent with `contentType`. */
  body?: unknown;
  contentType?: string;
  /** Read the answer as text instead of JSON. */
  text?: boolean;
}

/**
 * Creates a {@link PledgeClient}.
 *
 * @example
 * const client = createClient({ baseUrl: 'http://127.0.0.1:4400', apiKey: process.env.PLEDGE_API_KEY });
 * const decision = await client.decide({ subject: 'user-42', purpose: 'newsletter', categories: ['email'] });
 */
export function createClient(options: ClientOptions): PledgeClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const key = options.apiKey ?? options.token;

  async function call<T>(spec: Call): Promise<T> {
    const route = `${spec.method} ${spec.path}`;
    const url = new URL(`${base}${spec.path}`);
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { accept: spec.text ? 'text/*' : 'application/json' };
    if (key) headers.authorization = `Bearer ${key}`;
    let body: string | undefined;
    if (spec.body !== undefined) {
      headers['content-type'] = spec.contentType ?? 'application/json';
      body = spec.contentType ? String(spec.body) : JSON.stringify(spec.body);
    }
    let response: Response;
    try {
      response = await doFetch(url, {
        method: spec.method,
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const code: ErrorCode = timedOut ? 'timeout' : 'network-error';
      throw new PledgeApiError(0, code, `${route} failed: ${code}`, [], error);
    }
    const raw = await response.text();
    if (!response.ok) throw errorFromResponse(route, response.status, parseJson(raw));
    if (spec.text) return raw as T;
    const parsed = parseJson(raw);
    if (parsed === undefined) {
      throw new PledgeApiError(
        response.status,
        'invalid-response' satisfies ErrorCode,
        `${route} answered with a body that is not JSON`,
      );
    }
    return parsed as T;
  }

  return {
    recordConsent: (subject, events) =>
      call({ method: 'POST', path: '/v1/consents', body: { subject, events } }),
    queryConsents: (subject) => call({ method: 'POST', path: '/v1/consents/query', body: { subject } }),
    decide: (request) => call({ method: 'POST', path: '/v1/decide', body: request }),
    decideBatch: (requests) => call({ method: 'POST', path: '/v1/decide/batch', body: { requests } }),
    recordUse: (subject, source) => call({ method: 'POST', path: '/v1/use', body: { subject, source } }),
    recordAccesses: (accesses) => call({ method: 'POST', path: '/v1/audit/accesses', body: { accesses } }),
    listPolicies: () => call({ method: 'GET', path: '/v1/policies' }),
    currentPolicy: () => call({ method: 'GET', path: '/v1/policies/current' }),
    publishPolicy: (manifest) =>
      typeof manifest === 'string'
        ? call({ method: 'POST', path: '/v1/policies', body: manifest, contentType: 'application/yaml' })
        : call({ method: 'POST', path: '/v1/policies', body: manifest }),
    renderedPolicy: (query = {}) =>
      call({ method: 'GET', path: '/v1/policy/rendered', query: { ...query }, text: true }),
    verifyLedger: () => call({ method: 'GET', path: '/v1/ledger/verify' }),
    ledgerChanges: (query) =>
      call({ method: 'GET', path: '/v1/ledger/changes', query: { after: query.after, limit: query.limit } }),
    sdkConfig: () => call({ method: 'GET', path: '/v1/sdk/config' }),
    disclose: (request) => call({ method: 'POST', path: '/v1/disclosures', body: request }),
    wasDeregistered: async (identifier) =>
      (
        await call<DeregisteredResponse>({
          method: 'POST',
          path: '/v1/subjects/deregistered',
          body: { identifier },
        })
      ).deregistered,
  };
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
