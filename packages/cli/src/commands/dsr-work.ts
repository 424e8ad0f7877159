import { addStoreOptions, type SettingFlags } from '@pledge/config';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { dsrCommand, formatReport, openQueue, workerOptionsOf } from './dsr-shared.js';

/** `pledge dsr work` (a long-running worker) and `pledge dsr status <id>`. */
export const registerDsrWork: RegisterCommand = (program, io, finish) => {
  const dsr = dsrCommand(program);
  const work = dsr
    .command('work')
    .description('run a worker: take queued requests and resume those whose worker died (Ctrl-C stops)');
  addStoreOptions(work);
  work.action(async (options: SettingFlags) => {
    const open = await openQueue(io, options, 'worker');
    if (!open.ok) return finish(open.exitCode);
    const { queue, durable } = open.value;
    if (!durable) {
      io.stderr(
        'pledge: a worker needs a durable store: set PLEDGE_DATABASE_URL, --database-url or --data-dir\n',
      );
      await open.value.close();
      return finish(ExitCode.usage);
    }
    const worker = await queue.work(workerOptionsOf(open.value, 'worker'));
    io.stderr(`pledge: worker ${worker.id} running\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await open.value.close();
    finish(ExitCode.ok);
  });
  addStoreOptions(
    dsr.command('status').description("show a request's status and report").argument('<id>', 'request id'),
  )
    .option('--format <format>', 'text or json', 'text')
    .action(async (id: string, options: SettingFlags & { format: string }) => {
      const open = await openQueue(io, options);
      if (!open.ok) return finish(open.exitCode);
      const { queue } = open.value;
      try {
        const state = await queue.state(id);
        if (!state) {
          io.stderr(`pledge: no request ${id}\n`);
          return finish(ExitCode.failed);
        }
        io.stdout(options.format === 'json' ? `${JSON.stringify(state, null, 2)}\n` : formatReport(state));
        finish(ExitCode.ok);
      } finally {
        await open.value.close();
      }
    });
};
