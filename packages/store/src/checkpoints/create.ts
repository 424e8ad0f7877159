import type { Kysely } from 'kysely';
import type { ChainFaultReport, ChainSpec } from '../chain/types.js';
import { verifyChain } from '../chain/verify.js';
import type { CheckpointKey } from './key.js';
import { readCheckpoints } from './read.js';
import { signCheckpoint } from './sign.js';
import type { CheckpointSink } from './sink.js';
import type { SignedCheckpoint } from './types.js';

/** Options of {@link createCheckpoint}. */
export interface CreateCheckpointOptions {
  /** The signing key (with its private half). */
  key: CheckpointKey;
  sink: CheckpointSink;
  /** Keys whose earlier checkpoints are trusted besides `key` (after a key change). */
  trusted?: readonly CheckpointKey[];
  /** Write nothing when the head is the one the latest checkpoint signed (periodic runs). */
  skipUnchanged?: boolean;
  /** Clock of the checkpoint's time; default now. */
  now?: () => Date;
  /** Records read per query while verifying; default 5000. */
  batchSize?: number;
}

/** Outcome of {@link createCheckpoint} for one chain. */
export type CheckpointResult =
  | {
      ok: true;
      chain: string;
      checkpoint: SignedCheckpoint;
      /** The name it was written under; undefined when unchanged and skipped. */
      name?: string;
    }
  | {
      ok: false;
      chain: string;
      /** Why the head was not signed: the chain since the last checkpoint is broken. */
      faults: ChainFaultReport[];
      faultCount: number;
    };

/**
 * Signs the head of a chain and writes the checkpoint to the sink. The chain since the
 * latest trusted checkpoint (from the genesis when there is none) is verified first, and must
 * link to that checkpoint: a broken, rewritten or truncated chain is never signed (its faults
 * come back instead), so a checkpoint only ever extends a verified history.
 */
export async function createCheckpoint<T>(
  db: Kysely<T>,
  spec: ChainSpec,
  options: CreateCheckpointOptions,
): Promise<CheckpointResult> {
  const { checkpoints } = await readCheckpoints(options.sink, spec.name, [
    options.key,
    ...(options.trusted ?? []),
  ]);
  const latest = checkpoints.at(-1);
  const verification = await verifyChain(db, spec, {
    ...(latest ? { from: { seq: latest.seq, hash: latest.headHash } } : {}),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    maxFaults: 100,
  });
  if (!verification.ok) {
    return { ok: false, chain: spec.name, faults: verification.faults, faultCount: verification.faultCount };
  }
  if (
    options.skipUnchanged &&
    latest &&
    latest.seq === verification.headSeq &&
    latest.headHash === verification.headHash
  ) {
    return { ok: true, chain: spec.name, checkpoint: latest };
  }
  const at = (options.now ?? (() => new Date()))().toISOString();
  const checkpoint = signCheckpoint(
    { chain: spec.name, seq: verification.headSeq, headHash: verification.headHash, at },
    options.key,
  );
  const name = await options.sink.write(checkpoint);
  return { ok: true, chain: spec.name, checkpoint, name };
}

/** {@link createCheckpoint} for each chain, in order. */
export async function createCheckpoints<T>(
  db: Kysely<T>,
  specs: readonly ChainSpec[],
  options: CreateCheckpointOptions,
): Promise<CheckpointResult[]> {
  const results: CheckpointResult[] = [];
  for (const spec of specs) results.push(await createCheckpoint(db, spec, options));
  return results;
}
