import { mkdir, open, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { type CheckpointSink, checkpointName } from './sink.js';
import type { SignedCheckpoint } from './types.js';

const CHAIN_NAME = /^[a-z0-9][a-z0-9-]*$/;

function chainFolder(root: string, chain: string): string {
  if (!CHAIN_NAME.test(chain)) throw new Error(`chain name ${JSON.stringify(chain)} cannot name a folder`);
  return join(root, chain);
}

/**
 * A folder of checkpoints: `<dir>/<chain>/<seq>-<time>-<key>.json`, each written to a
 * temporary file, synced, then renamed into place, never replacing another. Put the folder
 * on another disk or host than the database (a mounted share, a synced folder) or copy it
 * away regularly: checkpoints next to the database fall with it.
 */
export class FolderSink implements CheckpointSink {
  readonly dir: string;
  readonly description: string;

  constructor(dir: string) {
    this.dir = dir;
    this.description = `folder ${dir}`;
  }

  async write(checkpoint: SignedCheckpoint): Promise<string> {
    const folder = chainFolder(this.dir, checkpoint.chain);
    await mkdir(folder, { recursive: true });
    const name = checkpointName(checkpoint);
    const temporary = join(folder, `.${name}.${process.pid}.tmp`);
    const file = await open(temporary, 'wx', 0o644);
    try {
      await file.writeFile(`${JSON.stringify(checkpoint, null, 2)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, join(folder, name));
    return name;
  }

  async list(chain: string): Promise<string[]> {
    try {
      const names = await readdir(chainFolder(this.dir, chain));
      return names.filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  read(chain: string, name: string): Promise<string> {
    return readFile(join(chainFolder(this.dir, chain), name), 'utf8');
  }
}
