import {
  CheckpointsBody,
  CheckpointsResponse,
  LedgerVerifyBody,
  VerificationResponse,
} from '@pledge/protocol';
import {
  CHECKPOINTED_CHAINS,
  type CheckpointKey,
  type CheckpointResult,
  type CheckpointSink,
  createCheckpoints,
} from '@pledge/store';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { HttpError } from '../errors.js';
import { BODY_ERRORS, errorResponse } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';

/** What the server signs checkpoints with and writes them to (see @pledge/config `openCheckpoints`). */
export interface ServerCheckpoints {
  key: CheckpointKey;
  sink: CheckpointSink;
  /** How often to sign the chain heads, ms; 0 only on demand. */
  everyMs: number;
}

/** The answer of `POST /v1/ledger/checkpoints` for some results. */
export function checkpointsAnswer(results: readonly CheckpointResult[]): CheckpointsResponse {
  const checkpoints: CheckpointsResponse['checkpoints'] = [];
  const broken: CheckpointsResponse['broken'] = [];
  for (const r of results) {
    if (r.ok) checkpoints.push({ ...r.checkpoint, name: r.name ?? '' });
    else
      broken.push({
        chain: r.chain,
        faultCount: r.faultCount,
        faults: r.faults.map(({ fault, seq, message }) => ({ fault, seq, message })),
      });
  }
  return { ok: broken.length === 0, checkpoints, broken };
}

/**
 * `POST /v1/ledger/checkpoints` (sign every chain head now; needs an administrator's
 * credential) and `POST /v1/ledger/verify` (verify the ledger against anchors the caller
 * checked, e.g. `pledge ledger verify --checkpoints` while this server holds the embedded
 * database).
 */
export function registerCheckpointRoutes(
  app: FastifyInstance,
  rt: Runtime,
  checkpoints: ServerCheckpoints | undefined,
): void {
  app.post(
    '/ledger/checkpoints',
    {
      schema: {
        summary: 'Sign the chain heads now',
        description:
          "Verifies each chain since its latest checkpoint, then signs its head with the server's checkpoint key and writes the checkpoint to the checkpoint folder. A broken chain is not signed: it is listed under 'broken'. 409 when the server has no checkpoint key and folder.",
        tags: ['ledger'],
        body: CheckpointsBody,
        response: {
          200: CheckpointsResponse,
          ...BODY_ERRORS,
          409: errorResponse('No checkpoint key and folder configured (not-configured)'),
        },
      },
    },
    async () => {
      if (!checkpoints) {
        throw new HttpError(
          409,
          'not-configured',
          'this server signs no checkpoints: set PLEDGE_CHECKPOINT_KEY_FILE and PLEDGE_CHECKPOINT_DIR',
        );
      }
      const results = await createCheckpoints(rt.store.db, CHECKPOINTED_CHAINS, {
        key: checkpoints.key,
        sink: checkpoints.sink,
      });
      return checkpointsAnswer(results);
    },
  );

  app.post<{ Body: z.infer<typeof LedgerVerifyBody> }>(
    '/ledger/verify',
    {
      schema: {
        summary: 'Verify the ledger against checkpoints',
        description:
          'Walks the whole chain as GET /v1/ledger/verify does, and compares it with the anchors given (the sequence number and hash of signed checkpoints, whose signatures the caller checked): a chain recomputed after an edit, cut short or wiped is reported.',
        tags: ['ledger'],
        body: LedgerVerifyBody,
        response: { 200: VerificationResponse, ...BODY_ERRORS },
      },
    },
    async (request) => rt.engine.verify({ anchors: request.body.anchors }),
  );
}
