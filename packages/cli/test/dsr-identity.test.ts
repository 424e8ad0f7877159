import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorld, WORLD_DATASETS } from '../../dsr/test/sqlite-world.js';
import { registerDsr } from '../src/commands/dsr-all.js';
import type { CliIo } from '../src/io.js';

// Identity values are checked before any lookup from the CLI too: a blank value or a glob in a
// key-built identity stops the request with the value's place, and the data stays as it was.
const root = join(import.meta.dirname, '../../..');
const world = createWorld();
const dir = mkdtempSync(join(tmpdir(), 'pledge-dsr-identity-'));
const antsentry = readFileSync(join(root, 'examples/antsentry/pledge.yaml'), 'utf8');
writeFileSync(
  join(dir, 'pledge.yaml'),
  antsentry.replace(/^datasets:[\s\S]*?(?=^[a-z]+:)/m, `datasets:\n${WORLD_DATASETS.replace(/^\n/, '')}`),
);

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

describe('pledge dsr: identity values', () => {
  process.env.APP_DB = world.dbFile;
  process.env.DOCS_DIR = world.docsDir;
  afterAll(() => {
    world.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an empty, blank or overlong identity value, naming its place, and touches nothing', async () => {
    const before = readFileSync(world.dbFile);
    const empty = await pledge('dsr', 'erase', 'pledge.yaml', '--identity', 'email=');
    expect(empty.code).toBe(2);
    const blank = await pledge('dsr', 'erase', 'pledge.yaml', '--identity', 'email=   ');
    expect(blank.code).toBe(1);
    expect(blank.out + blank.err).toContain('identity.email[0] must not be empty or blank');
    const long = await pledge('dsr', 'erase', 'pledge.yaml', '--identity', `email=canary${'x'.repeat(320)}`);
    expect(long.code).toBe(1);
    expect(long.out + long.err).toContain('identity.email[0] must be at most 320 characters');
    expect(long.out + long.err).not.toContain('canary');
    expect(readFileSync(world.dbFile).equals(before)).toBe(true);
  });
});
