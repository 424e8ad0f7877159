import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: the default manifest is found relative to it. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The manifest served when PLEDGE_MANIFEST is not set. */
export const DEFAULT_MANIFEST = 'examples/antsentry/pledge.yaml';

/** Settings read from the environment. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path of the manifest. */
  manifestPath: string;
  logLevel: string;
}

/**
 * Reads PORT (default 4400), HOST (default 127.0.0.1), PLEDGE_MANIFEST (default the AntSentry
 * example; a relative path is taken from the working directory) and LOG_LEVEL (default info).
 * A bad value comes back as a message naming the variable.
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
  return {
    ok: true,
    config: {
      port,
      host: env.HOST?.trim() || '127.0.0.1',
      manifestPath: manifest
        ? isAbsolute(manifest)
          ? manifest
          : resolve(cwd, manifest)
        : resolve(REPO_ROOT, DEFAULT_MANIFEST),
      logLevel: level,
    },
  };
}
