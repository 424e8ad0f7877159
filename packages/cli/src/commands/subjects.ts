import { addStoreOptions, type SettingFlags } from '@pledge/config';
import { completeDeregistration } from '@pledge/dsr';
import { confirmOrStop } from '../confirm.js';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { loadManifest } from '../load-manifest.js';
import { cliSettings } from '../store/open-store.js';
import { openQueue, parseIdentity, printIssues, runAndReport, workerOptionsOf } from './dsr-shared.js';

interface DeregisterFlags extends SettingFlags {
  yes?: boolean;
  confirmRoots?: string;
}

/**
 * `pledge subjects deregister <kind=value...> [--manifest file] [--yes]`: closes an account for
 * good. Runs the erasure across the manifest's datastores in this process, then writes the
 * tombstones; asks first unless `--yes`.
 */
export const registerSubjects: RegisterCommand = (program, io, finish) => {
  const subjects = program.command('subjects').description('data subjects: deregister an account for good');
  addStoreOptions(
    subjects
      .command('deregister')
      .description(
        'close an account for good: erase its data in every datastore, unlink its consent history, write a tombstone; it cannot be restored, and signing up again starts a new, unlinked subject',
      )
      .argument('<identity...>', 'identities of the subject as kind=value, e.g. email=a@example.com'),
  )
    .option('--manifest <file>', 'the manifest (default PLEDGE_MANIFEST, else the AntSentry example)')
    .option('--confirm-roots <n>', 'deregister even though the identity matches n accounts')
    .option('--yes', 'deregister without asking (needed when no terminal can answer)')
    .action(async (pairs: string[], options: DeregisterFlags) => {
      const parsed = parseIdentity(pairs);
      if (!parsed.ok) {
        io.stderr(`pledge: ${parsed.message.replace('--identity', 'identity')}\n`);
        return finish(ExitCode.usage);
      }
      const confirmRoots = options.confirmRoots === undefined ? undefined : Number(options.confirmRoots);
      if (confirmRoots !== undefined && (!Number.isInteger(confirmRoots) || confirmRoots < 2)) {
        io.stderr('pledge: --confirm-roots must be a whole number of at least 2\n');
        return finish(ExitCode.usage);
      }
      const settings = cliSettings(options, io.cwd);
      if (!settings.ok) {
        io.stderr(`pledge: ${settings.message}\n`);
        return finish(ExitCode.usage);
      }
      const file = settings.settings.manifestPath;
      const loaded = await loadManifest(io, file);
      if (!loaded.ok) return finish(loaded.exitCode);
      const kinds = Object.keys(parsed.identity).join(', ');
      const stop = await confirmOrStop(
        io,
        options.yes,
        `Deregister the account identified by ${kinds}? Its data is erased in every datastore and it can never be restored.`,
        'pledge subjects deregister',
      );
      if (stop !== undefined) return finish(stop);
      const open = await openQueue(io, options);
      if (!open.ok) return finish(open.exitCode);
      const { queue, opened, subjectKey } = open.value;
      try {
        const created = await queue.submit({
          manifest: loaded.manifest,
          kind: 'erase',
          identity: parsed.identity,
          source: 'cli',
          ...(confirmRoots !== undefined ? { confirmRoots } : {}),
        });
        if (!created.ok) {
          printIssues(io, created.issues);
          io.stderr('pledge: the deregistration cannot run: fix the errors above\n');
          return finish(ExitCode.failed);
        }
        const code = await runAndReport(
          io,
          queue,
          created.id,
          'text',
          async (q, state) => {
            const outcome = await completeDeregistration(opened.store, q, state, {
              manifest: loaded.manifest,
              identity: parsed.identity,
              actor: 'cli',
              subjectKey,
            });
            if (outcome.ok) {
              io.stdout(
                `deregistered: ${outcome.tombstones} tombstone(s) written; the account cannot be restored\n`,
              );
              return ExitCode.ok;
            }
            io.stderr(`pledge: ${outcome.message} (${outcome.code})\n`);
            return outcome.code === 'deregistration.needs-review' ? ExitCode.review : ExitCode.failed;
          },
          workerOptionsOf(open.value),
        );
        finish(code);
      } finally {
        await open.value.close();
      }
    });
};
