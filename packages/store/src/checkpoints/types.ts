/** Version of the checkpoint document and of its signed bytes. */
export const CHECKPOINT_VERSION = 1;

/** What a checkpoint states: the head of one chain at one time, under one key. */
export interface Checkpoint {
  /** The chain's name (`ledger`, ...), as its `ChainSpec` says. */
  chain: string;
  /** Sequence number of the head record (0: the chain was empty). */
  seq: number;
  /** Hash of the head record (`genesis` when empty). */
  headHash: string;
  /** When it was signed, ISO 8601 UTC. */
  at: string;
  /** Which key signed it (see `CheckpointKey.keyId`). */
  keyId: string;
}

/** A checkpoint as written to a sink: the statement, its version and the Ed25519 signature. */
export interface SignedCheckpoint extends Checkpoint {
  pledgeCheckpoint: typeof CHECKPOINT_VERSION;
  /** Ed25519 signature of the canonical bytes (see `checkpointBytes`), base64url. */
  signature: string;
}

/** Why a stored checkpoint is not trusted: the one list. */
export const CHECKPOINT_PROBLEMS = ['unreadable', 'unknown-key', 'bad-signature', 'misplaced'] as const;
/** One of {@link CHECKPOINT_PROBLEMS}. */
export type CheckpointProblemCode = (typeof CHECKPOINT_PROBLEMS)[number];

/** A checkpoint found in a sink and not trusted. */
export interface CheckpointProblem {
  code: CheckpointProblemCode;
  /** The sink's name for it (a file name). */
  name: string;
  message: string;
}
