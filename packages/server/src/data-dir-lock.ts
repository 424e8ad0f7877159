import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The lock file inside a data directory, holding the owner's process id. */
export const LOCK_FILE = 'pledge.lock';

/** Lock files this process holds. */
const held = new Set<string>();

/** Outcome of {@link lockDataDir}. */
export type DataDirLock =
  | { ok: true; file: string; release(): Promise<void> }
  | { ok: false; file: string; pid: number };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the embedded database's folder for this process. PGlite is a single-process
 * database: two processes opening one folder would corrupt it, so the second is refused
 * with the first one's process id. A lock left by a process that is gone (or by an earlier
 * life of this process id, as in a restarted container) is taken over. Creates the folder.
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      held.add(file);
      return {
        ok: true,
        file,
        async release() {
          if (!held.delete(file)) return;
          await unlink(file).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    const ours = pid === process.pid;
    if (Number.isInteger(pid) && pid > 0 && (ours ? held.has(file) : alive(pid)))
      return { ok: false, file, pid };
    await unlink(file).catch(() => undefined);
  }
  return { ok: false, file, pid: 0 };
}
