import { type Change, diffManifests, summariseChanges } from '@pledge/core';
import { Option } from 'commander';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { loadManifest, plural } from '../load-manifest.js';

/**
 * `pledge diff <old> <new> [--all] [--format text|json] [--exit-code]`: the material changes,
 * or with `--all` every change (each flagged material or not), down to a reworded text.
 */
export const registerDiff: RegisterCommand = (program, io, finish) => {
  program
    .command('diff')
    .description(
      'list the material changes between two policy versions and whose fresh consent each needs; --all lists every change',
    )
    .argument('<old>', 'the manifest in force')
    .argument('<new>', 'the proposed manifest')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--all', 'list every change, not only the material ones')
    .option('--exit-code', 'exit 1 when there is a material change')
    .action(
      async (
        oldFile: string,
        newFile: string,
        options: { format: 'text' | 'json'; exitCode?: boolean; all?: boolean },
      ) => {
        const before = await loadManifest(io, oldFile);
        if (!before.ok) return finish(before.exitCode);
        const after = await loadManifest(io, newFile);
        if (!after.ok) return finish(after.exitCode);
        const every = diffManifests(before.manifest, after.manifest);
        const changes = options.all ? every : every.filter((c) => c.material);
        const hidden = every.length - changes.length;
        io.stdout(
          options.format === 'json'
            ? `${JSON.stringify(changes, null, 2)}\n`
            : formatChanges(changes, hidden),
        );
        finish(options.exitCode && changes.some((c) => c.material) ? ExitCode.failed : ExitCode.ok);
      },
    );
};

const WHO: Record<Change['consentFrom'], string> = {
  none: '',
  'all-subjects': 'all subjects',
  'subjects-of-purpose': 'the subjects of the purposes',
  'subjects-of-category': 'the subjects of the categories',
};

/** Text report: one block per change, then a summary line; `hidden` counts changes left out (not material). */
export function formatChanges(changes: readonly Change[], hidden = 0): string {
  const more = hidden > 0 ? `${plural(hidden, 'other change')}, not material: --all lists them.\n` : '';
  if (changes.length === 0) return hidden > 0 ? `No material changes; ${more}` : 'No changes.\n';
  const lines = changes.map((c) => {
    const scope = Object.entries(c.affected)
      .filter(([, ids]) => ids && ids.length > 0)
      .map(([key, ids]) => `${key}: ${(ids as string[]).join(', ')}`)
      .join('; ');
    const flags = [
      c.material ? 'material' : 'not material',
      c.needsConsent ? `fresh consent from ${WHO[c.consentFrom]}` : 'no consent needed',
    ].join(', ');
    return `${c.path}: ${c.message} (${c.code})\n    ${flags}${scope ? ` [${scope}]` : ''}\n`;
  });
  const s = summariseChanges(changes);
  return `${lines.join('')}\n${plural(s.total, 'change')}: ${s.material} material, ${s.needsConsent} needing fresh consent.\n${more}`;
}
