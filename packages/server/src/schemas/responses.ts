import { ConsentMode, JurisdictionKey, LegalBasis, ManifestSchema } from '@pledge/core';
import { LEDGER_EVENT_TYPES } from '@pledge/store';
import { z } from 'zod';

const Iso = z.string().describe('ISO 8601 date and time');

/** Every error answer. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z
        .string()
        .describe('Stable code: bad-request, invalid-json, unauthorized, forbidden, not-found...'),
      message: z.string().describe('Names fields, never their values.'),
      issues: z
        .array(
          z.object({
            path: z.string().describe("The field at fault, e.g. 'events[0].type'."),
            code: z.string(),
            message: z.string(),
            line: z.number().int().optional(),
            column: z.number().int().optional(),
          }),
        )
        .optional(),
    }),
  })
  .describe('Error');

/** A ledger event on the wire: the subject appears only as its keyed hash. */
export const LedgerEventJson = z.object({
  seq: z.number().int(),
  id: z.string(),
  subjectHash: z.string().describe('HMAC-SHA256 of the subject id under the subject key (base64url).'),
  type: z.enum(LEDGER_EVENT_TYPES),
  purposes: z.array(z.string()),
  categories: z.array(z.string()),
  consentMode: ConsentMode.optional(),
  method: z.string(),
  source: z.string(),
  jurisdiction: JurisdictionKey.optional(),
  policyVersion: z.string(),
  policyHash: z.string(),
  noticeHash: z.string().optional(),
  actor: z.enum(['subject', 'guardian', 'officer', 'system']),
  signal: z.enum(['gpc', 'dnt']).optional(),
  occurredAt: Iso,
  prevHash: z.string(),
  hash: z.string(),
});

/** `POST /v1/consents`. */
export const AppendResponse = z
  .object({ events: z.array(z.object({ seq: z.number().int(), id: z.string(), hash: z.string() })) })
  .describe('The events appended, in order');

/** `POST /v1/consents/query`. */
export const ConsentQueryResponse = z
  .object({ subjectHash: z.string(), events: z.array(LedgerEventJson) })
  .describe("The subject's events, oldest first");

const Obligation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('log-access') }),
  z.object({ kind: z.literal('mask-fields'), categories: z.array(z.string()) }),
  z.object({ kind: z.literal('record-disclosure'), recipient: z.string() }),
  z.object({ kind: z.literal('record-transfer'), transfer: z.string(), country: z.string() }),
  z.object({ kind: z.literal('guardian-guidance') }),
]);

/** A decision (`Decision` from @pledge/core). */
export const DecisionJson = z
  .object({
    allowed: z.boolean(),
    legalBasis: LegalBasis.optional().describe('Absent when the purpose is unknown.'),
    reasons: z
      .array(z.string())
      .describe(
        "ok.<legal basis> when allowed; every failing deny.* rule when denied, e.g. 'deny.no-consent'.",
      ),
    obligations: z.array(Obligation),
  })
  .describe('The decision');

/** `POST /v1/decide/batch`. */
export const DecideBatchResponse = z
  .object({ decisions: z.array(DecisionJson) })
  .describe('One decision per request, in order');

/** `POST /v1/use`. */
export const RecordUseResponse = z
  .object({
    recorded: z.boolean().describe('False when already recorded for this version, or not applicable.'),
  })
  .describe('Whether acceptance was recorded');

/** A change between two policy versions (`Change` from @pledge/core). */
const ChangeJson = z.object({
  code: z.string(),
  path: z.string(),
  message: z.string(),
  material: z.boolean(),
  needsConsent: z.boolean(),
  consentFrom: z.enum(['none', 'all-subjects', 'subjects-of-purpose', 'subjects-of-category']),
  affected: z.object({
    purposes: z.array(z.string()).optional(),
    categories: z.array(z.string()).optional(),
    recipients: z.array(z.string()).optional(),
    jurisdictions: z.array(z.string()).optional(),
  }),
});

