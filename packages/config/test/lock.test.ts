import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir, openConfiguredStore, readLockHolder } from '../src/index.js';

const CHILD = join(import.meta.dirname, 'fixtures/open-store-child.ts');
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-config-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs the child opener on `dir`; resolves with its output once it exits (or is ready, when holding). */
function child(dir: string, mode: 'try' | 'hold') {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    proc.stdout.on('data', (chunk) => {
      out += String(chunk);
      if (out.includes('ready\n')) resolve(out);
    });
    void exited.then(() => (mode === 'hold' ? reject(new Error(`child exited: ${out}`)) : resolve(out)));
  });
  return { proc, ready, exited, output: () => out };
}

describe('the data-directory lock', () => {
  it('refuses a second opener in another process, naming the holder and why', {
    timeout: 120_000,
  }, async () => {
    const dir = tempDir();
    const opened = await openConfiguredStore({ dataDir: dir }, { role: 'server' });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    try {
      await opened.opened.advertise('http://127.0.0.1:4400');
      const second = child(dir, 'try');
      expect(await second.exited).toBe(3);
      const refused = JSON.parse(second.output());
      expect(refused).toMatchObject({
        ok: false,
        code: 'store.locked',
        dataDir: dir,
        holder: { pid: process.pid, role: 'server', url: 'http://127.0.0.1:4400' },
      });
      expect(refused.message).toContain(`is in use by process ${process.pid} (a Pledge server)`);
      expect(refused.message).toContain('two processes on one embedded database corrupt it');
    } finally {
      await opened.opened.close();
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    // Released: another process now opens it.
    const third = child(dir, 'try');
    expect(await third.exited).toBe(0);
    expect(third.output()).toBe('opened\n');
  });

  it('refuses this process while a live child holds it, and takes over once the child is killed', {
    timeout: 120_000,
  }, async () => {
    const dir = tempDir();
    const holder = child(dir, 'hold');
    await holder.ready;
    const pid = holder.proc.pid;
    expect(await readLockHolder(join(dir, LOCK_FILE))).toEqual({ pid, role: 'worker' });
    const refused = await openConfiguredStore({ dataDir: dir });
    expect(refused).toMatchObject({ ok: false, code: 'store.locked', holder: { pid, role: 'worker' } });
    // Killed without a chance to release: the lock file stays behind, naming a dead process.
    holder.proc.kill('SIGKILL');
    await holder.exited;
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    const taken = await openConfiguredStore({ dataDir: dir }, { role: 'cli' });
    expect(taken.ok).toBe(true);
    if (!taken.ok) return;
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\nrole=cli\n`);
    await taken.opened.close();
    await taken.opened.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('reads a lock written before roles were recorded, and ignores a garbled one', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), `${process.pid}\n`);
    expect(await readLockHolder(join(dir, LOCK_FILE))).toEqual({ pid: process.pid });
    writeFileSync(join(dir, LOCK_FILE), 'not a pid\n');
    expect(await readLockHolder(join(dir, LOCK_FILE))).toBeUndefined();
    // A garbled lock is stale: it is taken over.
    const lock = await lockDataDir(dir);
    expect(lock.ok).toBe(true);
    if (lock.ok) await lock.release();
  });

  it('does not let this process take its own lock twice', async () => {
    const dir = tempDir();
    const first = await lockDataDir(dir);
    const second = await lockDataDir(dir);
    expect(second).toMatchObject({ ok: false, pid: process.pid });
    if (first.ok) await first.release();
  });
});
