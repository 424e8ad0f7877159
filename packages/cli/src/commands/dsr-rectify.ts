import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { loadManifest } from '../load-manifest.js';
import { collect, dsrCommand, type RunFlags, runOptions, submitAndRun } from './dsr-shared.js';

/** `pledge dsr rectify <manifest> --identity kind=value --set users.name=value [--set ...]`. */
export const registerDsrRectify: RegisterCommand = (program, io, finish) => {
  runOptions(
    dsrCommand(program)
      .command('rectify')
      .description("set new values on named fields of a subject's rows")
      .argument('<manifest>', 'path to the manifest'),
  )
    .option(
      '--set <target=value>',
      'field to set: field, collection.field or dataset.collection.field (repeatable)',
      collect,
      [],
    )
    .action(async (file: string, options: RunFlags & { set: string[] }) => {
      const loaded = await loadManifest(io, file);
      if (!loaded.ok) return finish(loaded.exitCode);
      const rectify: Record<string, string> = {};
      for (const pair of options.set) {
        const at = pair.indexOf('=');
        if (at <= 0) {
          io.stderr('pledge: --set expects target=value\n');
          return finish(ExitCode.usage);
        }
        rectify[pair.slice(0, at)] = pair.slice(at + 1);
      }
      finish(await submitAndRun(io, options, { manifest: loaded.manifest, kind: 'rectify', rectify }));
    });
};
