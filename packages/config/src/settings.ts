import { resolve } from 'node:path';
import { z } from 'zod';
import { absolute, DEFAULT_DATA_DIR, DEFAULT_MANIFEST, REPO_ROOT } from './paths.js';

/** Shortest API token and subject key accepted. */
const MIN_SECRET = 16;

/** Log levels, quietest last. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const secret = (name: string, spaces: boolean) =>
  z
    .string()
    .refine((v) => v.length >= MIN_SECRET && (spaces || !/\s/.test(v)), {
      error: `must be at least ${MIN_SECRET} characters${spaces ? '' : ', without spaces'}`,
    })
    .describe(name);

/**
 * The environment variables every Pledge process reads, each validated on its own; an
 * error message names the variable and never quotes its value (it may be a secret).
 */
export const SettingsEnv = z.object({
  PORT: z
    .string()
    .regex(/^\d+$/, { error: 'must be an integer from 0 to 65535' })
    .transform(Number)
    .refine((n) => n <= 65535, { error: 'must be an integer from 0 to 65535' })
    .default(4400),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  PLEDGE_MANIFEST: z.string().optional(),
  PLEDGE_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  PLEDGE_DATA_DIR: z.string().optional(),
  PLEDGE_API_TOKEN: secret('API token', false).optional(),
  PLEDGE_SUBJECT_KEY: secret('subject key', true).optional(),
  PLEDGE_POLICY_SYNC_MS: z
    .string()
    .regex(/^\d+$/, { error: 'must be a whole number of milliseconds' })
    .transform(Number)
    .optional(),
  PLEDGE_CHECKPOINT_KEY_FILE: z.string().optional(),
  PLEDGE_CHECKPOINT_DIR: z.string().optional(),
  PLEDGE_CHECKPOINT_INTERVAL_MS: z
    .string()
    .regex(/^\d+$/, { error: 'must be a whole number of milliseconds (0: only on demand)' })
    .transform(Number)
    .optional(),
});
/** A variable {@link SettingsEnv} reads. */
export type SettingName = keyof typeof SettingsEnv.shape;
/** Every variable {@link SettingsEnv} reads. */
export const SETTING_NAMES = Object.keys(SettingsEnv.shape) as SettingName[];

/** Settings of a Pledge process (server, CLI command or worker), paths made absolute. */
export interface Settings {
  port: number;
  host: string;
  /** Absolute path of the manifest. */
  manifestPath: string;
  logLevel: LogLevel;
  /** PostgreSQL connection string (PLEDGE_DATABASE_URL); when set, the data directory is not used. */
  databaseUrl?: string;
  /** Absolute path of the embedded database's folder (PLEDGE_DATA_DIR, else `.pledge-data`). */
  dataDir: string;
  /** Whether PLEDGE_DATA_DIR (or `--data-dir`) was given, rather than defaulted. */
  dataDirGiven?: boolean;
  /** PLEDGE_API_TOKEN: required by every /v1 route when set. */
  apiToken?: string;
  /** PLEDGE_SUBJECT_KEY: key of subject hashes; default generated once and kept in the store. */
  subjectKey?: string;
  /** PLEDGE_POLICY_SYNC_MS: how often to pick up versions published by another process. */
  policySyncMs?: number;
  /** PLEDGE_CHECKPOINT_KEY_FILE: absolute path of the Ed25519 key signing ledger checkpoints. */
  checkpointKeyFile?: string;
  /** PLEDGE_CHECKPOINT_DIR: absolute path of the folder checkpoints are written to. */
  checkpointDir?: string;
  /** PLEDGE_CHECKPOINT_INTERVAL_MS: how often the server signs the chain heads; 0 only on demand. */
  checkpointIntervalMs?: number;
}

/** Outcome of {@link readSettings}: the settings, or which variable is wrong and why. */
export type SettingsResult =
  | { ok: true; settings: Settings }
  | { ok: false; code: 'config.invalid'; variable: SettingName; message: string };

/**
 * Reads PORT (default 4400), HOST (default 127.0.0.1), PLEDGE_MANIFEST (default the AntSentry
 * example; a relative path is taken from `cwd`), LOG_LEVEL (default info), PLEDGE_DATABASE_URL
 * (PostgreSQL; default none: the embedded database), PLEDGE_DATA_DIR (default `.pledge-data` at
 * the repository root), PLEDGE_API_TOKEN, PLEDGE_SUBJECT_KEY, PLEDGE_POLICY_SYNC_MS and the
 * checkpoint settings (PLEDGE_CHECKPOINT_KEY_FILE, PLEDGE_CHECKPOINT_DIR, PLEDGE_CHECKPOINT_INTERVAL_MS). Blank
 * values count as unset. A bad value comes back as a message naming the variable, never quoting it.
 */
export function readSettings(env: Record<string, string | undefined>, cwd: string): SettingsResult {
  const trimmed: Record<string, string> = {};
  for (const name of SETTING_NAMES) {
    const value = env[name]?.trim();
    if (value) trimmed[name] = value;
  }
  const parsed = SettingsEnv.safeParse(trimmed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = (issue?.path[0] ?? 'PORT') as SettingName;
    return {
      ok: false,
      code: 'config.invalid',
      variable,
      message: `${variable} ${issue?.message ?? 'is invalid'}`,
    };
  }
  const e = parsed.data;
  return {
    ok: true,
    settings: {
      port: e.PORT,
      host: e.HOST,
      manifestPath: e.PLEDGE_MANIFEST
        ? absolute(e.PLEDGE_MANIFEST, cwd)
        : resolve(REPO_ROOT, DEFAULT_MANIFEST),
      logLevel: e.LOG_LEVEL,
      ...(e.PLEDGE_DATABASE_URL ? { databaseUrl: e.PLEDGE_DATABASE_URL } : {}),
      dataDir: e.PLEDGE_DATA_DIR ? absolute(e.PLEDGE_DATA_DIR, cwd) : resolve(REPO_ROOT, DEFAULT_DATA_DIR),
      ...(e.PLEDGE_DATA_DIR ? { dataDirGiven: true } : {}),
      ...(e.PLEDGE_API_TOKEN ? { apiToken: e.PLEDGE_API_TOKEN } : {}),
      ...(e.PLEDGE_SUBJECT_KEY ? { subjectKey: e.PLEDGE_SUBJECT_KEY } : {}),
      ...(e.PLEDGE_POLICY_SYNC_MS !== undefined ? { policySyncMs: e.PLEDGE_POLICY_SYNC_MS } : {}),
      ...(e.PLEDGE_CHECKPOINT_KEY_FILE
        ? { checkpointKeyFile: absolute(e.PLEDGE_CHECKPOINT_KEY_FILE, cwd) }
        : {}),
      ...(e.PLEDGE_CHECKPOINT_DIR ? { checkpointDir: absolute(e.PLEDGE_CHECKPOINT_DIR, cwd) } : {}),
      ...(e.PLEDGE_CHECKPOINT_INTERVAL_MS !== undefined
        ? { checkpointIntervalMs: e.PLEDGE_CHECKPOINT_INTERVAL_MS }
        : {}),
    },
  };
}
