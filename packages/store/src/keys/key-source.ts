import { readFile } from 'node:fs/promises';

/**
 * Where a subject key comes from: the environment, a file, or a key-management service.
 * A source only reads; Pledge never writes the key to the database. A KMS plugs in by
 * implementing this interface (fetch or unwrap the key in `read`) and passing it where a
 * source is taken (`loadSubjectKey`, `openDsrQueue(...).work({ subjectKeySource })`).
 */
export interface SubjectKeySource {
  /** The setting that names this source, quoted in messages (e.g. `PLEDGE_SUBJECT_KEY_FILE`). */
  readonly setting: string;
  /** The key, or undefined when the source holds none. Messages it throws never quote the key. */
  read(): Promise<string | undefined>;
}

/** A key held in a variable of `env` (default PLEDGE_SUBJECT_KEY); blank counts as unset. */
export function envKeySource(
  env: Record<string, string | undefined> = process.env,
  name = 'PLEDGE_SUBJECT_KEY',
): SubjectKeySource {
  return { setting: name, read: async () => env[name]?.trim() || undefined };
}

/** A key held in a file (its content, trailing newline removed), e.g. a mounted secret. */
export function fileKeySource(path: string, setting = 'PLEDGE_SUBJECT_KEY_FILE'): SubjectKeySource {
  return {
    setting,
    read: async () => {
      try {
        return (await readFile(path, 'utf8')).trim() || undefined;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        throw new Error(`${setting}: cannot read the key file ${path} (${code})`);
      }
    },
  };
}

/** A key the caller already holds (a library option or a test). */
export function fixedKeySource(key: string, setting = 'subjectKey'): SubjectKeySource {
  return { setting, read: async () => key };
}

/**
 * The source the environment names: PLEDGE_SUBJECT_KEY_FILE, else PLEDGE_SUBJECT_KEY; undefined
 * when neither is set. Both set is an error (which one wins would be a guess). For processes
 * that read the environment themselves (a DSR worker); servers and the CLI validate the same
 * variables through @pledge/config first.
 */
export function keySourceFromEnv(
  env: Record<string, string | undefined> = process.env,
): SubjectKeySource | undefined {
  const file = env.PLEDGE_SUBJECT_KEY_FILE?.trim();
  const value = env.PLEDGE_SUBJECT_KEY?.trim();
  if (file && value) throw new Error('set PLEDGE_SUBJECT_KEY or PLEDGE_SUBJECT_KEY_FILE, not both');
  if (file) return fileKeySource(file);
  if (value) return envKeySource(env);
  return undefined;
}
