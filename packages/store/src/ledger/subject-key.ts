import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Store } from '../db/open.js';
import type { Database } from '../db/schema.js';
import { subjectKeyFingerprint } from '../keys/fingerprint.js';
import { fixedKeySource, type SubjectKeySource } from '../keys/key-source.js';
import { migrateToLatest } from '../migrations/index.js';

/** Where the key's fingerprint is stored (never the key). */
const FINGERPRINT = 'subject-key-fingerprint';
/** Where releases before keys were held outside the database kept the key itself. */
const LEGACY_KEY = 'subject-hash-key';
/** Shortest subject key accepted. */
const MIN_LENGTH = 16;
/** The settings that configure a key, for messages. */
const KEY_SETTINGS = 'PLEDGE_SUBJECT_KEY or PLEDGE_SUBJECT_KEY_FILE';

/** Why no subject key could be used: one list, each a stable code. */
export const SUBJECT_KEY_REFUSALS = [
  'subject-key.missing',
  'subject-key.too-short',
  'subject-key.unreadable',
  'subject-key.mismatch',
  'subject-key.in-database',
] as const;
/** One of {@link SUBJECT_KEY_REFUSALS}. */
export type SubjectKeyRefusal = (typeof SUBJECT_KEY_REFUSALS)[number];

/** Options of {@link loadSubjectKey}. */
export interface SubjectKeyOptions {
  /** Where the configured key comes from (environment, file, KMS); none: see `production`. */
  source?: SubjectKeySource;
  /**
   * Production mode: a configured key is required. Default: on for PostgreSQL, off for the
   * embedded store, which then keeps a generated key in a file next to its folder (in
   * memory for an in-memory store).
   */
  production?: boolean;
}

/** Where the key in use came from. */
export type SubjectKeyOrigin = 'configured' | 'key-file' | 'memory';

/** Outcome of {@link loadSubjectKey}. */
export type SubjectKeyResult =
  | {
      ok: true;
      key: string;
      fingerprint: string;
      origin: SubjectKeyOrigin;
      /** The embedded store's key file, when the key lives there. */
      keyFile?: string;
      /** What to tell the operator at start (no key material). */
      warnings: string[];
    }
  | { ok: false; code: SubjectKeyRefusal; setting: string; message: string };

/** A {@link SubjectKeyResult} refusal, thrown by {@link resolveSubjectKey}. */
export class SubjectKeyError extends Error {
  readonly code: SubjectKeyRefusal;
  readonly setting: string;
  constructor(code: SubjectKeyRefusal, setting: string, message: string) {
    super(message);
    this.name = 'SubjectKeyError';
    this.code = code;
    this.setting = setting;
  }
}

/** Keys of in-memory stores, which live as long as the store does. */
const memoryKeys = new WeakMap<Store, string>();

/** The embedded store's key file: next to its folder, never inside it (`<dataDir>.subject-key`). */
export function embeddedKeyFile(dataDir: string): string {
  return `${dataDir.replace(/[\\/]+$/, '')}.subject-key`;
}

/** The fingerprint of the key this store's ledger is written with; undefined before the first start. */
export async function storedKeyFingerprint(db: Kysely<Database>): Promise<string | undefined> {
  return setting(db, FINGERPRINT);
}

/**
 * Finds the subject key and checks it against the store, never writing the key to the
 * database: a configured source wins; production mode (PostgreSQL, or `production`) refuses
 * to start without one; the embedded store keeps a generated key in {@link embeddedKeyFile}
 * (an in-memory store, in memory). The key's fingerprint is stored on first use, and a key
 * with another fingerprint is refused, naming the setting. A key left in the database by an
 * older release is moved to the key file (embedded) or, on PostgreSQL, refused until the same
 * key is configured; it is then deleted from the database.
 */
