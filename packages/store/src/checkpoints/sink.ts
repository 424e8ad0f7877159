import type { SignedCheckpoint } from './types.js';

/**
 * Where checkpoints are kept, outside the database: an append-only set of named documents
 * per chain. The default is {@link FolderSink}; object storage fits the same three calls
 * (`write` is a PUT of `<chain>/<name>` with if-none-match, `list` a prefix listing, `read` a
 * GET), best in a bucket with object lock (WORM) so that the database's writers cannot
 * delete checkpoints either.
 */
export interface CheckpointSink {
  /** Where it is, for messages (`folder /var/lib/pledge/checkpoints`). */
  readonly description: string;
  /** Stores a checkpoint under a new name (never replacing one); returns the name. */
  write(checkpoint: SignedCheckpoint): Promise<string>;
  /** Names of the stored checkpoints of a chain, in any order. */
  list(chain: string): Promise<string[]>;
  /** The stored text of a checkpoint named by {@link list}. */
  read(chain: string, name: string): Promise<string>;
}

/** The name a checkpoint is stored under: sortable by sequence number, then time. */
export function checkpointName(checkpoint: SignedCheckpoint): string {
  const seq = String(checkpoint.seq).padStart(15, '0');
  const at = checkpoint.at.replace(/[-:.]/g, '');
  const key = checkpoint.keyId.replace(/^ed25519:/, '');
  return `${seq}-${at}-${key}.json`;
}