const VersionSummary = z.object({
  seq: z.number().int(),
  version: z.string(),
  hash: z.string(),
  renewalPurposes: z.array(z.string()).describe('Purposes whose earlier consents this version reopened.'),
  changes: z.array(ChangeJson),
});

/** `GET /v1/policies`. */
export const PolicyListResponse = z
  .object({ versions: z.array(VersionSummary.extend({ publishedAt: Iso })) })
  .describe('Every published version, oldest first');

/** `GET /v1/policies/current`. */
export const CurrentPolicyResponse = z
  .object({
    seq: z.number().int(),
    version: z.string(),
    hash: z.string(),
    publishedAt: Iso,
    manifest: ManifestSchema,
  })
  .describe('The policy in force');

/** `POST /v1/policies`. */
export const PublishResponse = z
  .object({ created: z.boolean(), policy: VersionSummary })
  .describe('The published version');

/** `GET /v1/ledger/verify` (`LedgerVerification` from @pledge/store). */
export const VerificationResponse = z
  .union([
    z.object({ ok: z.literal(true), events: z.number().int(), headHash: z.string() }),
    z.object({
      ok: z.literal(false),
      events: z.number().int().describe('Events verified before the first bad one.'),
      fault: z.enum(['edited', 'deleted-before', 'inserted-or-reordered', 'truncated', 'head-mismatch']),
      seq: z.number().int(),
      id: z.string().optional(),
      message: z.string(),
    }),
  ])
  .describe('The outcome of walking the whole chain');

/** `GET /v1/ledger/changes`. */
export const ChangesResponse = z
  .object({
    events: z.array(LedgerEventJson),
    lastSeq: z
      .number()
      .int()
      .describe(
        "Sequence number of the last event returned ('after' when none): pass it as the next 'after'.",
      ),
  })
  .describe('Events after the given sequence number, oldest first');

/** `GET /v1/sdk/config`. */
export const SdkConfigResponse = z
  .object({
    manifest: ManifestSchema,
    version: z.string(),
    hash: z.string(),
    versions: z.array(
      z.object({
        seq: z.number().int(),
        version: z.string(),
        renewalPurposes: z.array(z.string()),
        material: z.boolean(),
      }),
    ),
    subjectKey: z.string().describe('Key of the subject hashes (HMAC-SHA256): a secret.'),
    lastSeq: z
      .number()
      .int()
      .describe('The ledger head when this was read: follow the change feed from here.'),
  })
  .describe('What an SDK needs to decide in process');

/** `GET /healthz`. */
export const HealthResponse = z
  .object({ status: z.literal('ok'), policy: z.object({ id: z.string(), version: z.string() }) })
  .describe('Alive, with the policy in force');

/** `GET /lint.json`. */
export const LintResponse = z
  .array(
    z.object({
      code: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      path: z.string(),
      message: z.string(),
    }),
  )
  .describe('Lint findings of the policy in force');

/** A text page (HTML or Markdown). */
export function textResponse(description: string, types: readonly string[]): Record<string, unknown> {
  return {
    description,
    content: Object.fromEntries(types.map((type) => [type, { schema: z.string() }])),
  };
}

/** An error answer with its description, for the OpenAPI document. */
export function errorResponse(description: string): Record<string, unknown> {
  return { description, content: { 'application/json': { schema: ErrorResponse } } };
}

/** The error answers every /v1 route may give. */
export const V1_ERRORS = {
  400: errorResponse("Bad request: 'issues' name the fields at fault"),
  401: errorResponse('Missing or wrong API token (when one is configured)'),
  500: errorResponse('Internal error'),
} as const;

/** The error answers of a route taking a JSON body. */
export const BODY_ERRORS = {
  ...V1_ERRORS,
  413: errorResponse('Body too large'),
  415: errorResponse('Unsupported content-type'),
} as const;
