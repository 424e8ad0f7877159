import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { type Issue, parseManifest } from '@pledge/core';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './app';
import { readConfig } from './config';
import type { LogOptions } from './logging';

/** Options for {@link startFromEnv}; the defaults are what `npm start` uses. */
export interface StartOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Where startup problems are printed. Default stderr. */
  stderr?: (text: string) => void;
  /** Override the logger (tests pass `false`). Default: LOG_LEVEL to stdout. */
  logger?: LogOptions | false;
  /** Close the server on SIGINT/SIGTERM. Default true. */
  handleSignals?: boolean;
}

/**
 * Starts the server from environment variables (PORT, HOST, PLEDGE_MANIFEST, LOG_LEVEL).
 * Returns the listening app, or undefined after printing why it cannot start (bad variable,
 * unreadable or invalid manifest, port in use) and setting `process.exitCode`.
 */
export async function startFromEnv(options: StartOptions = {}): Promise<FastifyInstance | undefined> {
  const cwd = options.cwd ?? process.cwd();
  const stderr = options.stderr ?? ((text: string) => void process.stderr.write(text));
  const fail = (message: string, code: number) => {
    stderr(`pledge-server: ${message}\n`);
    process.exitCode = code;
    return undefined;
  };
  const read = readConfig(options.env ?? process.env, cwd);
  if (!read.ok) return fail(read.message, 2);
  const { config } = read;
  const local = relative(cwd, config.manifestPath);
  const source = local && !local.startsWith('..') ? local : config.manifestPath;
  let text: string;
  try {
    text = await readFile(config.manifestPath, 'utf8');
  } catch (error) {
    return fail(
      `cannot read manifest ${source} (${(error as NodeJS.ErrnoException).code ?? 'error'}); set PLEDGE_MANIFEST`,
      2,
    );
  }
  const parsed = parseManifest(text, { file: source });
  if (!parsed.ok) {
    for (const issue of parsed.issues) stderr(`${formatIssue(issue)}\n`);
    return fail(`${source} is not a valid manifest`, 1);
  }
  const app = await buildServer({
    manifest: parsed.manifest,
    source,
    logger: options.logger ?? { level: config.logLevel },
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    return fail(
      `cannot listen on ${config.host}:${config.port} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      1,
    );
  }
  if (options.handleSignals ?? true) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        void app.close().then(() => {
          process.exitCode = 0;
        });
      });
    }
  }
  return app;
}

function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line, issue.column].filter((p) => p !== undefined).join(':');
  return `${where} ${issue.path}: ${issue.message} (${issue.code})`;
}
