import { buildRopa, ropaToCsv, ropaToJson } from '@pledge/render';
import { Option } from 'commander';
import type { RegisterCommand } from '../context.js';
import { loadManifest } from '../load-manifest.js';
import { writeOutput } from '../write-output.js';

/** `pledge ropa <manifest> [--format csv|json] [--lang en|zh-CN] [--out file]`. */
export const registerRopa: RegisterCommand = (program, io, finish) => {
  program
    .command('ropa')
    .description('export the record of processing activities (GDPR Art. 30), one record per purpose')
    .argument('<manifest>', 'path to the manifest')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .addOption(
      new Option('--lang <lang>', "language (default: the policy's default language)").choices([
        'en',
        'zh-CN',
      ]),
    )
    .option('--out <file>', 'write to this file instead of stdout')
    .action(
      async (file: string, options: { format: 'csv' | 'json'; lang?: 'en' | 'zh-CN'; out?: string }) => {
        const loaded = await loadManifest(io, file);
        if (!loaded.ok) return finish(loaded.exitCode);
        const records = buildRopa(loaded.manifest, options.lang ? { lang: options.lang } : {});
        finish(
          await writeOutput(
            io,
            options.format === 'csv' ? ropaToCsv(records) : ropaToJson(records),
            options.out,
          ),
        );
      },
    );
};
