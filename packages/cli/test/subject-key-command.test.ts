import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT, type Run } from './run-pledge.js';

const parent = mkdtempSync(join(tmpdir(), 'pledge-subjectkeys-cli-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** Runs the real executable with extra environment variables (and no subject key inherited). */
function run(args: readonly string[], env: Record<string, string>): Promise<Run> {
  const inherited = { ...process.env };
  delete inherited.PLEDGE_SUBJECT_KEY;
  delete inherited.PLEDGE_SUBJECT_KEY_FILE;
  delete inherited.PLEDGE_DATABASE_URL;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: REPO_ROOT, env: { ...inherited, NO_COLOR: '1', ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

describe('pledge dsr and the subject key', () => {
  it('`pledge dsr work` with a key other than the store was written with refuses to start, naming the setting', async () => {
    const dataDir = join(parent, 'data');
    const first = await run(['dsr', 'status', 'no-such-request', '--data-dir', dataDir], {
      PLEDGE_SUBJECT_KEY: 'the-first-key-0123456789',
    });
    expect(first.stderr).toContain('pledge: no request no-such-request');
    expect(first.stderr).toMatch(/the embedded database \(PGlite\) is for development and single-node use/);

    const other = await run(['dsr', 'work', '--data-dir', dataDir], {
      PLEDGE_SUBJECT_KEY: 'another-key-0123456789ab',
    });
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/PLEDGE_SUBJECT_KEY is not the key this store's ledger is written with/);
    expect(other.stderr).not.toMatch(/worker .* running/);
    expect(other.stderr).not.toContain('another-key-0123456789ab');
  });
});
