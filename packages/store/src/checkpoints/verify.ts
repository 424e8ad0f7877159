import type { Kysely } from 'kysely';
import type { ChainSpec, ChainVerification } from '../chain/types.js';
import { type VerifyOptions, verifyChain } from '../chain/verify.js';
import type { CheckpointKey } from './key.js';
import { checkpointAnchors, readCheckpoints } from './read.js';
import type { CheckpointSink } from './sink.js';
import type { CheckpointProblem } from './types.js';

/** Outcome of {@link verifyWithCheckpoints}. */
export interface CheckpointedVerification {
  /** The chain's verification against the trusted checkpoints. */
  verification: ChainVerification;
  /** How many trusted checkpoints were compared. */
  checkpoints: number;
  /** Checkpoints found but not trusted (unreadable, unknown key, bad signature). */
  problems: CheckpointProblem[];
  /** Whether the chain verified and every checkpoint was trusted. */
  ok: boolean;
}

/**
 * Verifies a chain as {@link verifyChain} does, and against every checkpoint of it in the sink
 * signed by one of `keys`: a chain recomputed after an edit (`rewritten`), cut short
 * (`truncated`) or emptied (`wiped`) is found, which the links alone cannot show.
 */
export async function verifyWithCheckpoints<T>(
  db: Kysely<T>,
  spec: ChainSpec,
  options: VerifyOptions & { sink: CheckpointSink; keys: readonly CheckpointKey[] },
): Promise<CheckpointedVerification> {
  const { sink, keys, ...verify } = options;
  const { checkpoints, problems } = await readCheckpoints(sink, spec.name, keys);
  const verification = await verifyChain(db, spec, {
    ...verify,
    anchors: [...(verify.anchors ?? []), ...checkpointAnchors(checkpoints)],
  });
  return {
    verification,
    checkpoints: checkpoints.length,
    problems,
    ok: verification.ok && problems.length === 0,
  };
}
