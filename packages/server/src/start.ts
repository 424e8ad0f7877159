import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { hasActiveApiKeys } from '@pledge/auth';
import { configuredSubjectKey, openCheckpoints, openConfiguredStore } from '@pledge/config';
import { type Issue, parseManifest } from '@pledge/core';
import { connectorsFromEnv } from '@pledge/dsr';
import { imapConfigFromEnv, smtpConfigFromEnv } from '@pledge/notify';
import { EMBEDDED_DURABILITY_WARNING } from '@pledge/store';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './app.js';
import { readConfig } from './config.js';
import type { LogOptions } from './logging.js';

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

/** Outcome of {@link startServer}: the listening app, or the exit code after printing why not. */
export type StartResult = { ok: true; app: FastifyInstance } | { ok: false; exitCode: 1 | 2 };

/**
 * Starts the server from environment variables (see `readConfig`): the manifest, the store
 * (PostgreSQL from PLEDGE_DATABASE_URL, else the embedded database in PLEDGE_DATA_DIR), the
 * API token, then listens. Problems (bad variable: exit code 2; unreadable manifest: 2;
 * invalid manifest: 1; store unreachable or data directory in use: 1; port in use: 1; a
 * non-loopback HOST with no API key: 2) are
 * printed without credentials. Closing the app closes the store. Unless PLEDGE_BACKGROUND=off,
 * the server also carries out requests (runner, DSR worker with the datasets' connectors from
 * `env`, deadline sweep, outbox deliveries; docs/requests.md, "Execution").
 */
