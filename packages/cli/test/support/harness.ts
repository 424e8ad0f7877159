import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Manifest, parseManifest } from '@pledge/core';
import type { Store } from '@pledge/store';
import { afterAll } from 'vitest';
import { type CliIo, main } from '../../src/index.js';
import { REPO_ROOT, type Run } from '../run-pledge.js';

export { REPO_ROOT, type Run };

/** Options of {@link runInProcess}. */
export interface InProcessOptions {
  /** Working directory of the command (default the repository root). */
  cwd?: string;
  /** How the command reads files (default: refused, the command must not read any). */
  readText?: CliIo['readText'];
}

/** Runs `pledge ...args` in this process through `main`, capturing its output. */
export async function runInProcess(args: readonly string[], options: InProcessOptions = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readText: options.readText ?? (() => Promise.reject(new Error('unused'))),
    writeText: () => Promise.reject(new Error('unused')),
    cwd: options.cwd ?? REPO_ROOT,
  };
  const code = await main(['node', 'pledge', ...args], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/**
 * A maker of temporary folders named `prefix…`, all removed after the file's tests. Call it at
 * the top of a test file (it registers the clean-up); call the maker anywhere.
 */
export function tempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

/** One temporary folder named `prefix…`, removed after the file's tests. */
export function tempDir(prefix: string): string {
  return tempDirs(prefix)();
}

/** The AntSentry example manifest. */
export function antsentryManifest(): Manifest {
  const file = join(REPO_ROOT, 'examples/antsentry/pledge.yaml');
  const parsed = parseManifest(readFileSync(file, 'utf8'), { file });
  if (!parsed.ok) throw new Error('the AntSentry example is not valid');
  return parsed.manifest;
}

/** Opens a store, acts on it and closes it, also when the act fails. */
export async function withStore(
  open: () => Promise<Store>,
  act: (store: Store) => Promise<void>,
): Promise<void> {
  const store = await open();
  try {
    await act(store);
  } finally {
    await store.close();
  }
}
