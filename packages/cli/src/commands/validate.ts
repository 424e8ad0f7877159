import { checkReferences } from '@pledge/core';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { formatIssue } from '../format-issue.js';
import { loadManifest, plural } from '../load-manifest.js';
import { withPositions } from '../source-positions.js';

/**
 * `pledge validate <manifest>`: the schema, then the cross-references the schema cannot check
 * (ids that name nothing, ids used twice); exit 1 when either fails.
 */
export const registerValidate: RegisterCommand = (program, io, finish) => {
  program
    .command('validate')
    .description(
      'check a manifest against the schema and its cross-references (unknown and duplicate ids); print each issue as file:line:column path: message (code)',
    )
    .argument('<manifest>', 'path to the manifest, e.g. pledge.yaml')
    .action(async (file: string) => {
      const loaded = await loadManifest(io, file);
      if (!loaded.ok) return finish(loaded.exitCode);
      const m = loaded.manifest;
      const problems = withPositions(checkReferences(m), loaded.text, file).sort(
        (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
      );
      if (problems.length > 0) {
        for (const problem of problems) io.stderr(`${formatIssue(problem)}\n`);
        io.stderr(`pledge: ${file} is not a valid manifest (${plural(problems.length, 'issue')})\n`);
        return finish(ExitCode.failed);
      }
      const counts = [
        plural(m.purposes.length, 'purpose'),
        plural(m.categories.length, 'category', 'categories'),
        plural(m.recipients.length, 'recipient'),
      ];
      io.stdout(`${file}: valid (${counts.join(', ')})\n`);
      finish(ExitCode.ok);
    });
};
