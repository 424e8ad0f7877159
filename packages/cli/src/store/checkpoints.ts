import { absolute, checkpointLocation, type Settings } from '@pledge/config';
import {
  type ChainAnchor,
  type CheckpointKey,
  type CheckpointProblem,
  checkpointAnchors,
  FolderSink,
  loadCheckpointKey,
  readCheckpoints,
} from '@pledge/store';

/** Flags of the commands that use checkpoints. */
export interface CheckpointFlags {
  /** `--checkpoints <dir>`: the checkpoint folder. */
  checkpoints?: string;
  /** `--checkpoint-key <file>`: the key (its public half suffices to verify). */
  checkpointKey?: string;
}

/** The settings with the checkpoint flags applied (flags win over the environment). */
export function withCheckpointFlags(settings: Settings, flags: CheckpointFlags, cwd: string): Settings {
  return {
    ...settings,
    ...(flags.checkpoints ? { checkpointDir: absolute(flags.checkpoints, cwd) } : {}),
    ...(flags.checkpointKey ? { checkpointKeyFile: absolute(flags.checkpointKey, cwd) } : {}),
  };
}

/** The trusted checkpoints of the ledger in a folder, as anchors, and the untrusted ones. */
export type LedgerAnchors =
  | { ok: true; dir: string; keyId: string; anchors: ChainAnchor[]; problems: CheckpointProblem[] }
  | { ok: false; message: string };

/**
 * Reads the checkpoints of `chain` in `dir`, trusting those signed by the checkpoint key
 * (`--checkpoint-key`, else PLEDGE_CHECKPOINT_KEY_FILE, else the embedded default). The key
 * is read, never generated: a verifier without it cannot trust anything.
 */
export async function readAnchors(settings: Settings, dir: string, chain: string): Promise<LedgerAnchors> {
  const keyFile = checkpointLocation({ ...settings, checkpointDir: dir })?.keyFile;
  if (!keyFile) {
    return {
      ok: false,
      message:
        'no checkpoint key to check the checkpoints with: pass --checkpoint-key <file> or set PLEDGE_CHECKPOINT_KEY_FILE (the public key is enough)',
    };
  }
  let key: CheckpointKey;
  try {
    key = await loadCheckpointKey(keyFile);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : 'error');
    return { ok: false, message: `cannot read the checkpoint key ${keyFile} (${reason})` };
  }
  const { checkpoints, problems } = await readCheckpoints(new FolderSink(dir), chain, [key]);
  return { ok: true, dir, keyId: key.keyId, anchors: checkpointAnchors(checkpoints), problems };
}
