import type { RegisterCommand } from '../context.js';
import { loadManifest } from '../load-manifest.js';
import { collect, dsrCommand, type RunFlags, runOptions, submitAndRun } from './dsr-shared.js';

/** `pledge dsr restrict <manifest> --identity user-id=42 [--purpose id] [--category id] [--subject id]`. */
export const registerDsrRestrict: RegisterCommand = (program, io, finish) => {
  runOptions(
    dsrCommand(program)
      .command('restrict')
      .description(
        'record a restriction in the consent ledger; the decision engine then denies that processing',
      )
      .argument('<manifest>', 'path to the manifest'),
  )
    .option('--purpose <id>', 'restrict this purpose (repeatable); none: all processing', collect, [])
    .option('--category <id>', 'restrict this category (repeatable)', collect, [])
    .option('--subject <id>', 'ledger subject id (default: the user-id identity, else the first identity)')
    .action(
      async (
        file: string,
        options: RunFlags & { purpose: string[]; category: string[]; subject?: string },
      ) => {
        const loaded = await loadManifest(io, file);
        if (!loaded.ok) return finish(loaded.exitCode);
        finish(
          await submitAndRun(io, options, {
            manifest: loaded.manifest,
            kind: 'restrict',
            restriction: {
              ...(options.subject ? { subject: options.subject } : {}),
              ...(options.purpose.length > 0 ? { purposes: options.purpose } : {}),
              ...(options.category.length > 0 ? { categories: options.category } : {}),
            },
          }),
        );
      },
    );
};
