import type { ChainAnchor } from '../chain/types.js';
import type { CheckpointKey } from './key.js';
import { readSignedCheckpoint } from './sign.js';
import type { CheckpointSink } from './sink.js';
import type { CheckpointProblem, SignedCheckpoint } from './types.js';

/** The trusted checkpoints of a chain in a sink, oldest first, and the problems of the others. */
export interface ChainCheckpoints {
  checkpoints: SignedCheckpoint[];
  problems: CheckpointProblem[];
}

/**
 * Reads every checkpoint of `chain` in `sink` and keeps those validly signed by one of
 * `keys`, by sequence number then time; every other one is a problem.
 */
export async function readCheckpoints(
  sink: CheckpointSink,
  chain: string,
  keys: readonly CheckpointKey[],
): Promise<ChainCheckpoints> {
  const checkpoints: SignedCheckpoint[] = [];
  const problems: CheckpointProblem[] = [];
  for (const name of (await sink.list(chain)).sort()) {
    const read = readSignedCheckpoint(name, await sink.read(chain, name), chain, keys);
    if (read.ok) checkpoints.push(read.checkpoint);
    else problems.push(read.problem);
  }
  checkpoints.sort((a, b) => a.seq - b.seq || a.at.localeCompare(b.at));
  return { checkpoints, problems };
}

/** Checkpoints as the anchors chain verification compares records with. */
export function checkpointAnchors(checkpoints: readonly SignedCheckpoint[]): ChainAnchor[] {
  return checkpoints
    .filter((c) => c.seq > 0)
    .map((c) => ({ seq: c.seq, hash: c.headHash, label: `checkpoint of ${c.at}` }));
}
