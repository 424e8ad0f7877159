import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CliIo, main } from '@pledge/cli';
import { createEngine } from '@pledge/engine';
import { openStore, type Store } from '@pledge/store';
import { createScratchDatabase } from '@pledge/testing';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './fixtures.js';
import { antsentry, backends } from './helpers.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-cli-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs `pledge ...args` in process, capturing its output. */
async function pledge(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readText: () => Promise.reject(new Error('unused')),
    writeText: () => Promise.reject(new Error('unused')),
    cwd: REPO_ROOT,
  };
  const code = await main(['node', 'pledge', ...args], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Records three events in the store, then closes it. */
async function seed(store: Store): Promise<void> {
  const engine = await createEngine({ store, manifest: antsentry });
  for (const subject of ['a', 'b', 'c'])
    await engine.record(subject, [{ type: 'opt-out', method: 'api', source: 'api', actor: 'subject' }]);
  await store.close();
}

async function tamper(store: Store): Promise<void> {
  await sql`UPDATE pledge_ledger_events SET purposes = ARRAY['edited'] WHERE seq = 2`.execute(store.db);
  await store.close();
}

describe.each(backends)('pledge ledger verify on %s', (kind) => {
  it('prints ok, then names the first bad event and exits 1 once an event is edited', {
    timeout: 60_000,
  }, async () => {
    const scratch = kind === 'postgres' ? await createScratchDatabase('pledge_cli') : undefined;
    const dir = tempDir();
    const open = () => openStore(scratch ? { url: scratch.url } : { dataDir: dir });
    const where = scratch ? ['--database-url', scratch.url] : ['--data-dir', dir];
    try {
      await seed(await open());
      const ok = await pledge('ledger', 'verify', ...where);
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/^ledger ok: 3 events verified in (PGlite at|PostgreSQL at postgres:\/\/)/);
      expect(ok.stdout).not.toContain('@');

      await tamper(await open());
      const broken = await pledge('ledger', 'verify', ...where);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain('first bad event: seq 2 (id ');
      expect(broken.stdout).toContain('fault: edited: event 2 was changed after it was recorded');
      expect(broken.stdout).toContain('1 events before it verified');
      const json = await pledge('ledger', 'verify', ...where, '--format', 'json');
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, fault: 'edited', seq: 2, events: 1 });
    } finally {
      await scratch?.drop();
    }
  });
});

describe('pledge ledger verify, misdirected', () => {
  it('an empty folder is a usage error and is left untouched', async () => {
    const dir = join(tempDir(), 'nothing-here');
    const res = await pledge('ledger', 'verify', '--data-dir', dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`pledge: no embedded database in ${dir} (set --data-dir or --database-url)\n`);
    expect(existsSync(dir)).toBe(false);
  });

  it.runIf(backends.includes('postgres'))('a database without a ledger is a usage error', async () => {
    const scratch = await createScratchDatabase('pledge_cli');
    try {
      const res = await pledge('ledger', 'verify', '--database-url', scratch.url);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/^pledge: no Pledge ledger in PostgreSQL at postgres:\/\//);
    } finally {
      await scratch.drop();
    }
  });
});

describe('pledge serve', () => {
  it('runs the server until SIGTERM, then releases the data folder', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'packages/cli/bin/pledge.js'), 'serve', '--port', '0', '--data-dir', dir],
      { cwd: REPO_ROOT, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk) => {
        stderr += String(chunk);
        const match = /serving on (http:\/\/[\d.]+:\d+)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      void exited.then(() => reject(new Error(`pledge serve exited: ${stderr}`)));
    });
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', policy: { id: 'antsentry' } });
    expect(existsSync(join(dir, 'pledge.lock'))).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dir, 'pledge.lock'))).toBe(false);
  });
});
