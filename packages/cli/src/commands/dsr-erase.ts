import { confirmOrStop } from '../confirm.js';
import type { RegisterCommand } from '../context.js';
import { loadManifest } from '../load-manifest.js';
import { dsrCommand, parseIdentity, type RunFlags, runOptions, submitAndRun } from './dsr-shared.js';

/**
 * `pledge dsr erase <manifest> --identity kind=value [--batch-size n] [--yes]`; asks before it
 * erases unless `--yes`; hashing reads PLEDGE_ERASURE_SECRET.
 */
export const registerDsrErase: RegisterCommand = (program, io, finish) => {
  runOptions(
    dsrCommand(program)
      .command('erase')
      .description('erase a subject per field strategy, children before parents; legal holds are kept')
      .argument('<manifest>', 'path to the manifest'),
  )
    .option('--yes', 'erase without asking (needed when no terminal can answer)')
    .action(async (file: string, options: RunFlags & { yes?: boolean }) => {
      const loaded = await loadManifest(io, file);
      if (!loaded.ok) return finish(loaded.exitCode);
      const parsed = parseIdentity(options.identity);
      // A malformed identity is reported by the run itself, before anything is asked.
      if (parsed.ok) {
        const kinds = Object.keys(parsed.identity).join(', ') || 'none given';
        const stop = await confirmOrStop(
          io,
          options.yes,
          `Erase the data of the subject identified by ${kinds} in every datastore of ${file}? This cannot be undone.`,
          'pledge dsr erase',
        );
        if (stop !== undefined) return finish(stop);
      }
      finish(await submitAndRun(io, options, { manifest: loaded.manifest, kind: 'erase' }));
    });
};
