import { addStoreOptions, type SettingFlags } from '@pledge/config';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { dsrCommand, openQueue, runAndReport, workerOptionsOf } from './dsr-shared.js';

/**
 * `pledge dsr confirm <request> --roots N`: confirms that a request waiting in `needs-review`
 * is meant for all N root rows it matched, then runs it (or, with `--no-wait`, queues it).
 */
export const registerDsrConfirm: RegisterCommand = (program, io, finish) => {
  addStoreOptions(
    dsrCommand(program)
      .command('confirm')
      .description('run a request waiting in needs-review, confirming how many root rows it matched')
      .argument('<request>', 'request id'),
  )
    .requiredOption('--roots <n>', 'the number of root rows the request matched (its status says it)')
    .option('--no-wait', 'queue the request for `pledge dsr work` instead of running it now')
    .option('--format <format>', 'report format: text or json', 'text')
    .action(
      async (
        id: string,
        options: SettingFlags & { roots: string; wait: boolean; format: 'text' | 'json' },
      ) => {
        const roots = Number(options.roots);
        if (!Number.isInteger(roots) || roots < 2) {
          io.stderr('pledge: --roots must be a whole number of at least 2\n');
          return finish(ExitCode.usage);
        }
        const open = await openQueue(io, options);
        if (!open.ok) return finish(open.exitCode);
        const { queue } = open.value;
        try {
          const confirmed = await queue.confirm(id, roots);
          if (!confirmed.ok) {
            io.stderr(`pledge: ${confirmed.message} (${confirmed.code})\n`);
            return finish(ExitCode.failed);
          }
          if (!options.wait) {
            io.stdout(`confirmed ${roots} root rows; queued request ${id}\n`);
            return finish(ExitCode.ok);
          }
          finish(await runAndReport(io, queue, id, options.format, undefined, workerOptionsOf(open.value)));
        } finally {
          await open.value.close();
        }
      },
    );
};
