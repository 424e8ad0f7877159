import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { loadManifest, plural } from '../load-manifest.js';

/** `pledge validate <manifest>`: schema validation only; exit 1 when invalid. */
export const registerValidate: RegisterCommand = (program, io, finish) => {
  program
    .command('validate')
    .description(
      'check a manifest against the schema; print each issue as file:line:column path: message (code)',
    )
    .argument('<manifest>', 'path to the manifest, e.g. pledge.yaml')
    .action(async (file: string) => {
      const loaded = await loadManifest(io, file);
      if (!loaded.ok) return finish(loaded.exitCode);
      const m = loaded.manifest;
      const counts = [
        plural(m.purposes.length, 'purpose'),
        plural(m.categories.length, 'category', 'categories'),
        plural(m.recipients.length, 'recipient'),
      ];
      io.stdout(`${file}: valid (${counts.join(', ')})\n`);
      finish(ExitCode.ok);
    });
};
