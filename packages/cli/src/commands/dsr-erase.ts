import type { RegisterCommand } from '../context.js';
import { loadManifest } from '../load-manifest.js';
import { dsrCommand, type RunFlags, runOptions, submitAndRun } from './dsr-shared.js';

/** `pledge dsr erase <manifest> --identity kind=value [--batch-size n]`; hashing reads PLEDGE_ERASURE_SECRET. */
export const registerDsrErase: RegisterCommand = (program, io, finish) => {
  runOptions(
    dsrCommand(program)
      .command('erase')
      .description('erase a subject per field strategy, children before parents; legal holds are kept')
      .argument('<manifest>', 'path to the manifest'),
  ).action(async (file: string, options: RunFlags) => {
    const loaded = await loadManifest(io, file);
    if (!loaded.ok) return finish(loaded.exitCode);
    finish(await submitAndRun(io, options, { manifest: loaded.manifest, kind: 'erase' }));
  });
};
