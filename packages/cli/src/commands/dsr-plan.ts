import { buildPlan, formatPlan, planRunnable, type TraversalKind } from '@pledge/dsr';
import { Option } from 'commander';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { loadManifest } from '../load-manifest.js';
import { collect, dsrCommand, parseIdentity } from './dsr-shared.js';

/** `pledge dsr plan <manifest> --kind access|erase|rectify [--identity kind=value] [--set target] [--format text|json]`. */
export const registerDsrPlan: RegisterCommand = (program, io, finish) => {
  dsrCommand(program)
    .command('plan')
    .description('show how a request would walk the datastores, before anything runs')
    .argument('<manifest>', 'path to the manifest')
    .addOption(
      new Option('--kind <kind>', 'request kind').choices(['access', 'erase', 'rectify']).default('access'),
    )
    .option(
      '--identity <kind=value>',
      'an identity of the subject (repeatable); omitted: every kind',
      collect,
      [],
    )
    .option(
      '--set <target>',
      'rectify: a field to set, as field, collection.field or dataset.collection.field',
      collect,
      [],
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(
      async (
        file: string,
        options: { kind: TraversalKind; identity: string[]; set: string[]; format: 'text' | 'json' },
      ) => {
        const loaded = await loadManifest(io, file);
        if (!loaded.ok) return finish(loaded.exitCode);
        const parsed = parseIdentity(options.identity);
        if (!parsed.ok) {
          io.stderr(`pledge: ${parsed.message}\n`);
          return finish(ExitCode.usage);
        }
        const kinds = Object.keys(parsed.identity) as Array<keyof typeof parsed.identity>;
        const plan = buildPlan(loaded.manifest, {
          kind: options.kind,
          ...(kinds.length > 0 ? { identity: kinds } : {}),
          ...(options.kind === 'rectify' ? { rectify: options.set.map((s) => s.split('=')[0] ?? s) } : {}),
        });
        io.stdout(options.format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : formatPlan(plan));
        finish(planRunnable(plan) ? ExitCode.ok : ExitCode.failed);
      },
    );
};
