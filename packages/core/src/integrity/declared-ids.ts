import type { Manifest } from '../manifest/schema/index.js';
import { datasetFields, type ReferenceKind } from './references.js';

/** A list of entries other entries refer to by id, with its path. */
export interface IdList {
  path: Array<string | number>;
  entries: ReadonlyArray<{ id: string }>;
}

/**
 * The lists whose ids must be unique: categories, purposes, recipients, trackers, permissions,
 * contact channels, retention rules, legal holds, datasets and transfers.
 */
export function idLists(manifest: Manifest): IdList[] {
  return [
    { path: ['categories'], entries: manifest.categories },
    { path: ['purposes'], entries: manifest.purposes },
    { path: ['recipients'], entries: manifest.recipients },
    { path: ['trackers'], entries: manifest.trackers },
    { path: ['permissions'], entries: manifest.permissions },
    { path: ['controller', 'contacts'], entries: manifest.controller.contacts },
    { path: ['retention', 'rules'], entries: manifest.retention.rules },
    { path: ['retention', 'legalHolds'], entries: manifest.retention.legalHolds },
    { path: ['datasets'], entries: manifest.datasets },
    { path: ['transfers', 'transfers'], entries: manifest.transfers.transfers },
  ];
}

/** An entry whose id an earlier entry of the same list already uses. */
export interface DuplicateId {
  id: string;
  /** Path of the later entry's `id`. */
  path: Array<string | number>;
  /** Index of the first entry with this id. */
  firstIndex: number;
}

/** Every entry that repeats an id used earlier in its list (the first one stays valid). */
export function duplicateIds(manifest: Manifest): DuplicateId[] {
  const out: DuplicateId[] = [];
  for (const { path, entries } of idLists(manifest)) {
    const first = new Map<string, number>();
    entries.forEach((entry, index) => {
      const earlier = first.get(entry.id);
      if (earlier === undefined) first.set(entry.id, index);
      else out.push({ id: entry.id, path: [...path, index, 'id'], firstIndex: earlier });
    });
  }
  return out;
}

/** The ids a reference of each kind may name (dataset fields as `dataset.collection.field`). */
export function declaredIds(manifest: Manifest): Record<ReferenceKind, ReadonlySet<string>> {
  const ids = (list: ReadonlyArray<{ id: string }>) => new Set(list.map((entry) => entry.id));
  return {
    category: ids(manifest.categories),
    purpose: ids(manifest.purposes),
    recipient: ids(manifest.recipients),
    contact: ids(manifest.controller.contacts),
    'legal-hold': ids(manifest.retention.legalHolds),
    'dataset-field': new Set(datasetFields(manifest).map((f) => f.address)),
  };
}
