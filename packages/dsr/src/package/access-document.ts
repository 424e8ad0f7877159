import { type LocalText, type Manifest, retentionActions } from '@pledge/core';
import type { JsonValue } from '../exec/values.js';

/** The rows of one collection in a package. */
export interface PackageCollection {
  dataset: string;
  collection: string;
  datastore: string;
  categories: string[];
  rows: Array<Record<string, JsonValue>>;
}

/** What the law asks an access answer to say about one category. */
export interface PackageCategory {
  id: string;
  name: LocalText;
  taxonomy: string;
  source: string;
  sensitive?: boolean;
  purposes: Array<{ id: string; name: LocalText; legalBasis: Record<string, string> }>;
  recipients: Array<{ id: string; name: LocalText; kind: string; company?: LocalText; country?: string }>;
  retention: Array<{
    rule: string;
    duration?: { amount: number; unit: string };
    anchor: string;
    action: string;
    criteria: LocalText[];
  }>;
  /**
   * Transfers abroad that may carry it (a declared transfer naming it, or naming no category),
   * with the safeguards that legitimise each (`mechanisms`: adequacy, SCC, ...).
   */
  transfers: Array<{
    id: string;
    from?: string;
    to: string;
    recipients: string[];
    mechanisms: string[];
    description?: LocalText;
  }>;
  /** Collections of this package holding it, as `dataset.collection`. */
  foundIn: string[];
}

/** The JSON document of an access package. */
export interface AccessDocument {
  format: 'pledge-access-package/1';
  generatedAt: string;
  requestId: string;
  policy: { id: string; version: string };
  controller: { name: LocalText; contacts: Array<{ kind: string; value: string }> };
  /** Countries where the controller stores personal data (from the manifest's transfers section). */
  storage: string[];
  /** Identity kinds the subject was found by (values are not repeated here). */
  identityKinds: string[];
  collections: PackageCollection[];
  categories: PackageCategory[];
  /** Collections that could not be read: the package is then partial. */
  incomplete: Array<{ dataset: string; collection: string; code: string }>;
}

/**
 * Builds the access document: the subject's rows per collection, and for each category
 * found the purposes it serves with their legal basis, the recipients it goes to, its
 * retention rules, its source and the transfers abroad that may carry it with their
 * safeguards, all from the manifest.
 */
export function accessDocument(
  manifest: Manifest,
  meta: { requestId: string; generatedAt: Date; identityKinds: string[] },
  collections: PackageCollection[],
  incomplete: AccessDocument['incomplete'],
): AccessDocument {
  const found = new Map<string, Set<string>>();
  for (const c of collections) {
    if (c.rows.length === 0) continue;
    for (const id of c.categories) {
      const set = found.get(id) ?? new Set<string>();
      set.add(`${c.dataset}.${c.collection}`);
      found.set(id, set);
    }
  }
  const categories: PackageCategory[] = manifest.categories
    .filter((c) => found.has(c.id))
    .map((c) => ({
      id: c.id,
      name: c.name,
      taxonomy: c.taxonomy,
      source: c.source,
      ...(c.sensitive !== undefined ? { sensitive: c.sensitive } : {}),
      purposes: manifest.purposes
        .filter((p) => p.categories.includes(c.id))
        .map((p) => ({ id: p.id, name: p.name, legalBasis: { ...p.legalBasis } as Record<string, string> })),
      recipients: manifest.recipients
        .filter((r) => r.categories.includes(c.id))
        .map((r) => ({
          id: r.id,
          name: r.name,
          kind: r.kind,
          ...(r.company ? { company: r.company } : {}),
          ...(r.country ? { country: r.country } : {}),
        })),
      retention: manifest.retention.rules
        .filter((r) => r.categories.includes(c.id))
        .map((r) => ({
          rule: r.id,
          ...(r.duration ? { duration: { ...r.duration } } : {}),
          anchor: r.anchor,
          action: retentionActions(r).join(' or '),
          criteria: r.criteria,
        })),
      transfers: manifest.transfers.transfers
        .filter((t) => t.categories.length === 0 || t.categories.includes(c.id))
        .map((t) => ({
          id: t.id,
          ...(t.from ? { from: t.from } : {}),
          to: t.to,
          recipients: [...t.recipients],
          mechanisms: [...t.mechanisms],
          ...(t.description ? { description: t.description } : {}),
        })),
      foundIn: [...(found.get(c.id) ?? [])],
    }));
  return {
    format: 'pledge-access-package/1',
    generatedAt: meta.generatedAt.toISOString(),
    requestId: meta.requestId,
    policy: { id: manifest.policy.id, version: manifest.policy.version },
    controller: {
      name: manifest.controller.name,
      contacts: manifest.controller.contacts.map((c) => ({ kind: c.kind, value: c.value })),
    },
    storage: [...manifest.transfers.storage],
    identityKinds: meta.identityKinds,
    collections,
    categories,
    incomplete,
  };
}
