import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';

/** Options of `pledge serve`. */
interface ServeFlags {
  manifest?: string;
  port?: string;
  host?: string;
  databaseUrl?: string;
  dataDir?: string;
}

/**
 * `pledge serve [--manifest f] [--port n] [--database-url url] [--data-dir dir]`: the same
 * server as `npm start` (flags override PLEDGE_MANIFEST, PORT, HOST, PLEDGE_DATABASE_URL and
 * PLEDGE_DATA_DIR); runs until SIGINT or SIGTERM.
 */
export const registerServe: RegisterCommand = (program, io, finish) => {
  program
    .command('serve')
    .description('run the Pledge server: the policy pages, the /v1 API and its docs at /docs (Ctrl-C stops)')
    .option(
      '--manifest <file>',
      'manifest to start with (default PLEDGE_MANIFEST, else the AntSentry example)',
    )
    .option('--port <n>', 'port (default PORT, else 4400; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (default HOST, else 127.0.0.1)')
    .option(
      '--database-url <url>',
      'PostgreSQL connection string (default PLEDGE_DATABASE_URL; prefer the variable: flags show in ps)',
    )
    .option(
      '--data-dir <dir>',
      'embedded database folder when no PostgreSQL (default PLEDGE_DATA_DIR, else .pledge-data)',
    )
    .action(async (flags: ServeFlags) => {
      const env: Record<string, string | undefined> = { ...process.env };
      if (flags.manifest !== undefined) env.PLEDGE_MANIFEST = flags.manifest;
      if (flags.port !== undefined) env.PORT = flags.port;
      if (flags.host !== undefined) env.HOST = flags.host;
      if (flags.databaseUrl !== undefined) env.PLEDGE_DATABASE_URL = flags.databaseUrl;
      if (flags.dataDir !== undefined) env.PLEDGE_DATA_DIR = flags.dataDir;
      // Loaded here: the other commands need not load the server.
      const { startServer } = await import('@pledge/server');
      const started = await startServer({
        env,
        cwd: io.cwd,
        stderr: (text) => io.stderr(text.replace(/^pledge-server:/, 'pledge:')),
        handleSignals: false,
      });
      if (!started.ok) return finish(started.exitCode);
      const address = started.app.server.address();
      const where = address && typeof address === 'object' ? `http://${address.address}:${address.port}` : '';
      io.stderr(`pledge: serving on ${where} (API docs at ${where}/docs; Ctrl-C stops)\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await started.app.close();
      finish(ExitCode.ok);
    });
};
