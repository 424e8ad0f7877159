import { readSettings, type Settings } from '@pledge/config';

/** Settings the server reads from the environment (see `readSettings` in @pledge/config). */
export type ServerConfig = Settings;

/**
 * The server's settings from the environment: `readSettings` of @pledge/config, with a bad
 * value reported as a message naming the variable, never quoting it.
 */
export function readConfig(
  env: Record<string, string | undefined>,
  cwd: string,
): { ok: true; config: ServerConfig } | { ok: false; message: string } {
  const read = readSettings(env, cwd);
  return read.ok ? { ok: true, config: read.settings } : { ok: false, message: read.message };
}
