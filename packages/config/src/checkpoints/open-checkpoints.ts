import { isAbsolute, relative, sep } from 'node:path';
import { type CheckpointKey, type CheckpointSink, ensureCheckpointKey, FolderSink } from '@pledge/store';
import type { Settings } from '../settings.js';

/** How often the server signs the chain heads when PLEDGE_CHECKPOINT_INTERVAL_MS is not set (15 minutes). */
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 15 * 60_000;

/** Where checkpoints are kept and signed from, as the settings say or the embedded defaults. */
export interface CheckpointLocation {
  keyFile: string;
  dir: string;
  everyMs: number;
  /** Whether the paths are the embedded mode's defaults (next to, never inside, its folder). */
  defaulted: boolean;
}

/**
 * The checkpoint key file and folder: PLEDGE_CHECKPOINT_KEY_FILE and PLEDGE_CHECKPOINT_DIR;
 * on the embedded database, by default `<data dir>-keys/checkpoint-ed25519.pem` and
 * `<data dir>-checkpoints`, beside the database folder and never inside it. On PostgreSQL
 * without both settings: undefined (no checkpoints).
 */
export function checkpointLocation(settings: Settings): CheckpointLocation | undefined {
  const embedded = !settings.databaseUrl;
  const keyFile =
    settings.checkpointKeyFile ??
    (embedded ? `${settings.dataDir}-keys${sep}checkpoint-ed25519.pem` : undefined);
  const dir = settings.checkpointDir ?? (embedded ? `${settings.dataDir}-checkpoints` : undefined);
  if (!keyFile || !dir) return undefined;
  return {
    keyFile,
    dir,
    everyMs: settings.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS,
    defaulted: !settings.checkpointKeyFile || !settings.checkpointDir,
  };
}

/** Checkpointing ready to run: the key, the sink, the interval, and what to warn about. */
export type OpenedCheckpoints =
  | {
      ok: true;
      key: CheckpointKey;
      sink: CheckpointSink;
      everyMs: number;
      keyFile: string;
      warnings: string[];
    }
  | {
      ok: false;
      code: 'checkpoints.off' | 'checkpoints.key-inside-data' | 'checkpoints.key-unreadable';
      message: string;
    };

function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Opens the checkpoint key (generating it when its file does not exist yet, with a warning)
 * and the folder sink. A key inside the embedded database's folder is refused: a copy of the
 * data would carry the key that vouches for it.
 */
export async function openCheckpoints(settings: Settings): Promise<OpenedCheckpoints> {
  const location = checkpointLocation(settings);
  if (!location) {
    return {
      ok: false,
      code: 'checkpoints.off',
      message:
        'ledger checkpoints are off: set PLEDGE_CHECKPOINT_KEY_FILE and PLEDGE_CHECKPOINT_DIR (outside the database); without them a consistent rewrite, truncation or wipe of the ledger by someone with database access goes unnoticed',
    };
  }
  if (!settings.databaseUrl && inside(location.keyFile, settings.dataDir)) {
    return {
      ok: false,
      code: 'checkpoints.key-inside-data',
      message: 'PLEDGE_CHECKPOINT_KEY_FILE is inside the database folder: keep the key outside it',
    };
  }
  let opened: { key: CheckpointKey; created: boolean };
  try {
    opened = await ensureCheckpointKey(location.keyFile);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : 'error');
    return {
      ok: false,
      code: 'checkpoints.key-unreadable',
      message: `cannot use the checkpoint key ${location.keyFile} (${reason})`,
    };
  }
  const warnings: string[] = [];
  if (opened.created) {
    warnings.push(
      `generated a checkpoint key (${opened.key.keyId}) in ${location.keyFile}: keep a copy of it away from this machine, and give verifiers its public half`,
    );
  }
  if (location.defaulted) {
    warnings.push(
      `ledger checkpoints go to ${location.dir}, beside the database: for production set PLEDGE_CHECKPOINT_KEY_FILE and PLEDGE_CHECKPOINT_DIR to places the database's users cannot write`,
    );
  }
  return {
    ok: true,
    key: opened.key,
    sink: new FolderSink(location.dir),
    everyMs: location.everyMs,
    keyFile: location.keyFile,
    warnings,
  };
}