export async function loadSubjectKey(
  store: Store,
  options: SubjectKeyOptions = {},
): Promise<SubjectKeyResult> {
  await migrateToLatest(store.db);
  const production = options.production ?? store.kind === 'postgres';
  const source = options.source;
  let configured: string | undefined;
  try {
    configured = await source?.read();
  } catch (error) {
    return refuse('subject-key.unreadable', source?.setting ?? KEY_SETTINGS, (error as Error).message);
  }
  if (configured !== undefined && configured.length < MIN_LENGTH) {
    const name = source?.setting ?? KEY_SETTINGS;
    return refuse('subject-key.too-short', name, `${name} must be at least ${MIN_LENGTH} characters`);
  }
  const legacy = await setting(store.db, LEGACY_KEY);
  const stored = await setting(store.db, FINGERPRINT);
  const warnings: string[] = [];
  let key: string;
  let origin: SubjectKeyOrigin;
  let name = source?.setting ?? KEY_SETTINGS;
  let keyFile: string | undefined;
  let persist: (() => Promise<string>) | undefined;
  if (configured !== undefined) {
    key = configured;
    origin = 'configured';
  } else if (production) {
    if (legacy !== undefined) {
      return refuse(
        'subject-key.in-database',
        KEY_SETTINGS,
        `the subject key is still stored in the database (pledge_settings, key '${LEGACY_KEY}'), where a dump exposes it; copy it out (SELECT value FROM pledge_settings WHERE key = '${LEGACY_KEY}') into ${KEY_SETTINGS} and start again: Pledge then deletes it from the database (see docs/keys.md)`,
      );
    }
    return refuse(
      'subject-key.missing',
      KEY_SETTINGS,
      `no subject key: set ${KEY_SETTINGS} (production mode never keeps the key in the database; see docs/keys.md)`,
    );
  } else if (store.dataDir) {
    const file = embeddedKeyFile(store.dataDir);
    keyFile = file;
    name = `the key file ${file} (or ${KEY_SETTINGS})`;
    const existing = await readKeyFile(file);
    origin = 'key-file';
    if (existing !== undefined) key = existing;
    else if (stored !== undefined && legacy === undefined) {
      return refuse(
        'subject-key.missing',
        KEY_SETTINGS,
        `the embedded store's key file ${file} is missing and the ledger was written with another key (fingerprint ${stored}); restore the file or set ${KEY_SETTINGS} to that key`,
      );
    } else {
      key = legacy ?? generateKey();
      const value = key;
      persist = () => writeKeyFile(file, value);
      warnings.push(
        legacy !== undefined
          ? `subject key moved out of the database into ${file}`
          : `subject key generated in ${file}`,
      );
    }
    warnings.push(
      `embedded store: the subject key is kept in ${file}, outside the database files; keep it out of copies of the data and back it up apart (production: set ${KEY_SETTINGS})`,
    );
  } else {
    origin = 'memory';
    name = `the in-memory key (or ${KEY_SETTINGS})`;
    const held = memoryKeys.get(store) ?? legacy;
    if (held === undefined && stored !== undefined) {
      return refuse('subject-key.missing', KEY_SETTINGS, `no subject key: set ${KEY_SETTINGS}`);
    }
    key = held ?? generateKey();
  }
  let fingerprint = subjectKeyFingerprint(key);
  if (legacy !== undefined && legacy !== key) {
    return refuse(
      'subject-key.mismatch',
      name,
      `${name} is not the key this store's ledger was written with (an older release kept that key in the database, pledge_settings key '${LEGACY_KEY}'); configure that key instead (see docs/keys.md)`,
    );
  }
  if (stored !== undefined && stored !== fingerprint) return mismatch(name, fingerprint, stored);
  if (persist) {
    key = await persist();
    fingerprint = subjectKeyFingerprint(key);
  }
  if (origin === 'memory') memoryKeys.set(store, key);
  if (legacy !== undefined) {
    await store.db.deleteFrom('pledge_settings').where('key', '=', LEGACY_KEY).execute();
  }
  if (stored === undefined) {
    await store.db
      .insertInto('pledge_settings')
      .values({ key: FINGERPRINT, value: fingerprint })
      .onConflict((c) => c.doNothing())
      .execute();
    // Two processes starting at once with different keys: the first one written wins.
    const now = await setting(store.db, FINGERPRINT);
    if (now !== fingerprint) return mismatch(name, fingerprint, now ?? '');
  }
  return { ok: true, key, fingerprint, origin, ...(keyFile ? { keyFile } : {}), warnings };
}

/**
 * Whether `key` is the key this store's ledger is written with, by the stored fingerprint (one
 * read; nothing written): for a process handed a key by its caller, before it writes with it
 * (a DSR run, a preflight). A store with no fingerprint yet accepts any key.
 */
export async function checkSubjectKey(
  db: Kysely<Database>,
  key: string,
  name = 'PLEDGE_SUBJECT_KEY',
): Promise<{ ok: true } | { ok: false; code: 'subject-key.mismatch'; setting: string; message: string }> {
  const stored = await setting(db, FINGERPRINT);
  const fingerprint = subjectKeyFingerprint(key);
  if (stored === undefined || stored === fingerprint) return { ok: true };
  return {
    ok: false,
    code: 'subject-key.mismatch',
    setting: name,
    message: mismatchMessage(name, fingerprint, stored),
  };
}

/**
 * {@link loadSubjectKey} for callers that treat a refusal as fatal: returns the key or throws
 * a {@link SubjectKeyError}. `given` is a key (as from PLEDGE_SUBJECT_KEY), a source, or options.
 */
export async function resolveSubjectKey(
  store: Store,
  given?: string | SubjectKeySource | SubjectKeyOptions,
): Promise<string> {
  const options: SubjectKeyOptions =
    typeof given === 'string'
      ? { source: fixedKeySource(given, 'PLEDGE_SUBJECT_KEY') }
      : given && 'read' in given
        ? { source: given }
        : (given ?? {});
  const result = await loadSubjectKey(store, options);
  if (!result.ok) throw new SubjectKeyError(result.code, result.setting, result.message);
  return result.key;
}

function mismatch(name: string, fingerprint: string, stored: string): SubjectKeyResult {
  return refuse('subject-key.mismatch', name, mismatchMessage(name, fingerprint, stored));
}

function mismatchMessage(name: string, fingerprint: string, stored: string): string {
  return `${name} is not the key this store's ledger is written with (key fingerprint ${fingerprint}, store ${stored}); use the key the other Pledge processes use`;
}

function refuse(code: SubjectKeyRefusal, setting: string, message: string): SubjectKeyResult {
  return { ok: false, code, setting, message };
}

function generateKey(): string {
  return randomBytes(32).toString('base64url');
}

async function setting(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('pledge_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value;
}

async function readKeyFile(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes a new key file readable by its owner only; another process's file, written first, wins. */
async function writeKeyFile(file: string, key: string): Promise<string> {
  try {
    await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readKeyFile(file)) ?? key;
  }
}
