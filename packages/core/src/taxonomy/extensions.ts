import type { TaxonomyExtension } from '../manifest/schema/categories.js';
import type { Issue } from '../result/issue.js';
import type { TaxonomyEntry, TaxonomyKind } from './types.js';

/** Extensions a manifest adds under built-in (or other extension) parents. */
export interface TaxonomyExtensions {
  categories?: ReadonlyArray<TaxonomyExtension>;
  purposes?: ReadonlyArray<TaxonomyExtension>;
}

/** Result of resolving extensions: accepted entries and what was wrong with the others. */
export interface ResolvedExtensions {
  entries: TaxonomyEntry[];
  issues: Issue[];
}

interface Pending {
  ext: TaxonomyExtension;
  kind: TaxonomyKind;
  path: string;
}

/**
 * Turns manifest extensions into taxonomy entries. An extension may sit under a built-in entry or
 * under another extension, in any order. Unknown parents and duplicate keys are reported as
 * issues (`taxonomy.unknown-parent`, `taxonomy.duplicate-key`) and the extension is skipped;
 * nothing is thrown. An accepted extension inherits the parent's DPV IRI (marked `broader`) and,
 * unless `sensitive` is set, its sensitivity.
 *
 * @param known - looks up an existing entry of a kind (built-in entries)
 */
export function resolveExtensions(
  extensions: TaxonomyExtensions | undefined,
  known: (kind: TaxonomyKind, key: string) => TaxonomyEntry | undefined,
  effectiveSensitivity: (
    entry: TaxonomyEntry,
    added: Map<string, TaxonomyEntry>,
  ) => TaxonomyEntry['sensitivity'],
): ResolvedExtensions {
  const issues: Issue[] = [];
  const added = new Map<string, TaxonomyEntry>();
  let pending: Pending[] = [];
  const lists: Array<[TaxonomyKind, 'categories' | 'purposes']> = [
    ['category', 'categories'],
    ['purpose', 'purposes'],
  ];
  for (const [kind, field] of lists) {
    const list = extensions?.[field] ?? [];
    list.forEach((ext, index) => {
      const path = `taxonomy.${field}[${index}]`;
      const addedKey = `${kind}:${ext.key}`;
      if (
        known(kind, ext.key) ||
        added.has(addedKey) ||
        pending.some((p) => p.kind === kind && p.ext.key === ext.key)
      ) {
        issues.push({
          code: 'taxonomy.duplicate-key',
          severity: 'error',
          path: `${path}.key`,
          message: `Taxonomy key "${ext.key}" already exists; choose a new key under "${ext.parent}".`,
        });
        return;
      }
      pending.push({ ext, kind, path });
    });
  }

  // Attach in rounds so an extension may name another extension as its parent.
  let progress = true;
  while (pending.length > 0 && progress) {
    progress = false;
    const next: Pending[] = [];
    for (const item of pending) {
      const parent = known(item.kind, item.ext.parent) ?? added.get(`${item.kind}:${item.ext.parent}`);
      if (!parent) {
        next.push(item);
        continue;
      }
      added.set(`${item.kind}:${item.ext.key}`, toEntry(item, parent, added, effectiveSensitivity, issues));
      progress = true;
    }
    pending = next;
  }
  for (const item of pending) {
    issues.push({
      code: 'taxonomy.unknown-parent',
      severity: 'error',
      path: `${item.path}.parent`,
      message: `Parent "${item.ext.parent}" of taxonomy extension "${item.ext.key}" is not a known ${item.kind} key.`,
    });
  }
  return { entries: [...added.values()], issues };
}

function toEntry(
  item: Pending,
  parent: TaxonomyEntry,
  added: Map<string, TaxonomyEntry>,
  effectiveSensitivity: (
    entry: TaxonomyEntry,
    added: Map<string, TaxonomyEntry>,
  ) => TaxonomyEntry['sensitivity'],
  issues: Issue[],
): TaxonomyEntry {
  const { ext, kind, path } = item;
  if (!ext.key.startsWith(`${ext.parent}.`)) {
    issues.push({
      code: 'taxonomy.key-outside-parent',
      severity: 'warning',
      path: `${path}.key`,
      message: `Taxonomy key "${ext.key}" does not start with its parent "${ext.parent}."; prefix matching will not find it.`,
    });
  }
  const result: TaxonomyEntry = {
    kind,
    key: ext.key,
    parent: parent.key,
    name: ext.name,
    dpv: parent.dpv,
    dpvMatch: 'broader',
    fideslang: parent.fideslang,
    origin: 'manifest',
  };
  if (ext.sensitive !== undefined) {
    if (kind !== 'category') {
      issues.push({
        code: 'taxonomy.sensitivity-ignored',
        severity: 'warning',
        path: `${path}.sensitive`,
        message: `"sensitive" only applies to data categories; it is ignored on purpose "${ext.key}".`,
      });
    } else if (ext.sensitive) {
      result.sensitivity = 'sensitive';
    } else {
      const inherited = effectiveSensitivity(parent, added);
      result.sensitivity = inherited === 'sensitive' || inherited === undefined ? 'personal' : inherited;
    }
  }
  return result;
}
