import type { Manifest } from '@pledge/core';
import { contentHash } from '@pledge/store';
import type { Kysely } from 'kysely';
import type { DsrDatabase } from './schema.js';

/** How many manifests each in-memory cache remembers. */
const CACHE_SIZE = 16;

/** Hashes by serialised manifest: the serialisation is the key, so a changed manifest misses. */
const hashes = new Map<string, string>();
/**
 * The same per manifest object: a worker or server hands every request the one manifest it
 * loaded, and serialising 90 kB of manifest was most of creating a request. Manifests are
 * values (a new version is a new object, as the loaders and `structuredClone` make them).
 */
const byObject = new WeakMap<Manifest, { text: string; hash: string }>();
/** Manifests read back, by hash (content-addressed, so valid for every store). */
const parsed = new Map<string, Manifest>();
/** Hashes known to be stored, per database. */
const stored = new WeakMap<object, Set<string>>();

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
}

/**
 * A manifest serialised, with its content hash (computed once per distinct manifest, and
 * serialised once per manifest object: callers must not change a manifest they handed in).
 */
export function manifestHash(manifest: Manifest): { text: string; hash: string } {
  const seen = byObject.get(manifest);
  if (seen) return seen;
  const text = JSON.stringify(manifest);
  const hash = hashes.get(text) ?? contentHash(manifest);
  remember(hashes, text, hash);
  const entry = { text, hash };
  byObject.set(manifest, entry);
  return entry;
}

/** Whether this process has stored the manifest of `hash` in `db` already. */
export function isManifestStored(db: Kysely<DsrDatabase>, hash: string): boolean {
  return stored.get(db)?.has(hash) ?? false;
}

/** Stores a manifest under its hash unless it is there already (one row per distinct manifest). */
export async function storeManifest(db: Kysely<DsrDatabase>, hash: string, text: string): Promise<void> {
  await db
    .insertInto('pledge_dsr_manifests')
    .values({ hash, manifest: text })
    .onConflict((c) => c.column('hash').doNothing())
    .execute();
}

/** Notes, once the transaction that stored it has committed, that `hash` is in `db`. */
export function manifestStored(db: Kysely<DsrDatabase>, hash: string): void {
  let known = stored.get(db);
  if (!known) {
    known = new Set();
    stored.set(db, known);
  }
  known.add(hash);
}

/**
 * The manifest of a request: kept with it (requests made before manifests were stored by
 * hash), else read by its hash. Callers must not change the object returned.
 */
export async function requestManifest(
  db: Kysely<DsrDatabase>,
  request: { manifest: unknown; manifest_hash: string },
): Promise<Manifest> {
  if (request.manifest) return request.manifest as Manifest;
  const known = parsed.get(request.manifest_hash);
  if (known) return known;
  const row = await db
    .selectFrom('pledge_dsr_manifests')
    .select('manifest')
    .where('hash', '=', request.manifest_hash)
    .executeTakeFirstOrThrow();
  const manifest = row.manifest as Manifest;
  remember(parsed, request.manifest_hash, manifest);
  return manifest;
}
