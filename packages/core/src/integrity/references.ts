import type { Manifest } from '../manifest/schema/index.js';

/** Kinds of manifest entries other entries refer to by id. */
export const REFERENCE_KINDS = [
  'category',
  'purpose',
  'recipient',
  'contact',
  'legal-hold',
  'dataset-field',
] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** One id reference in the manifest and where it sits. */
export interface Reference {
  id: string;
  path: Array<string | number>;
}

/** A reference with the kind of entry it names. */
export interface KindedReference extends Reference {
  kind: ReferenceKind;
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

/** Every reference to a purpose id (recipients, trackers, permissions), with its path. */
export function purposeReferences(manifest: Manifest): Reference[] {
  const lists: Array<[string, ReadonlyArray<{ purposes: ReadonlyArray<string> }>]> = [
    ['recipients', manifest.recipients],
    ['trackers', manifest.trackers],
    ['permissions', manifest.permissions],
  ];
  const out: Reference[] = [];
  for (const [list, entries] of lists) {
    entries.forEach((entry, i) => {
      entry.purposes.forEach((id, j) => {
        out.push({ id, path: [list, i, 'purposes', j] });
      });
    });
  }
  return out;
}

/** Every reference to a recipient id (tracker recipients, transfer recipients), with its path. */
export function recipientReferences(manifest: Manifest): Reference[] {
  const out: Reference[] = [];
  manifest.trackers.forEach((tracker, i) => {
    if (tracker.recipient !== undefined)
      out.push({ id: tracker.recipient, path: ['trackers', i, 'recipient'] });
  });
  manifest.transfers.transfers.forEach((transfer, i) => {
    transfer.recipients.forEach((id, j) => {
      out.push({ id, path: ['transfers', 'transfers', i, 'recipients', j] });
    });
  });
  return out;
}

/** Every reference to a legal hold id (retention rules, dataset fields), with its path. */
export function legalHoldReferences(manifest: Manifest): Reference[] {
  const out: Reference[] = [];
  manifest.retention.rules.forEach((rule, i) => {
    rule.legalHolds.forEach((id, j) => {
      out.push({ id, path: ['retention', 'rules', i, 'legalHolds', j] });
    });
  });
  for (const { field, path } of datasetFields(manifest)) {
    if (field.legalHold !== undefined) out.push({ id: field.legalHold, path: [...path, 'legalHold'] });
  }
  return out;
}

/** Every `references` of a dataset field (`dataset.collection.field`), with its path. */
export function datasetFieldReferences(manifest: Manifest): Reference[] {
  const out: Reference[] = [];
  for (const { field, path } of datasetFields(manifest)) {
    if (typeof field.references === 'string') {
      out.push({ id: field.references, path: [...path, 'references'] });
    } else {
      field.references?.forEach((id, i) => {
        out.push({ id, path: [...path, 'references', i] });
      });
    }
  }
  return out;
}

/** Every id reference of the manifest, by kind, in the order of {@link REFERENCE_KINDS}. */
export function manifestReferences(manifest: Manifest): KindedReference[] {
  const walks: Record<ReferenceKind, (m: Manifest) => Reference[]> = {
    category: categoryReferences,
    purpose: purposeReferences,
    recipient: recipientReferences,
    contact: contactReferences,
    'legal-hold': legalHoldReferences,
    'dataset-field': datasetFieldReferences,
  };
  return REFERENCE_KINDS.flatMap((kind) => walks[kind](manifest).map((ref) => ({ ...ref, kind })));
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
