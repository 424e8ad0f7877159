import { renderPolicy } from '@pledge/render';
import { Option } from 'commander';
import type { RegisterCommand } from '../context.js';
import { loadManifest } from '../load-manifest.js';
import { writeOutput } from '../write-output.js';

/** `pledge render <manifest> --format html|md --lang en|zh-CN [--out file]`. */
export const registerRender: RegisterCommand = (program, io, finish) => {
  program
    .command('render')
    .description('render the human-readable privacy policy')
    .argument('<manifest>', 'path to the manifest')
    .addOption(new Option('--format <format>', 'output format').choices(['html', 'md']).default('html'))
    .addOption(
      new Option('--lang <lang>', "language (default: the policy's default language)").choices([
        'en',
        'zh-CN',
      ]),
    )
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (file: string, options: { format: 'html' | 'md'; lang?: 'en' | 'zh-CN'; out?: string }) => {
      const loaded = await loadManifest(io, file);
      if (!loaded.ok) return finish(loaded.exitCode);
      const policy = loaded.manifest.policy;
      const lang = options.lang ?? policy.defaultLanguage;
      if (!policy.languages.includes(lang)) {
        io.stderr(
          `pledge: warning: policy.languages does not list ${lang}; texts fall back to another language\n`,
        );
      }
      const text = renderPolicy(loaded.manifest, { format: options.format, lang });
      finish(await writeOutput(io, text, options.out));
    });
};
