import { type Command, Option } from 'commander';
import type { SettingName } from './settings.js';

/** A command-line flag that overrides one setting's environment variable. */
export interface SettingFlag {
  /** The commander option key (`dataDir` for `--data-dir`). */
  key: 'manifest' | 'port' | 'host' | 'databaseUrl' | 'dataDir';
  flags: string;
  variable: SettingName;
  description: string;
  /** `store`: every command that opens the store takes it; `server`: commands that serve. */
  group: 'store' | 'server';
}

/** Every setting flag, declared once for `pledge serve`, `pledge dsr ...` and `pledge ledger ...`. */
export const SETTING_FLAGS = [
  {
    key: 'manifest',
    flags: '--manifest <file>',
    variable: 'PLEDGE_MANIFEST',
    description: 'manifest to start with (default PLEDGE_MANIFEST, else the AntSentry example)',
    group: 'server',
  },
  {
    key: 'port',
    flags: '--port <n>',
    variable: 'PORT',
    description: 'port (default PORT, else 4400; 0 picks a free one)',
    group: 'server',
  },
  {
    key: 'host',
    flags: '--host <host>',
    variable: 'HOST',
    description: 'address to listen on (default HOST, else 127.0.0.1)',
    group: 'server',
  },
  {
    key: 'databaseUrl',
    flags: '--database-url <url>',
    variable: 'PLEDGE_DATABASE_URL',
    description:
      'PostgreSQL connection string (default PLEDGE_DATABASE_URL; prefer the variable: flags show in ps)',
    group: 'store',
  },
  {
    key: 'dataDir',
    flags: '--data-dir <dir>',
    variable: 'PLEDGE_DATA_DIR',
    description: 'embedded database folder when no PostgreSQL (default PLEDGE_DATA_DIR)',
    group: 'store',
  },
] as const satisfies readonly SettingFlag[];

/** Values of the setting flags as commander parses them. */
export type SettingFlags = { [K in SettingFlag['key']]?: string } & {
  /** The older spelling of `--database-url` (`pledge dsr --database`), still accepted. */
  database?: string;
};

function add(command: Command, group: SettingFlag['group']): Command {
  for (const flag of SETTING_FLAGS) if (flag.group === group) command.option(flag.flags, flag.description);
  return command;
}

/** Adds the store flags (`--database-url`, `--data-dir`, and the hidden `--database` alias). */
export function addStoreOptions(command: Command): Command {
  add(command, 'store');
  return command.addOption(new Option('--database <url>', 'same as --database-url').hideHelp());
}

/** Adds the flags of a serving command: `--manifest`, `--port`, `--host` and the store flags. */
export function addServerOptions(command: Command): Command {
  return addStoreOptions(add(command, 'server'));
}

/** The environment with each flag given replacing its variable (flags win over the environment). */
export function envWithFlags(
  env: Record<string, string | undefined>,
  flags: SettingFlags,
): Record<string, string | undefined> {
  const out = { ...env };
  const values: SettingFlags = { ...flags, databaseUrl: flags.databaseUrl ?? flags.database };
  for (const flag of SETTING_FLAGS) {
    const value = values[flag.key];
    if (value !== undefined) out[flag.variable] = value;
  }
  return out;
}
