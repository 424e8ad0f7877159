import { createHash } from 'node:crypto';
import { canonicalSource, type Manifest } from '@pledge/core';

/** JSON with object keys sorted, so equal manifests hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** `sha256:<hex>` of any JSON-able value (a manifest, a notice text). */
export function contentHash(value: unknown): string {
  const text = typeof value === 'string' ? value : canonicalJson(value);
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * A manifest's identity: `sha256:<hex>` over its canonical source document (the values the
 * schema fills in by default left out) and the manifest format version. Restating a default,
 * reordering keys or a later Pledge changing a default leaves it unchanged. `lintOverrides`
 * is left out too: it says which lint errors the operator accepts for publishing, not what
 * the policy says, so accepting a fault does not make a new version of the same policy (the
 * errors a version accepted are stored with it when it is published).
 */
export function manifestHash(manifest: Manifest): string {
  const { lintOverrides: _, ...source } = canonicalSource(manifest) as Record<string, unknown>;
  return contentHash({ format: manifest.pledge, source });
}