export async function startServer(options: StartOptions = {}): Promise<StartResult> {
  const cwd = options.cwd ?? process.cwd();
  const stderr = options.stderr ?? ((text: string) => void process.stderr.write(text));
  const fail = (message: string, exitCode: 1 | 2): StartResult => {
    stderr(`pledge-server: ${message}\n`);
    return { ok: false, exitCode };
  };
  const env = options.env ?? process.env;
  const read = readConfig(env, cwd);
  if (!read.ok) return fail(read.message, 2);
  const { config } = read;
  const smtp = smtpConfigFromEnv(env);
  if (!smtp.ok) return fail(smtp.problem.message, 2);
  const imap = imapConfigFromEnv(env);
  if (!imap.ok) return fail(imap.problem.message, 2);
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
  const opened = await openConfiguredStore(config, {
    role: 'server',
    onIdleError: (error) =>
      stderr(`pledge-server: idle database connection lost (${error.message.split('\n')[0]})\n`),
  });
  if (!opened.ok) return fail(opened.message, 1);
  const { store, description } = opened.opened;
  let subjectKey: string;
  try {
    const key = await configuredSubjectKey(config, store);
    if (!key.ok) {
      await opened.opened.close();
      return fail(`cannot start on ${description}: ${key.message}`, 1);
    }
    for (const warning of key.warnings) stderr(`pledge-server: warning: ${warning}\n`);
    subjectKey = key.key;
  } catch (error) {
    await opened.opened.close();
    return fail(`cannot start on ${description}: ${error instanceof Error ? error.message : 'error'}`, 1);
  }
  if (store.kind === 'pglite' && store.dataDir)
    stderr(`pledge-server: warning: ${EMBEDDED_DURABILITY_WARNING}\n`);
  const checkpoints = await openCheckpoints(config);
  if (!checkpoints.ok && checkpoints.code !== 'checkpoints.off') {
    await opened.opened.close();
    return fail(checkpoints.message, 1);
  }
  let app: FastifyInstance;
  try {
    app = await buildServer({
      manifest: parsed.manifest,
      source,
      store,
      logger: options.logger ?? { level: config.logLevel },
      ...(config.apiToken ? { apiToken: config.apiToken } : {}),
      ...(config.allowedHosts ? { allowedHosts: config.allowedHosts } : {}),
      ...(config.requestTimeoutMs ? { requestTimeoutMs: config.requestTimeoutMs } : {}),
      ...(config.keepAliveTimeoutMs ? { keepAliveTimeoutMs: config.keepAliveTimeoutMs } : {}),
      rateLimits: {
        ...(config.rateLimitKey ? { perKey: config.rateLimitKey } : {}),
        ...(config.rateLimitAddress ? { perAddress: config.rateLimitAddress } : {}),
        ...(config.rateLimitSite ? { perSiteAddress: config.rateLimitSite } : {}),
      },
      subjectKey,
      ...(config.oidc ? { console: { oidc: config.oidc } } : {}),
      ...(config.policySyncMs !== undefined ? { policySyncMs: config.policySyncMs } : {}),
      ...(config.hidePublicLint ? { hidePublicLint: true } : {}),
      ...(smtp.config ? { smtp: smtp.config } : {}),
      ...(config.verifySecret ? { verifySecret: config.verifySecret } : {}),
      ...(config.webhookSecret ? { webhookSecret: config.webhookSecret } : {}),
      background: {
        enabled: !config.backgroundOff,
        ...(config.requestPollMs ? { pollMs: config.requestPollMs } : {}),
        connectors: connectorsFromEnv(env as NodeJS.ProcessEnv),
        ...(imap.config && env.PLEDGE_INBOUND_IMAP_URL
          ? { inboundImapUrl: env.PLEDGE_INBOUND_IMAP_URL }
          : {}),
      },
      onClose: () => opened.opened.close(),
      ...(checkpoints.ok
        ? { checkpoints: { key: checkpoints.key, sink: checkpoints.sink, everyMs: checkpoints.everyMs } }
        : {}),
    });
    for (const warning of checkpoints.ok ? checkpoints.warnings : [checkpoints.message])
      app.log.warn(warning);
  } catch (error) {
    await opened.opened.close();
    return fail(`cannot start on ${description}: ${error instanceof Error ? error.message : 'error'}`, 1);
  }
  // Development mode (no key) answers loopback only; on any other address it would be open.
  if (!isLoopbackHost(config.host) && !config.apiToken && !(await hasActiveApiKeys(store))) {
    await app.close();
    return fail(
      `refusing to listen on ${config.host}: no API key exists, so the API would be open to the network. Create one first (pledge keys create --name <name> --scope <scope>; docs/api-keys.md), or listen on 127.0.0.1 in development mode`,
      2,
    );
  }
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    return fail(
      `cannot listen on ${config.host}:${config.port} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      1,
    );
  }
  const url = listeningUrl(app);
  // Other processes (the CLI) find the server here instead of opening the embedded store.
  if (url) await opened.opened.advertise(url);
  // `pledge serve` runs this as a child process and learns the address over the IPC channel.
  if (env.PLEDGE_SERVE_IPC === '1') process.send?.({ type: 'pledge-server-listening', url });
  app.log.info({ store: description, policy: source }, 'pledge server ready');
  if (options.handleSignals ?? true) {
    // Ctrl-C under `pledge serve` reaches this process twice (from the terminal, and SIGTERM
    // forwarded by the parent): the first closes, the second must not start another close.
    let closing = false;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        if (closing) return;
        closing = true;
        void app.close().then(() => {
          process.exitCode = 0;
        });
      });
    }
  }
  return { ok: true, app };
}

/**
 * {@link startServer} for `npm start`: returns the listening app, or undefined after
 * printing why it cannot start and setting `process.exitCode`.
 */
export async function startFromEnv(options: StartOptions = {}): Promise<FastifyInstance | undefined> {
  const started = await startServer(options);
  if (started.ok) return started.app;
  process.exitCode = started.exitCode;
  return undefined;
}

/** Whether a listening address is loopback only (`0.0.0.0` and `::` are every address). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || /^::ffff:127\./.test(h);
}

/** Where the app answers, for a client on this machine (a wildcard address becomes loopback). */
function listeningUrl(app: FastifyInstance): string | undefined {
  const address = app.server.address();
  if (!address || typeof address === 'string') return undefined;
  const host = ['0.0.0.0', '::', ''].includes(address.address)
    ? '127.0.0.1'
    : address.family === 'IPv6'
      ? `[${address.address}]`
      : address.address;
  return `http://${host}:${address.port}`;
}

function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line, issue.column].filter((p) => p !== undefined).join(':');
  return `${where} ${issue.path}: ${issue.message} (${issue.code})`;
}
