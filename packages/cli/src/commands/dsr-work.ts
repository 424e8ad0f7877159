import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { dsrCommand, formatReport, openQueue } from './dsr-shared.js';

/** `pledge dsr work` (a long-running worker) and `pledge dsr status <id>`. */
export const registerDsrWork: RegisterCommand = (program, io, finish) => {
  const dsr = dsrCommand(program);
  dsr
    .command('work')
    .description('run a worker: take queued requests and resume those whose worker died (Ctrl-C stops)')
    .option('--database <url>', 'PostgreSQL store (default PLEDGE_DATABASE_URL)')
    .option('--data-dir <dir>', 'PGlite data folder (default PLEDGE_DATA_DIR)')
    .action(async (options: { database?: string; dataDir?: string }) => {
      const { store, queue, durable } = await openQueue(options);
      if (!durable) {
        io.stderr(
          'pledge: a worker needs a durable store: set PLEDGE_DATABASE_URL, --database or --data-dir\n',
        );
        await queue.close();
        await store.close();
        return finish(ExitCode.usage);
      }
      const worker = await queue.work();
      io.stderr(`pledge: worker ${worker.id} running\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await queue.close();
      await store.close();
      finish(ExitCode.ok);
    });
  dsr
    .command('status')
    .description("show a request's status and report")
    .argument('<id>', 'request id')
    .option('--database <url>', 'PostgreSQL store (default PLEDGE_DATABASE_URL)')
    .option('--data-dir <dir>', 'PGlite data folder (default PLEDGE_DATA_DIR)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (id: string, options: { database?: string; dataDir?: string; format: string }) => {
      const { store, queue } = await openQueue(options);
      try {
        const state = await queue.state(id);
        if (!state) {
          io.stderr(`pledge: no request ${id}\n`);
          return finish(ExitCode.failed);
        }
        io.stdout(options.format === 'json' ? `${JSON.stringify(state, null, 2)}\n` : formatReport(state));
        finish(ExitCode.ok);
      } finally {
        await queue.close();
        await store.close();
      }
    });
};
