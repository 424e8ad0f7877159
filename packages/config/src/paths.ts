import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: the default manifest and data directory are found relative to it. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The manifest served when PLEDGE_MANIFEST is not set. */
export const DEFAULT_MANIFEST = 'examples/antsentry/pledge.yaml';

/** The embedded database's folder when PLEDGE_DATA_DIR is not set (relative to the repository root). */
export const DEFAULT_DATA_DIR = '.pledge-data';

/** `path` made absolute against `cwd`. */
export function absolute(path: string, cwd: string): string {
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
