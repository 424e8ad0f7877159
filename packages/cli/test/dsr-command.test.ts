import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AccessDocument, unzipPackage } from '@pledge/dsr';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorld, email, WORLD_DATASETS } from '../../dsr/test/sqlite-world.js';
import { registerDsr } from '../src/commands/dsr-all.js';
import type { CliIo } from '../src/io.js';

const root = join(import.meta.dirname, '../../..');
const world = createWorld();
const dir = mkdtempSync(join(tmpdir(), 'pledge-dsr-cli-'));
const manifestFile = join(dir, 'pledge.yaml');
// The antsentry manifest with the small SQLite + files datasets of the engine tests.
const antsentry = readFileSync(join(root, 'examples/antsentry/pledge.yaml'), 'utf8');
const indented = WORLD_DATASETS.replace(/^\n/, '');
writeFileSync(manifestFile, antsentry.replace(/^datasets:[\s\S]*?(?=^[a-z]+:)/m, `datasets:\n${indented}`));

async function pledge(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  let code = 0;
  const io: CliIo = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    readText: async (p) => readFileSync(join(dir, p), 'utf8'),
    writeText: async () => {},
    cwd: dir,
  };
  const program = new Command('pledge').exitOverride();
  registerDsr(program, io, (c) => {
    code = c;
  });
  await program.parseAsync(['node', 'pledge', ...args]);
  return { code, out, err };
}

// Requests are kept in the data directory by default: this file's runs keep theirs in its own.
process.env.PLEDGE_DATA_DIR = join(dir, 'default-data');

