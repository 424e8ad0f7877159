import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { addServerOptions, envWithFlags, type SettingFlags } from '@pledge/config';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { cliSettings } from '../store/open-store.js';

/**
 * The server's own program. The CLI does not import the server: `pledge serve` runs it as a
 * child process, so the command line keeps no HTTP stack and the server stays the one process
 * that owns its store.
 */
const SERVER_BIN = createRequire(import.meta.url).resolve('@pledge/server/bin/pledge-server.js');

/**
 * `pledge serve [--manifest f] [--port n] [--host h] [--database-url url] [--data-dir dir]`: the
 * same server as `npm start` (flags override PLEDGE_MANIFEST, PORT, HOST, PLEDGE_DATABASE_URL and
 * PLEDGE_DATA_DIR, declared once in @pledge/config with `pledge dsr` and `pledge ledger`); runs
 * until SIGINT or SIGTERM.
 */
export const registerServe: RegisterCommand = (program, io, finish) => {
  addServerOptions(
    program
      .command('serve')
      .description(
        'run the Pledge server: the policy pages, the /v1 API and its docs at /docs (Ctrl-C stops)',
      ),
  ).action(async (flags: SettingFlags) => {
    const checked = cliSettings(flags, io.cwd);
    if (!checked.ok) {
      io.stderr(`pledge: ${checked.message}\n`);
      return finish(ExitCode.usage);
    }
    const env = { ...envWithFlags(process.env, flags), PLEDGE_SERVE_IPC: '1' };
    const child = spawn(process.execPath, [SERVER_BIN], {
      cwd: io.cwd,
      env,
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    finish(await supervise(child, io));
  });
};

/** Relays the server's messages, says where it serves, forwards SIGINT/SIGTERM; its exit code. */
function supervise(child: ChildProcess, io: CliIo): Promise<ExitCode> {
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => io.stderr(text.replace(/^pledge-server:/gm, 'pledge:')));
  child.on('message', (message: { type?: string; url?: string }) => {
    if (message?.type !== 'pledge-server-listening' || !message.url) return;
    io.stderr(`pledge: serving on ${message.url} (API docs at ${message.url}/docs; Ctrl-C stops)\n`);
  });
  // One SIGTERM, whichever signal came: Ctrl-C in a terminal also reaches the child directly,
  // and the server closes on the first of SIGINT/SIGTERM (a second SIGINT would kill it mid-close).
  let forwarded = false;
  const stop = () => {
    if (forwarded) return;
    forwarded = true;
    child.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise((resolve) => {
    child.on('error', (error) => {
      io.stderr(`pledge: cannot start the server (${error.message})\n`);
      resolve(ExitCode.failed);
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      if (signal) return resolve(ExitCode.ok);
      resolve(code === 0 || code === 1 || code === 2 ? code : ExitCode.failed);
    });
  });
}
