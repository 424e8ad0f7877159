import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: the default manifest is found relative to it. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The manifest served when PLEDGE_MANIFEST is not set. */
export const DEFAULT_MANIFEST = 'examples/antsentry/pledge.yaml';

/** The embedded database's folder when PLEDGE_DATA_DIR is not set (relative to the repository root). */
export const DEFAULT_DATA_DIR = '.pledge-data';

/** Shortest API token and subject key accepted. */
const MIN_SECRET = 16;

/** Settings read from the environment. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path of the manifest. */
  manifestPath: string;
  logLevel: string;
  /** PostgreSQL connection string (PLEDGE_DATABASE_URL); when set, the data directory is not used. */
  databaseUrl?: string;
  /** Absolute path of the embedded database's folder. */
  dataDir: string;
  /** PLEDGE_API_TOKEN: required by every /v1 route when set. */
  apiToken?: string;
  /** PLEDGE_SUBJECT_KEY: key of subject hashes; default generated once and kept in the store. */
  subjectKey?: string;
}

/**
 * Reads PORT (default 4400), HOST (default 127.0.0.1), PLEDGE_MANIFEST (default the AntSentry
 * example; a relative path is taken from the working directory), LOG_LEVEL (default info),
 * PLEDGE_DATABASE_URL (PostgreSQL; default none: the embedded database), PLEDGE_DATA_DIR
 * (default `.pledge-data` at the repository root), PLEDGE_API_TOKEN and PLEDGE_SUBJECT_KEY.
 * A bad value comes back as a message naming the variable, never quoting it.
 */
export function readConfig(
  env: Record<string, string | undefined>,
  cwd: string,
): { ok: true; config: ServerConfig } | { ok: false; message: string } {
  const rawPort = env.PORT?.trim() || '4400';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) {
    return { ok: false, message: 'PORT must be an integer from 0 to 65535' };
  }
  const level = env.LOG_LEVEL?.trim() || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(level)) {
    return { ok: false, message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent' };
  }
  const manifest = env.PLEDGE_MANIFEST?.trim();
  const databaseUrl = env.PLEDGE_DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return { ok: false, message: 'PLEDGE_DATABASE_URL must be a postgres:// or postgresql:// URL' };
  }
  const apiToken = env.PLEDGE_API_TOKEN?.trim() || undefined;
  if (apiToken && (apiToken.length < MIN_SECRET || /\s/.test(apiToken))) {
    return {
      ok: false,
      message: `PLEDGE_API_TOKEN must be at least ${MIN_SECRET} characters, without spaces`,
    };
  }
  const subjectKey = env.PLEDGE_SUBJECT_KEY?.trim() || undefined;
  if (subjectKey && subjectKey.length < MIN_SECRET) {
    return { ok: false, message: `PLEDGE_SUBJECT_KEY must be at least ${MIN_SECRET} characters` };
  }
  const dataDir = env.PLEDGE_DATA_DIR?.trim();
  return {
    ok: true,
    config: {
      port,
      host: env.HOST?.trim() || '127.0.0.1',
      manifestPath: manifest ? absolute(manifest, cwd) : resolve(REPO_ROOT, DEFAULT_MANIFEST),
      logLevel: level,
      ...(databaseUrl ? { databaseUrl } : {}),
      dataDir: dataDir ? absolute(dataDir, cwd) : resolve(REPO_ROOT, DEFAULT_DATA_DIR),
      ...(apiToken ? { apiToken } : {}),
      ...(subjectKey ? { subjectKey } : {}),
    },
  };
}

function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/** A PostgreSQL URL without its credentials or query, for logs: `postgres://host:port/db`. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL (unparseable URL)';
  }
}
