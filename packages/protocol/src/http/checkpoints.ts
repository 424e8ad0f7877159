import { z } from 'zod';
import { storableText } from '../text/storable-text.js';

/** Most anchors one `POST /v1/ledger/verify` takes. */
export const MAX_ANCHORS = 5000;

/**
 * `POST /v1/ledger/verify`: verify the ledger against points known from outside the database
 * (signed checkpoints the caller checked with its key). The server compares hashes only; the
 * trust in the checkpoints stays with the caller.
 */
export const LedgerVerifyBody = z
  .object({
    anchors: z
      .array(
        z
          .object({
            seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
            hash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 in hex' }),
            label: storableText(z.string().min(1).max(200)).optional(),
          })
          .strict(),
      )
      .max(MAX_ANCHORS),
  })
  .strict();
export type LedgerVerifyBody = z.infer<typeof LedgerVerifyBody>;

/** `POST /v1/ledger/checkpoints`: no options yet; the body may be left out. */
export const CheckpointsBody = z.object({}).strict().nullish();

/** One signed checkpoint, as written to the sink. */
export const CheckpointJson = z.object({
  pledgeCheckpoint: z.literal(1),
  chain: z.string(),
  seq: z.number().int(),
  headHash: z.string(),
  at: z.string().describe('ISO 8601 UTC time of signing'),
  keyId: z.string(),
  signature: z.string().describe('Ed25519 signature of the canonical bytes, base64url'),
});

/** `POST /v1/ledger/checkpoints`: what was signed, and the chains found broken (not signed). */
export const CheckpointsResponse = z
  .object({
    ok: z.boolean().describe('Whether every chain was verified and signed.'),
    checkpoints: z.array(CheckpointJson.extend({ name: z.string() })),
    broken: z.array(
      z.object({
        chain: z.string(),
        faultCount: z.number().int(),
        faults: z.array(z.object({ fault: z.string(), seq: z.number().int(), message: z.string() })),
      }),
    ),
  })
  .describe('Checkpoints written to the sink');
export type CheckpointsResponse = z.infer<typeof CheckpointsResponse>;
