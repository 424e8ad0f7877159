import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifest } from '@pledge/core';
import { createEngine } from '@pledge/engine';
import { openStore, type Store } from '@pledge/store';
import { createScratchDatabase } from '@pledge/testing';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { backendKinds as backends } from '../../store/test/backends.js';
import { type CliIo, main } from '../src/index.js';

const REPO_ROOT = join(import.meta.dirname, '../../../');
const parsed = parseManifest(readFileSync(join(REPO_ROOT, 'examples/antsentry/pledge.yaml'), 'utf8'));
if (!parsed.ok) throw new Error('the AntSentry example is not valid');
const antsentry = parsed.manifest;

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-cli-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  // A server on an embedded database keeps its checkpoint key and folder beside it.
  for (const dir of dirs)
    for (const path of [dir, `${dir}-keys`, `${dir}-checkpoints`])
      rmSync(path, { recursive: true, force: true });
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
  const engine = await createEngine({
    store,
    manifest: antsentry,
    subjectKey: 'cli-test-subject-key-0123456789',
  });
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

/** Starts `pledge serve` on an embedded database in `dir`; resolves once it listens. */
async function serve(dir: string) {
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
  return { child, url, exited };
}

describe('the CLI while a server holds the embedded database', () => {
  it('verifies the ledger through the server, and a dsr command refuses, saying why', {
    timeout: 120_000,
  }, async () => {
    const dir = tempDir();
    const server = await serve(dir);
    try {
      const lock = readFileSync(join(dir, 'pledge.lock'), 'utf8');
      expect(lock).toBe(`${/^\d+/.exec(lock)![0]}\nrole=server\nurl=${server.url}\n`);

      const verify = await pledge('ledger', 'verify', '--data-dir', dir);
      expect(verify.code).toBe(0);
      expect(verify.stdout).toMatch(
        /^ledger ok: 0 events verified in the server at http:\/\/127\.0\.0\.1:\d+, head /,
      );
      expect(verify.stderr).toMatch(
        /^pledge: a Pledge server \(process \d+\) holds .+; verified through its API\n$/,
      );
      const json = await pledge('ledger', 'verify', '--data-dir', dir, '--format', 'json');
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, events: 0 });

      const status = await pledge('dsr', 'status', 'no-such-request', '--data-dir', dir);
      expect(status.code).toBe(1);
      expect(status.stdout).toBe('');
      expect(status.stderr).toContain(
        `the embedded database in ${dir} is held by a running Pledge server (process `,
      );
      expect(status.stderr).toContain('Two processes on one embedded database corrupt it');
      expect(readFileSync(join(dir, 'pledge.lock'), 'utf8')).toBe(lock);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
    // Once the server is gone, the CLI opens the database itself.
    const direct = await pledge('ledger', 'verify', '--data-dir', dir);
    expect(direct.stdout).toMatch(/^ledger ok: 0 events verified in PGlite at /);
    expect(existsSync(join(dir, 'pledge.lock'))).toBe(false);
  });
});
