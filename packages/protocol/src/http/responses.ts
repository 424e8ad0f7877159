import { LegalBasis, ManifestSchema } from '@pledge/core';
import { z } from 'zod';
import { LedgerEventJson } from '../events/ledger-event.js';

const Iso = z.string().describe('ISO 8601 date and time');

/** `POST /v1/consents`. */
export const AppendResponse = z
  .object({ events: z.array(z.object({ seq: z.number().int(), id: z.string(), hash: z.string() })) })
  .describe('The events appended, in order');
export type AppendResponse = z.infer<typeof AppendResponse>;

/** `POST /v1/consents/query`. */
export const ConsentQueryResponse = z
  .object({ subjectHash: z.string(), events: z.array(LedgerEventJson) })
  .describe("The subject's events, oldest first");
export type ConsentQueryResponse = z.infer<typeof ConsentQueryResponse>;

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
export type DecisionJson = z.infer<typeof DecisionJson>;

/** `POST /v1/decide/batch`. */
export const DecideBatchResponse = z
  .object({ decisions: z.array(DecisionJson) })
  .describe('One decision per request, in order');
export type DecideBatchResponse = z.infer<typeof DecideBatchResponse>;

/** `POST /v1/use`. */
export const RecordUseResponse = z
  .object({
    recorded: z.boolean().describe('False when already recorded for this version, or not applicable.'),
  })
  .describe('Whether acceptance was recorded');
export type RecordUseResponse = z.infer<typeof RecordUseResponse>;

/** `POST /v1/subjects/deregistered`. */
export const DeregisteredResponse = z
  .object({
    deregistered: z
      .boolean()
      .describe('Whether an account under this identifier was ever deregistered; nothing else is said.'),
  })
  .describe('Whether the identifier was deregistered');
export type DeregisteredResponse = z.infer<typeof DeregisteredResponse>;

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
  acceptedLint: z
    .array(z.object({ rule: z.string(), path: z.string(), message: z.string(), reason: z.string() }))
    .describe(
      "Lint errors published anyway: each accepted by the manifest's lintOverrides, with the reason.",
    ),
});

/** `GET /v1/policies`. */
export const PolicyListResponse = z
  .object({ versions: z.array(VersionSummary.extend({ publishedAt: Iso })) })
  .describe('Every published version, oldest first');
export type PolicyListResponse = z.infer<typeof PolicyListResponse>;

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
export type CurrentPolicyResponse = z.infer<typeof CurrentPolicyResponse>;

/** `POST /v1/policies`. */
export const PublishResponse = z
  .object({ created: z.boolean(), policy: VersionSummary })
  .describe('The published version');
export type PublishResponse = z.infer<typeof PublishResponse>;

/** `GET /v1/ledger/verify` (`LedgerVerification` from @pledge/store). */
export const VerificationResponse = z
  .union([
    z.object({
      ok: z.literal(true),
      events: z.number().int(),
      headSeq: z.number().int().describe('Sequence number of the head verified.'),
      headHash: z.string(),
    }),
    z.object({
      ok: z.literal(false),
      events: z.number().int().describe('Events verified before the first bad one.'),
      fault: z.string().describe('What is wrong with the first bad event (see `faults`).'),
      seq: z.number().int(),
      id: z.string().optional(),
      message: z.string(),
      faults: z
        .array(
          z.object({
            fault: z
              .string()
              .describe(
                'edited, deleted-before, inserted-or-reordered, truncated, head-mismatch, unknown-format, format-downgraded, rewritten or wiped',
              ),
            seq: z.number().int(),
            id: z.string().optional(),
            message: z.string(),
          }),
        )
        .describe('Every fault found, in chain order (at most 1000).'),
      faultCount: z.number().int().describe('How many faults were found in all.'),
    }),
  ])
  .describe('The outcome of walking the whole chain');
export type VerificationResponse = z.infer<typeof VerificationResponse>;

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
export type ChangesResponse = z.infer<typeof ChangesResponse>;

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
    subjectKeyFingerprint: z
      .string()
      .describe(
        'Fingerprint of the subject key (HMAC of a fixed label under it), to check a configured key against.',
      ),
    lastSeq: z
      .number()
      .int()
      .describe('The ledger head when this was read: follow the change feed from here.'),
  })
  .describe('What an SDK needs to decide in process');
export type SdkConfigResponse = z.infer<typeof SdkConfigResponse>;

/** `GET /healthz`. */
export const HealthResponse = z
  .object({ status: z.literal('ok'), policy: z.object({ id: z.string(), version: z.string() }) })
  .describe('Alive, with the policy in force');
export type HealthResponse = z.infer<typeof HealthResponse>;

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
export type LintResponse = z.infer<typeof LintResponse>;
