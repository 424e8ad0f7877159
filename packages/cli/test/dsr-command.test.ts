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

describe('pledge dsr', () => {
  process.env.APP_DB = world.dbFile;
  process.env.DOCS_DIR = world.docsDir;
  afterAll(() => {
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
    );
    expect(erase.code).toBe(1);
    // No PLEDGE_ERASURE_SECRET: the hashing step fails, the request is partial, never completed.
    expect(erase.out).toContain('partial');
    expect(erase.out).toContain('failed: app.logins: secret-missing');
    // users is referenced by the failed logins step: it is not deleted.
    expect(erase.out).toMatch(/pending +app\.users: .*\[blocked\]/);
  });
});
