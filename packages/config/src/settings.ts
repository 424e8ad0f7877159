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

function positiveMs() {
  return z
    .string()
    .regex(/^[1-9]\d*$/, { error: 'must be a whole number of milliseconds above 0' })
    .transform(Number)
    .optional();
}

function perMinute() {
  return z
    .string()
    .regex(/^[1-9]\d*$/, { error: 'must be a whole number of requests per minute above 0' })
    .transform(Number)
    .optional();
}

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
  PLEDGE_SUBJECT_KEY_FILE: z.string().describe('file holding the subject key').optional(),
  PLEDGE_SUBJECT_KEY_REQUIRED: z
    .enum(['1', 'true', '0', 'false'], { error: 'must be 1, true, 0 or false' })
    .transform((v) => v === '1' || v === 'true')
    .optional(),
  PLEDGE_VERIFY_SECRET: secret('identity token secret', false).optional(),
  PLEDGE_PUBLIC_LINT: z.enum(['show', 'hide'], { error: 'must be show or hide' }).optional(),
  PLEDGE_POLICY_SYNC_MS: z
    .string()
    .regex(/^\d+$/, { error: 'must be a whole number of milliseconds' })
    .transform(Number)
    .optional(),
  PLEDGE_API_KEY: secret('API key', false).optional(),
  PLEDGE_ALLOWED_HOSTS: z
    .string()
    .regex(/^[A-Za-z0-9.:[\]-]+(\s*,\s*[A-Za-z0-9.:[\]-]+)*$/, {
      error: 'must be host names separated by commas (e.g. pledge.example.com,localhost)',
    })
    .transform((v) => v.split(',').map((h) => h.trim().toLowerCase()))
    .optional(),
  PLEDGE_REQUEST_TIMEOUT_MS: positiveMs(),
  PLEDGE_KEEP_ALIVE_TIMEOUT_MS: positiveMs(),
  PLEDGE_RATE_LIMIT_KEY: perMinute(),
  PLEDGE_RATE_LIMIT_ADDRESS: perMinute(),
  PLEDGE_RATE_LIMIT_SITE: perMinute(),
  PLEDGE_CHECKPOINT_KEY_FILE: z.string().optional(),
  PLEDGE_OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  PLEDGE_OIDC_CLIENT_ID: z.string().optional(),
  PLEDGE_OIDC_CLIENT_SECRET: secret('OIDC client secret', false).optional(),
  PLEDGE_OIDC_REDIRECT_URI: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .refine((v) => new URL(v).pathname === '/console/oidc/callback', {
      error: 'must end in /console/oidc/callback',
    })
    .optional(),
  PLEDGE_CHECKPOINT_DIR: z.string().optional(),
  PLEDGE_CHECKPOINT_INTERVAL_MS: z
    .string()
    .regex(/^\d+$/, { error: 'must be a whole number of milliseconds (0: only on demand)' })
    .transform(Number)
    .optional(),
  PLEDGE_BACKGROUND: z.enum(['on', 'off'], { error: 'must be on or off' }).optional(),
  PLEDGE_REQUEST_POLL_MS: positiveMs(),
  PLEDGE_WEBHOOK_SECRET: secret('webhook signing secret', false).optional(),
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
  /** PLEDGE_API_TOKEN: a bootstrap key with the `admin` scope only (manages keys; see docs/api-keys.md). */
  apiToken?: string;
  /** PLEDGE_SUBJECT_KEY: key of subject hashes (never stored in the database). */
  subjectKey?: string;
  /** PLEDGE_SUBJECT_KEY_FILE: absolute path of a file holding the key (a mounted secret). */
  subjectKeyFile?: string;
  /**
   * PLEDGE_SUBJECT_KEY_REQUIRED: production mode for the subject key on any store (always on
   * for PostgreSQL): refuse to start without a configured key.
   */
  subjectKeyRequired?: boolean;
  /** PLEDGE_POLICY_SYNC_MS: how often to pick up versions published by another process. */
  policySyncMs?: number;
  /** PLEDGE_VERIFY_SECRET: the secret applications sign identity tokens with (`issueVerificationToken` of @pledge/sdk). */
  verifySecret?: string;
  /** PLEDGE_PUBLIC_LINT=hide: the public policy page (`/`) does not show the lint report's summary and link. */
  hidePublicLint?: boolean;
  /** PLEDGE_API_KEY: the key the CLI sends when it asks a running server (see docs/api-keys.md). */
  apiKey?: string;
  /** PLEDGE_ALLOWED_HOSTS: host names the server answers to (the `Host` header), lower-cased. */
  allowedHosts?: string[];
  /** PLEDGE_REQUEST_TIMEOUT_MS: time to receive a whole request (headers and body); server default 30 000. */
  requestTimeoutMs?: number;
  /** PLEDGE_KEEP_ALIVE_TIMEOUT_MS: how long an idle kept-alive connection stays open; server default 5 000. */
  keepAliveTimeoutMs?: number;
  /** PLEDGE_RATE_LIMIT_KEY: requests per minute per API key; server default 6 000. */
  rateLimitKey?: number;
  /** PLEDGE_RATE_LIMIT_ADDRESS: requests per minute per client address; server default 1 200. */
  rateLimitAddress?: number;
  /** PLEDGE_RATE_LIMIT_SITE: requests per minute per address with one site key; server default 60. */
  rateLimitSite?: number;
  /** PLEDGE_CHECKPOINT_KEY_FILE: absolute path of the Ed25519 key signing ledger checkpoints. */
  checkpointKeyFile?: string;
  /** PLEDGE_CHECKPOINT_DIR: absolute path of the folder checkpoints are written to. */
  checkpointDir?: string;
  /** PLEDGE_CHECKPOINT_INTERVAL_MS: how often the server signs the chain heads; 0 only on demand. */
  checkpointIntervalMs?: number;
  /**
   * The console's identity provider: PLEDGE_OIDC_ISSUER, PLEDGE_OIDC_CLIENT_ID,
   * PLEDGE_OIDC_CLIENT_SECRET (optional) and PLEDGE_OIDC_REDIRECT_URI (see docs/console.md).
   */
  oidc?: { issuer: string; clientId: string; clientSecret?: string; redirectUri: string };
  /**
   * PLEDGE_BACKGROUND=off: the server runs no background work (request runner, DSR worker,
   * deadline sweep, outbox deliveries), for a deployment whose workers run elsewhere.
   */
  backgroundOff?: boolean;
  /** PLEDGE_REQUEST_POLL_MS: how often the request runner looks for work; default 5 000. */
  requestPollMs?: number;
  /** PLEDGE_WEBHOOK_SECRET: signs webhooks (`pledge-signature`), e.g. recipients' erasure notices. */
  webhookSecret?: string;
}

