import { builtinTaxonomy } from './builtin.js';
import { resolveExtensions, type TaxonomyExtensions } from './extensions.js';
import type { Sensitivity, Taxonomy, TaxonomyEntry, TaxonomyKind } from './types.js';

const KINDS: TaxonomyKind[] = ['category', 'purpose', 'subject', 'legal-basis'];

type Index = Map<string, TaxonomyEntry>;

function indexKey(kind: TaxonomyKind, key: string): string {
  return `${kind}:${key}`;
}

function buildIndex(entries: ReadonlyArray<TaxonomyEntry>): Index {
  const index: Index = new Map();
  for (const entry of entries) index.set(indexKey(entry.kind, entry.key), entry);
  return index;
}

const builtinIndex = buildIndex(builtinTaxonomy);

/** Sensitivity of an entry, walking up to the nearest ancestor that sets one. */
function resolveSensitivity(entry: TaxonomyEntry, lookup: (key: string) => TaxonomyEntry | undefined) {
  let current: TaxonomyEntry | undefined = entry;
  // The depth bound guards against a cycle, which the built-in data never has.
  for (let depth = 0; current && depth < 32; depth++) {
    if (current.sensitivity !== undefined) return current.sensitivity;
    current = current.parent === undefined ? undefined : lookup(current.parent);
  }
  return undefined;
}

/**
 * Builds a {@link Taxonomy} from the built-in entries plus a manifest's extensions
 * (`manifest.taxonomy.categories` / `.purposes`). Extensions attach under a parent and inherit its
 * sensitivity unless they set `sensitive`. A bad extension (unknown parent, duplicate key) is
 * skipped and reported in `taxonomy.issues` with a stable code and manifest path; this function
 * never throws for manifest content.
 *
 * @example
 * const taxonomy = createTaxonomy({
 *   categories: [{ key: 'user.device.serial_number', parent: 'user.device', name: 'Serial number' }],
 * });
 * taxonomy.isUnder('user.device.serial_number', 'user.device'); // true
 */
export function createTaxonomy(extensions?: TaxonomyExtensions): Taxonomy {
  const known = (kind: TaxonomyKind, key: string) => builtinIndex.get(indexKey(kind, key));
  const resolved = resolveExtensions(extensions, known, (entry, added) =>
    resolveSensitivity(entry, (key) => known('category', key) ?? added.get(indexKey('category', key))),
  );
  const entries = [...builtinTaxonomy, ...resolved.entries];
  const index = resolved.entries.length === 0 ? builtinIndex : buildIndex(entries);

  const get = (kind: TaxonomyKind, key: string) => index.get(indexKey(kind, key));
  const find = (key: string, kind?: TaxonomyKind): TaxonomyEntry | undefined => {
    if (kind) return get(kind, key);
    for (const k of KINDS) {
      const found = get(k, key);
      if (found) return found;
    }
    return undefined;
  };
  const sensitivity = (categoryKey: string): Sensitivity | undefined => {
    const entry = get('category', categoryKey);
    return entry ? resolveSensitivity(entry, (key) => get('category', key)) : undefined;
  };
  const ancestors = (key: string, kind?: TaxonomyKind): string[] => {
    const out: string[] = [];
    const start = find(key, kind);
    if (!start) return out;
    let parentKey = start.parent;
    while (parentKey !== undefined && out.length < 32) {
      out.push(parentKey);
      parentKey = get(start.kind, parentKey)?.parent;
    }
    return out;
  };

  return {
    entries,
    issues: resolved.issues,
    get,
    has: (kind, key) => index.has(indexKey(kind, key)),
    sensitivity,
    isSensitive: (categoryKey) => sensitivity(categoryKey) === 'sensitive',
    ancestors,
    isUnder: (key, ancestorKey, kind) =>
      find(key, kind) !== undefined && (key === ancestorKey || ancestors(key, kind).includes(ancestorKey)),
    children: (kind, key) => entries.filter((entry) => entry.kind === kind && entry.parent === key),
  };
}
