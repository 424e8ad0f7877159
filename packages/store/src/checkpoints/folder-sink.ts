import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
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
 * temporary file, synced, then linked into place, never replacing another (a name taken, by a
 * checkpoint signed in the same millisecond, gets a suffix). Put the folder
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
    const temporary = join(folder, `.${name}.${randomUUID()}.tmp`);
    const file = await open(temporary, 'wx', 0o644);
    try {
      await file.writeFile(`${JSON.stringify(checkpoint, null, 2)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      for (let n = 0; ; n++) {
        const final = n === 0 ? name : name.replace(/\.json$/, `-${n}.json`);
        try {
          await link(temporary, join(folder, final));
          return final;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      }
    } finally {
      await unlink(temporary);
    }
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
