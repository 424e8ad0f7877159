import type { Manifest } from '@pledge/core';

/** One id reference in the manifest and where it sits. */
export interface Reference {
  id: string;
  path: Array<string | number>;
}

/** Every reference to a data category id, with its path. */
export function categoryReferences(manifest: Manifest): Reference[] {
  const lists: Array<[Array<string | number>, ReadonlyArray<{ categories: ReadonlyArray<string> }>]> = [
    [['purposes'], manifest.purposes],
    [['recipients'], manifest.recipients],
    [['trackers'], manifest.trackers],
    [['permissions'], manifest.permissions],
    [['retention', 'rules'], manifest.retention.rules],
    [['retention', 'legalHolds'], manifest.retention.legalHolds],
    [['transfers', 'transfers'], manifest.transfers.transfers],
    [['transfers', 'localisation'], manifest.transfers.localisation],
  ];
  const out: Reference[] = [];
  for (const [path, list] of lists) {
    list.forEach((entry, i) => {
      entry.categories.forEach((id, j) => {
        out.push({ id, path: [...path, i, 'categories', j] });
      });
    });
  }
  for (const { field, path } of datasetFields(manifest)) {
    field.categories.forEach((id, j) => {
      out.push({ id, path: [...path, 'categories', j] });
    });
  }
  return out;
}

/** Every reference to a contact channel id, with its path. */
export function contactReferences(manifest: Manifest): Reference[] {
  const out: Reference[] = [];
  manifest.rights.forEach((right, i) => {
    right.channels.forEach((id, j) => {
      out.push({ id, path: ['rights', i, 'channels', j] });
    });
  });
  const officer = manifest.controller.privacyOfficer;
  if (officer) out.push({ id: officer.contact, path: ['controller', 'privacyOfficer', 'contact'] });
  manifest.controller.representatives.forEach((rep, i) => {
    if (rep.contact) out.push({ id: rep.contact, path: ['controller', 'representatives', i, 'contact'] });
  });
  const internal = manifest.complaints?.internalChannel;
  if (internal) out.push({ id: internal, path: ['complaints', 'internalChannel'] });
  return out;
}

/** A field of a dataset with its path and its `dataset.collection.field` address. */
export interface FieldAt {
  address: string;
  path: Array<string | number>;
  field: Manifest['datasets'][number]['collections'][number]['fields'][number];
}

/** Every dataset field, in manifest order. */
export function datasetFields(manifest: Manifest): FieldAt[] {
  const out: FieldAt[] = [];
  manifest.datasets.forEach((d, di) => {
    d.collections.forEach((c, ci) => {
      c.fields.forEach((field, fi) => {
        out.push({
          address: `${d.id}.${c.name}.${field.name}`,
          path: ['datasets', di, 'collections', ci, 'fields', fi],
          field,
        });
      });
    });
  });
  return out;
}