describe('pledge dsr', () => {
  process.env.APP_DB = world.dbFile;
  process.env.DOCS_DIR = world.docsDir;
  afterAll(() => {
    delete process.env.PLEDGE_DATA_DIR;
    world.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plan prints the steps as text and as JSON', async () => {
    const text = await pledge(
      'dsr',
      'plan',
      'pledge.yaml',
      '--kind',
      'erase',
      '--identity',
      `email=${email(1)}`,
    );
    expect(text.code).toBe(0);
    expect(text.out).toContain('1. app.users (sqlite, key id)');
    expect(text.out).toContain('kept under legal hold login-records: ip');
    expect(text.out).not.toContain(email(1));
    const json = await pledge('dsr', 'plan', 'pledge.yaml', '--kind', 'access', '--format', 'json');
    expect(JSON.parse(json.out).steps).toHaveLength(4);
    const bad = await pledge('dsr', 'plan', 'pledge.yaml', '--identity', 'shoe-size=42');
    expect(bad.code).toBe(2);
    // --check runs the preflight on the datastores: the hashing step needs the secret.
    const check = await pledge('dsr', 'plan', 'pledge.yaml', '--kind', 'erase', '--check');
    expect(check.code).toBe(1);
    expect(check.out).toContain('error preflight refused app.logins (sqlite), check "secret"');
    process.env.PLEDGE_ERASURE_SECRET = 'cli-test-secret';
    try {
      const passed = await pledge('dsr', 'plan', 'pledge.yaml', '--kind', 'erase', '--check');
      expect([passed.code, passed.out]).toEqual([
        0,
        expect.stringContaining('preflight: every check passed'),
      ]);
    } finally {
      delete process.env.PLEDGE_ERASURE_SECRET;
    }
  });

  it('access writes the zip; erase reports per step', async () => {
    const access = await pledge(
      'dsr',
      'access',
      'pledge.yaml',
      '--identity',
      `user-id=2`,
      '--out',
      'out.zip',
    );
    expect(access.code).toBe(0);
    expect(access.out).toMatch(/completed/);
    const doc = JSON.parse(
      unzipPackage(readFileSync(join(dir, 'out.zip')))['access.json'] as string,
    ) as AccessDocument;
    expect(doc.collections.find((c) => c.collection === 'users')?.rows).toHaveLength(1);
    const erase = await pledge(
      'dsr',
      'erase',
      'pledge.yaml',
      '--identity',
      `email=${email(3)}`,
      '--batch-size',
      '2',
      '--yes',
    );
    expect(erase.code).toBe(1);
    // No PLEDGE_ERASURE_SECRET: the preflight refuses before any write, naming table and check.
    expect(erase.out).toContain('(erase): failed');
    expect(erase.out).toContain('the preflight refused the request; nothing was written');
    expect(erase.out).toContain(
      'failed: app.logins: preflight.secret: preflight refused app.logins (sqlite)',
    );
    expect(erase.out).toMatch(/pending +app\.users: located -, affected 0/);
    expect(world.dump().users?.some((u) => (u as { id: number }).id === 3)).toBe(true);
  });

  it('an e-mail shared by two accounts waits in needs-review until confirm names the count; nobody matched is no-data-found', async () => {
    const shared = 'shared-runsafe@example.com';
    world.exec("INSERT INTO users VALUES (100, ?, 'A', NULL), (101, ?, 'B', NULL)", shared, shared);
    process.env.PLEDGE_ERASURE_SECRET = 'cli-test-secret';
    try {
      const data = ['--data-dir', join(dir, 'data')];
      const held = await pledge(
        'dsr',
        'erase',
        'pledge.yaml',
        '--identity',
        `email=${shared}`,
        '--yes',
        ...data,
      );
      expect(held.code).toBe(3);
      expect(held.out).toContain('(erase): needs-review');
      expect(held.out).toContain('the identity matched 2 root rows (app.users 2)');
      expect(held.out).not.toContain(shared);
      const id = /request (\S+) /.exec(held.out)?.[1] ?? '';
      expect(held.out).toContain(`pledge dsr confirm ${id} --roots 2`);
      const wrong = await pledge('dsr', 'confirm', id, '--roots', '3', ...data);
      expect(wrong.code).toBe(1);
      expect(wrong.err).toContain('matched 2 root rows, not 3');
      const ids = () => (world.dump().users ?? []).map((u) => (u as { id: number }).id);
      expect(ids()).toEqual(expect.arrayContaining([100, 101]));
      const status = await pledge('dsr', 'status', id, ...data);
      expect(status.out).toContain('needs-review');
      const confirmed = await pledge('dsr', 'confirm', id, '--roots', '2', ...data);
      expect(confirmed.code).toBe(0);
      expect(confirmed.out).toContain('(erase): completed');
      expect(ids()).not.toContain(100);
      expect(ids()).not.toContain(101);
      const none = await pledge(
        'dsr',
        'erase',
        'pledge.yaml',
        '--identity',
        'email=nobody@example.com',
        '--yes',
      );
      expect(none.code).toBe(0);
      expect(none.out).toContain('(erase): no-data-found');
    } finally {
      delete process.env.PLEDGE_ERASURE_SECRET;
    }
  });

  // Identity values are checked before any lookup from the CLI too: a blank or overlong value
  // stops the request with the value's place, and the data stays as it was.
  it('refuses an empty, blank or overlong identity value, naming its place, and touches nothing', async () => {
    const before = readFileSync(world.dbFile);
    const empty = await pledge('dsr', 'erase', 'pledge.yaml', '--identity', 'email=', '--yes');
    expect(empty.code).toBe(2);
    const blank = await pledge('dsr', 'erase', 'pledge.yaml', '--identity', 'email=   ', '--yes');
    expect(blank.code).toBe(1);
    expect(blank.out + blank.err).toContain('identity.email[0] must not be empty or blank');
    const long = await pledge(
      'dsr',
      'erase',
      'pledge.yaml',
      '--identity',
      `email=canary${'x'.repeat(320)}`,
      '--yes',
    );
    expect(long.code).toBe(1);
    expect(long.out + long.err).toContain('identity.email[0] must be at most 320 characters');
    expect(long.out + long.err).not.toContain('canary');
    expect(readFileSync(world.dbFile).equals(before)).toBe(true);
  });
});
