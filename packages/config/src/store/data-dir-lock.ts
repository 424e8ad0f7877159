import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The lock file inside a data directory: the owner's process id, then what it is. */
export const LOCK_FILE = 'pledge.lock';

/** What a process holding the data directory says about itself. */
export interface LockHolder {
  pid: number;
  /** What holds it: `server`, `cli`, `worker`... (absent in locks written before it was recorded). */
  role?: string;
  /** Where a server holding it answers, e.g. `http://127.0.0.1:4400`: other processes go through it. */
  url?: string;
}

/** Outcome of {@link lockDataDir}. */
export type DataDirLock =
  | {
      ok: true;
      file: string;
      /** Records where this process answers (a server, once listening) for other processes to read. */
      advertise(url: string): Promise<void>;
      release(): Promise<void>;
    }
  | { ok: false; file: string; pid: number; holder: LockHolder };

/** Lock files this process holds. */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function format(holder: LockHolder): string {
  const lines = [String(holder.pid)];
  if (holder.role) lines.push(`role=${holder.role}`);
  if (holder.url) lines.push(`url=${holder.url}`);
  return `${lines.join('\n')}\n`;
}

/** Reads a lock file: the pid on the first line, then `key=value` lines. */
export async function readLockHolder(file: string): Promise<LockHolder | undefined> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const [first = '', ...rest] = text.split('\n');
  const pid = Number(first.trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const holder: LockHolder = { pid };
  for (const line of rest) {
    const at = line.indexOf('=');
    const key = line.slice(0, at);
    const value = line.slice(at + 1).trim();
    if (at <= 0 || !value) continue;
    if (key === 'role') holder.role = value;
    if (key === 'url' && /^https?:\/\//.test(value)) holder.url = value;
  }
  return holder;
}

/**
 * Takes the embedded database's folder for this process. PGlite is a single-process
 * database: two processes opening one folder would corrupt it, so the second is refused
 * with the first one's process id (and role and address when it recorded them). A lock left
 * by a process that is gone (or by an earlier life of this process id, as in a restarted
 * container) is taken over. Creates the folder.
 */
export async function lockDataDir(dir: string, role?: string): Promise<DataDirLock> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  const self: LockHolder = { pid: process.pid, ...(role ? { role } : {}) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, format(self), { flag: 'wx' });
      held.add(file);
      return {
        ok: true,
        file,
        async advertise(url) {
          if (held.has(file)) await writeFile(file, format({ ...self, url }));
        },
        async release() {
          if (!held.delete(file)) return;
          await unlink(file).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readLockHolder(file);
    if (holder) {
      const ours = holder.pid === process.pid;
      if (ours ? held.has(file) : alive(holder.pid)) return { ok: false, file, pid: holder.pid, holder };
    }
    await unlink(file).catch(() => undefined);
  }
  return { ok: false, file, pid: 0, holder: { pid: 0 } };
}
