import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  envWithFlags,
  type OpenedStore,
  openConfiguredStore,
  readSettings,
  type SettingFlags,
  type Settings,
  type StoreOpenError,
} from '@pledge/config';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';

/** Options of {@link openCliStore}. */
export interface CliStoreOptions {
  /** What this command is, recorded in the data-directory lock. Default `cli`. */
  role?: string;
  /**
   * With neither a database URL nor a data directory given: `memory` opens an in-memory
   * database (`pledge dsr`), `default` the default data directory (`pledge ledger`).
   */
  fallback: 'memory' | 'default';
  /** Checked before opening (e.g. that the data directory holds a database); a message refuses. */
  precheck?: (settings: Settings) => string | undefined;
}

/** Outcome of {@link openCliStore}. */
export type CliStore =
  | { ok: true; opened: OpenedStore; settings: Settings; durable: boolean }
  | { ok: false; exitCode: ExitCode; error?: StoreOpenError; settings?: Settings };

/** The store settings of a command: the environment with its flags applied. */
export function cliSettings(
  flags: SettingFlags,
  cwd: string,
): { ok: true; settings: Settings } | { ok: false; message: string } {
  const read = readSettings(envWithFlags(process.env, flags), cwd);
  return read.ok ? read : { ok: false, message: read.message };
}

/**
 * Opens the store a command's flags and the environment name, through the same opener as the
 * server, so the CLI takes the embedded database's lock too. Problems are printed; a store a
 * running server holds gets the explanation {@link lockedMessage}.
 */
export async function openCliStore(
  io: CliIo,
  flags: SettingFlags,
  options: CliStoreOptions,
): Promise<CliStore> {
  const read = cliSettings(flags, io.cwd);
  if (!read.ok) {
    io.stderr(`pledge: ${read.message}\n`);
    return { ok: false, exitCode: ExitCode.usage };
  }
  const { settings } = read;
  const problem = options.precheck?.(settings);
  if (problem) {
    io.stderr(`pledge: ${problem}\n`);
    return { ok: false, exitCode: ExitCode.usage, settings };
  }
  const durable = Boolean(settings.databaseUrl || settings.dataDirGiven || options.fallback === 'default');
  const opened = await openConfiguredStore(
    settings.databaseUrl
      ? { databaseUrl: settings.databaseUrl }
      : durable
        ? { dataDir: settings.dataDir }
        : {},
    { role: options.role ?? 'cli' },
  );
  if (!opened.ok) return { ok: false, exitCode: ExitCode.failed, error: opened, settings };
  return { ok: true, opened: opened.opened, settings, durable };
}

/**
 * Opens a store that must exist already (`pledge ledger`, `pledge policies`): PostgreSQL, or
 * the embedded database in the data directory (the default one when none is given); a data
 * directory holding no database is refused rather than created.
 */
export function openExistingStore(io: CliIo, flags: SettingFlags): Promise<CliStore> {
  return openCliStore(io, flags, {
    fallback: 'default',
    precheck: (s) =>
      !s.databaseUrl && !existsSync(join(s.dataDir, 'PG_VERSION'))
        ? `no embedded database in ${s.dataDir} (set --data-dir or --database-url)`
        : undefined,
  });
}

/**
 * Why a command does not open an embedded database another process holds. When that process is
 * a server, says so and why: PGlite has one owner, and a second process writing the same folder
 * corrupts it.
 */
export function lockedMessage(error: StoreOpenError): string {
  if (error.code !== 'store.locked' || error.holder.role !== 'server') return error.message;
  const where = error.holder.url ? ` at ${error.holder.url}` : '';
  return [
    `the embedded database in ${error.dataDir} is held by a running Pledge server (process ${error.holder.pid}${where}).`,
    'Two processes on one embedded database corrupt it, so this command does not open it while the server runs.',
    'Stop the server first, or run Pledge on PostgreSQL (PLEDGE_DATABASE_URL), which the server, the CLI and workers can share.',
  ].join('\n  ');
}
