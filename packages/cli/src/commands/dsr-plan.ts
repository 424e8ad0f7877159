import {
  buildPlan,
  ConnectorPool,
  connectorsFromEnv,
  formatPlan,
  type Plan,
  type PreflightProblem,
  planRunnable,
  preflight,
  preflightFailure,
  type TraversalKind,
} from '@pledge/dsr';
import { Option } from 'commander';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { loadManifest } from '../load-manifest.js';
import { collect, dsrCommand, parseIdentity } from './dsr-shared.js';

/**
 * `pledge dsr plan <manifest> --kind access|erase|rectify [--identity kind=value] [--set target]
 * [--check] [--format text|json]`; `--check` also runs the preflight against the datastores.
 */
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
    .option(
      '--check',
      'also run the preflight on the datastores (connections, privileges, secrets, column types); writes nothing',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(
      async (
        file: string,
        options: {
          kind: TraversalKind;
          identity: string[];
          set: string[];
          check?: boolean;
          format: 'text' | 'json';
        },
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
        const set = options.set.map((s) => s.split('=')[0] ?? s);
        const problems =
          options.check && planRunnable(plan) ? await checkPlan(plan, loaded.manifest, set) : undefined;
        if (options.format === 'json') {
          io.stdout(`${JSON.stringify(problems ? { ...plan, preflight: problems } : plan, null, 2)}\n`);
        } else {
          io.stdout(formatPlan(plan));
          for (const p of problems ?? []) {
            const datastore = plan.steps[p.step]?.datastore ?? '';
            io.stdout(`error ${preflightFailure(p, datastore).message}\n`);
          }
          if (problems?.length === 0) io.stdout('preflight: every check passed\n');
        }
        finish(planRunnable(plan) && (problems?.length ?? 0) === 0 ? ExitCode.ok : ExitCode.failed);
      },
    );
};

/** The preflight of a plan over the connections the datasets name, writing nothing. */
async function checkPlan(
  plan: Plan,
  manifest: Parameters<typeof buildPlan>[0],
  set: readonly string[],
): Promise<PreflightProblem[]> {
  const pool = new ConnectorPool(manifest.datasets, connectorsFromEnv());
  const secret = process.env.PLEDGE_ERASURE_SECRET;
  try {
    return await preflight({
      pool,
      manifest,
      plan,
      steps: plan.steps.map((s) => s.index),
      ...(secret ? { secret } : {}),
      rectify: Object.fromEntries(set.map((target) => [target, null])),
    });
  } finally {
    await pool.closeAll();
  }
}
