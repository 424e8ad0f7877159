import { type Manifest, parseManifest } from '@pledge/core';
import { ExitCode } from './exit-codes.js';
import { formatIssue } from './format-issue.js';
import type { CliIo } from './io.js';

/** A loaded manifest with its text, or the exit code after the problem has been reported. */
export type Loaded = { ok: true; manifest: Manifest; text: string } | { ok: false; exitCode: ExitCode };

/**
 * Reads a manifest file and validates it with `parseManifest`. Problems are printed to stderr:
 * an unreadable file is a usage error (exit 2), an invalid manifest prints every issue as
 * `file:line:column path: message (code)` (exit 1).
 */
export async function loadManifest(io: CliIo, file: string): Promise<Loaded> {
  const read = await readManifestText(io, file);
  if (!read.ok) return read;
  const result = parseManifest(read.text, { file });
  if (!result.ok) {
    for (const issue of result.issues) io.stderr(`${formatIssue(issue, file)}\n`);
    io.stderr(`pledge: ${file} is not a valid manifest (${plural(result.issues.length, 'issue')})\n`);
    return { ok: false, exitCode: ExitCode.failed };
  }
  return { ok: true, manifest: result.manifest, text: read.text };
}

/** Reads the file, reporting an unreadable one as a usage error. */
export async function readManifestText(
  io: CliIo,
  file: string,
): Promise<{ ok: true; text: string } | { ok: false; exitCode: ExitCode }> {
  try {
    return { ok: true, text: await io.readText(file) };
  } catch (error) {
    io.stderr(`pledge: cannot read ${file}: ${describeFsError(error)}\n`);
    return { ok: false, exitCode: ExitCode.usage };
  }
}

/** A short reason for a file-system error, without the absolute path the error message carries. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return code ?? 'unreadable';
  }
}

/** `1 issue`, `3 issues`; `plural(2, 'category', 'categories')`. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
