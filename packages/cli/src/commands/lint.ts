import { type Issue, parseManifest } from '@pledge/core';
import { lintManifest } from '@pledge/lint';
import { Option } from 'commander';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { formatIssue } from '../format-issue.js';
import { loadManifest, plural, readManifestText } from '../load-manifest.js';
import { withPositions } from '../source-positions.js';

/** One finding as `--format json` prints it. */
interface JsonFinding {
  code: string;
  severity: Issue['severity'];
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** `pledge lint <manifest> [--format text|json]`: exit 1 on any error-severity finding. */
export const registerLint: RegisterCommand = (program, io, finish) => {
  program
    .command('lint')
    .description('find contradictions, gaps and placeholders in a manifest; exit 1 on any error')
    .argument('<manifest>', 'path to the manifest')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (file: string, options: { format: 'text' | 'json' }) => {
      if (options.format === 'json') return finish(await lintJson(file));
      const loaded = await loadManifest(io, file);
      if (!loaded.ok) return finish(loaded.exitCode);
      const findings = withPositions(lintManifest(loaded.manifest), loaded.text, file).sort(
        (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
      );
      for (const finding of findings) io.stdout(`${formatIssue(finding)}\n`);
      const errors = findings.filter((f) => f.severity === 'error').length;
      const warnings = findings.filter((f) => f.severity === 'warning').length;
      io.stderr(
        findings.length === 0
          ? `${file}: no findings\n`
          : `${file}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(findings.length - errors - warnings, 'note')}\n`,
      );
      finish(errors > 0 ? ExitCode.failed : ExitCode.ok);
    });

  /** JSON mode prints schema issues in the same shape, so a pipeline always gets an array. */
  async function lintJson(file: string): Promise<ExitCode> {
    const read = await readManifestText(io, file);
    if (!read.ok) return read.exitCode;
    const result = parseManifest(read.text, { file });
    const findings = result.ok
      ? withPositions(lintManifest(result.manifest), read.text, file)
      : result.issues;
    io.stdout(`${JSON.stringify(findings.map(toJson), null, 2)}\n`);
    return !result.ok || findings.some((f) => f.severity === 'error') ? ExitCode.failed : ExitCode.ok;
  }
};

function toJson(issue: Issue): JsonFinding {
  return {
    code: issue.code,
    severity: issue.severity,
    path: issue.path,
    message: issue.message,
    ...(issue.line !== undefined ? { line: issue.line } : {}),
    ...(issue.column !== undefined ? { column: issue.column } : {}),
  };
}
