import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { describeFsError, loadManifest } from '../load-manifest.js';
import { dsrCommand, type RunFlags, runOptions, submitAndRun } from './dsr-shared.js';

/** `pledge dsr access <manifest> --identity kind=value [--out package.zip]`. */
export const registerDsrAccess: RegisterCommand = (program, io, finish) => {
  runOptions(
    dsrCommand(program)
      .command('access')
      .description("collect a subject's data into a zip: access.json plus one CSV per collection")
      .argument('<manifest>', 'path to the manifest'),
  )
    .option('--out <file>', 'where to write the zip (default access-<request id>.zip)')
    .action(async (file: string, options: RunFlags & { out?: string }) => {
      const loaded = await loadManifest(io, file);
      if (!loaded.ok) return finish(loaded.exitCode);
      finish(
        await submitAndRun(
          io,
          options,
          { manifest: loaded.manifest, kind: 'access' },
          async (queue, state) => {
            const zip = await queue.package(state.id);
            if (!zip) return undefined;
            const out = resolve(io.cwd, options.out ?? `access-${state.id}.zip`);
            try {
              await writeFile(out, zip);
            } catch (error) {
              io.stderr(`pledge: cannot write ${options.out ?? out}: ${describeFsError(error)}\n`);
              return ExitCode.usage;
            }
            io.stderr(`pledge: wrote ${options.out ?? `access-${state.id}.zip`}\n`);
            return undefined;
          },
        ),
      );
    });
};