/** Outcome of {@link readSettings}: the settings, or which variable is wrong and why. */
export type SettingsResult =
  | { ok: true; settings: Settings }
  | { ok: false; code: 'config.invalid'; variable: SettingName; message: string };

/**
 * Reads PORT (default 4400), HOST (default 127.0.0.1), PLEDGE_MANIFEST (default the AntSentry
 * example; a relative path is taken from `cwd`), LOG_LEVEL (default info), PLEDGE_DATABASE_URL
 * (PostgreSQL; default none: the embedded database), PLEDGE_DATA_DIR (default `.pledge-data` at
 * the repository root), PLEDGE_API_TOKEN, PLEDGE_SUBJECT_KEY or PLEDGE_SUBJECT_KEY_FILE (one of them),
 * PLEDGE_SUBJECT_KEY_REQUIRED, PLEDGE_POLICY_SYNC_MS, PLEDGE_PUBLIC_LINT, PLEDGE_VERIFY_SECRET, PLEDGE_API_KEY, PLEDGE_ALLOWED_HOSTS,
 * PLEDGE_REQUEST_TIMEOUT_MS, PLEDGE_KEEP_ALIVE_TIMEOUT_MS, the rate limits PLEDGE_RATE_LIMIT_KEY,
 * PLEDGE_RATE_LIMIT_ADDRESS, PLEDGE_RATE_LIMIT_SITE and the checkpoint settings
 * (PLEDGE_CHECKPOINT_KEY_FILE, PLEDGE_CHECKPOINT_DIR, PLEDGE_CHECKPOINT_INTERVAL_MS), and the
 * console's identity provider (PLEDGE_OIDC_ISSUER, PLEDGE_OIDC_CLIENT_ID, PLEDGE_OIDC_CLIENT_SECRET,
 * PLEDGE_OIDC_REDIRECT_URI), and the server's background work (PLEDGE_BACKGROUND, PLEDGE_REQUEST_POLL_MS,
 * PLEDGE_WEBHOOK_SECRET). Blank
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
  const oidcSet = [e.PLEDGE_OIDC_ISSUER, e.PLEDGE_OIDC_CLIENT_ID, e.PLEDGE_OIDC_REDIRECT_URI];
  if (oidcSet.some(Boolean) && !oidcSet.every(Boolean)) {
    return {
      ok: false,
      code: 'config.invalid',
      variable: 'PLEDGE_OIDC_ISSUER',
      message:
        'PLEDGE_OIDC_ISSUER, PLEDGE_OIDC_CLIENT_ID and PLEDGE_OIDC_REDIRECT_URI go together: set all three or none',
    };
  }
  if (e.PLEDGE_SUBJECT_KEY && e.PLEDGE_SUBJECT_KEY_FILE) {
    return {
      ok: false,
      code: 'config.invalid',
      variable: 'PLEDGE_SUBJECT_KEY_FILE',
      message: 'PLEDGE_SUBJECT_KEY_FILE and PLEDGE_SUBJECT_KEY are both set: set one',
    };
  }
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
      ...(e.PLEDGE_SUBJECT_KEY_FILE ? { subjectKeyFile: absolute(e.PLEDGE_SUBJECT_KEY_FILE, cwd) } : {}),
      ...(e.PLEDGE_SUBJECT_KEY_REQUIRED ? { subjectKeyRequired: true } : {}),
      ...(e.PLEDGE_POLICY_SYNC_MS !== undefined ? { policySyncMs: e.PLEDGE_POLICY_SYNC_MS } : {}),
      ...(e.PLEDGE_PUBLIC_LINT === 'hide' ? { hidePublicLint: true } : {}),
      ...(e.PLEDGE_VERIFY_SECRET ? { verifySecret: e.PLEDGE_VERIFY_SECRET } : {}),
      ...(e.PLEDGE_API_KEY ? { apiKey: e.PLEDGE_API_KEY } : {}),
      ...(e.PLEDGE_ALLOWED_HOSTS ? { allowedHosts: e.PLEDGE_ALLOWED_HOSTS } : {}),
      ...(e.PLEDGE_REQUEST_TIMEOUT_MS ? { requestTimeoutMs: e.PLEDGE_REQUEST_TIMEOUT_MS } : {}),
      ...(e.PLEDGE_KEEP_ALIVE_TIMEOUT_MS ? { keepAliveTimeoutMs: e.PLEDGE_KEEP_ALIVE_TIMEOUT_MS } : {}),
      ...(e.PLEDGE_RATE_LIMIT_KEY ? { rateLimitKey: e.PLEDGE_RATE_LIMIT_KEY } : {}),
      ...(e.PLEDGE_RATE_LIMIT_ADDRESS ? { rateLimitAddress: e.PLEDGE_RATE_LIMIT_ADDRESS } : {}),
      ...(e.PLEDGE_RATE_LIMIT_SITE ? { rateLimitSite: e.PLEDGE_RATE_LIMIT_SITE } : {}),
      ...(e.PLEDGE_CHECKPOINT_KEY_FILE
        ? { checkpointKeyFile: absolute(e.PLEDGE_CHECKPOINT_KEY_FILE, cwd) }
        : {}),
      ...(e.PLEDGE_CHECKPOINT_DIR ? { checkpointDir: absolute(e.PLEDGE_CHECKPOINT_DIR, cwd) } : {}),
      ...(e.PLEDGE_CHECKPOINT_INTERVAL_MS !== undefined
        ? { checkpointIntervalMs: e.PLEDGE_CHECKPOINT_INTERVAL_MS }
        : {}),
      ...(e.PLEDGE_BACKGROUND === 'off' ? { backgroundOff: true } : {}),
      ...(e.PLEDGE_REQUEST_POLL_MS ? { requestPollMs: e.PLEDGE_REQUEST_POLL_MS } : {}),
      ...(e.PLEDGE_WEBHOOK_SECRET ? { webhookSecret: e.PLEDGE_WEBHOOK_SECRET } : {}),
      ...(e.PLEDGE_OIDC_ISSUER && e.PLEDGE_OIDC_CLIENT_ID && e.PLEDGE_OIDC_REDIRECT_URI
        ? {
            oidc: {
              issuer: e.PLEDGE_OIDC_ISSUER,
              clientId: e.PLEDGE_OIDC_CLIENT_ID,
              ...(e.PLEDGE_OIDC_CLIENT_SECRET ? { clientSecret: e.PLEDGE_OIDC_CLIENT_SECRET } : {}),
              redirectUri: e.PLEDGE_OIDC_REDIRECT_URI,
            },
          }
        : {}),
    },
  };
}
