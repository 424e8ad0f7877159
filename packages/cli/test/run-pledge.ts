import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The real executable, as users run it. */
export const BIN = fileURLToPath(new URL('../bin/pledge.js', import.meta.url));
/** Fixture directory. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node packages/cli/bin/pledge.js ...args` from the repository root. */
export function runPledge(args: readonly string[], options: { cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? REPO_ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** No stack trace in the output: no `    at fn (file:line:col)` frames. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(text);
}

/**
 * A manifest with a YAML syntax error (an unterminated quote on line 4), written to a temporary
 * directory: committed, it would break `biome check`, which parses YAML too.
 */
export function brokenSyntaxFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pledge-broken-')), 'broken-syntax.yaml');
  writeFileSync(file, 'pledge: 1\npolicy:\n  id: broken\n  title: "unterminated\n  version: 1\n');
  return file;
}
