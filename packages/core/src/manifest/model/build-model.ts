import { getJurisdiction } from '../../jurisdictions/index.js';
import type { Jurisdiction } from '../../jurisdictions/types.js';
import { createTaxonomy } from '../../taxonomy/create-taxonomy.js';
import type { Taxonomy } from '../../taxonomy/types.js';
import type { ContactChannel } from '../schema/controller.js';
import type { DataCategory, JurisdictionKey, Manifest } from '../schema/index.js';
import { type PerJurisdictionValue, valueFor } from './per-jurisdiction.js';
import { stated } from './stated.js';

type Entry<K extends keyof Manifest> = NonNullable<Manifest[K]> extends ReadonlyArray<infer U> ? U : never;

/**
 * One resolved view of a manifest that lint, render, diff, ROPA and decide share: id maps, the
 * taxonomy with the manifest's extensions, the jurisdictions addressed, per-jurisdiction values,
 * sensitivity, and whether a field was stated. Frozen; build it once per manifest.
 */
export interface ManifestModel {
  readonly manifest: Manifest;
  /** Built-in taxonomy plus the manifest's extensions. */
  readonly taxonomy: Taxonomy;
  /** Rules of the jurisdictions the policy addresses (`policy.jurisdictions`), in manifest order. */
  readonly jurisdictions: ReadonlyArray<Jurisdiction>;
  /** Entries by id; where ids repeat the first wins (`id.duplicate` reports the rest). */
  readonly categories: ReadonlyMap<string, Entry<'categories'>>;
  readonly purposes: ReadonlyMap<string, Entry<'purposes'>>;
  readonly recipients: ReadonlyMap<string, Entry<'recipients'>>;
  readonly trackers: ReadonlyMap<string, Entry<'trackers'>>;
  readonly permissions: ReadonlyMap<string, Entry<'permissions'>>;
  readonly datasets: ReadonlyMap<string, Entry<'datasets'>>;
  readonly contacts: ReadonlyMap<string, ContactChannel>;
  readonly legalHolds: ReadonlyMap<string, Manifest['retention']['legalHolds'][number]>;
  /** The value that applies in a jurisdiction: its override, else the default. */
  valueFor<T>(value: PerJurisdictionValue<T>, jurisdiction: JurisdictionKey): T;
  /**
   * Jurisdictions (among the policy's) an entry with a `jurisdictions` list applies to:
   * an empty list means all of the policy's jurisdictions.
   */
  scope(keys: ReadonlyArray<JurisdictionKey>): Jurisdiction[];
  /**
   * Whether a category (an id or the entry) is sensitive in a jurisdiction or, without one, by
   * the manifest and taxonomy alone. The category's own `sensitive` flag wins; then the
   * jurisdiction's list of sensitive taxonomy keys; then the taxonomy's sensitivity, inherited
   * from the nearest ancestor that sets one. An unknown id is not sensitive.
   */
  sensitivityOf(category: string | DataCategory, jurisdiction?: Jurisdiction): boolean;
  /**
   * The taxonomy key of a manifest category or purpose id and its ancestors, nearest first;
   * undefined for an unknown id.
   */
  taxonomyOf(kind: 'category' | 'purpose', id: string): { key: string; ancestors: string[] } | undefined;
  /** Whether a taxonomy key is `ancestor` or descends from it, in the given kind. */
  isUnder(key: string, ancestor: string, kind: 'category' | 'purpose'): boolean;
  /**
   * Whether the manifest states the value at `path` (`signals.globalPrivacyControl`,
   * `trackers[2].essential`). Promise-like fields (see `PROMISE_FIELDS`) are undefined when
   * left out, so this tells silence from a stated value.
   */
  stated(path: string): boolean;
}

function byId<T extends { id: string }>(list: ReadonlyArray<T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of list) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

/** Builds the {@link ManifestModel} of a validated manifest. Pure. */
export function buildModel(manifest: Manifest): ManifestModel {
  const taxonomy = createTaxonomy(manifest.taxonomy);
  const jurisdictions: Jurisdiction[] = [];
  for (const key of new Set(manifest.policy.jurisdictions)) {
    const jurisdiction = getJurisdiction(key);
    if (jurisdiction) jurisdictions.push(jurisdiction);
  }
  const categories = byId(manifest.categories);
  const purposes = byId(manifest.purposes);

  const sensitivityOf = (ref: string | DataCategory, jurisdiction?: Jurisdiction): boolean => {
    const category = typeof ref === 'string' ? categories.get(ref) : ref;
    if (!category) return false;
    if (category.sensitive !== undefined) return category.sensitive;
    const listed = jurisdiction?.sensitive.categories.value ?? [];
    if (jurisdiction && listed.length > 0) {
      return listed.some((key) => taxonomy.isUnder(category.taxonomy, key, 'category'));
    }
    return taxonomy.isSensitive(category.taxonomy);
  };

  return Object.freeze({
    manifest,
    taxonomy,
    jurisdictions: Object.freeze(jurisdictions),
    categories,
    purposes,
    recipients: byId(manifest.recipients),
    trackers: byId(manifest.trackers),
    permissions: byId(manifest.permissions),
    datasets: byId(manifest.datasets),
    contacts: byId(manifest.controller.contacts),
    legalHolds: byId(manifest.retention.legalHolds),
    valueFor,
    scope: (keys: ReadonlyArray<JurisdictionKey>) =>
      keys.length === 0 ? [...jurisdictions] : jurisdictions.filter((j) => keys.includes(j.key)),
    sensitivityOf,
    taxonomyOf: (kind: 'category' | 'purpose', id: string) => {
      const key = (kind === 'category' ? categories : purposes).get(id)?.taxonomy;
      return key === undefined ? undefined : { key, ancestors: taxonomy.ancestors(key, kind) };
    },
    isUnder: (key: string, ancestor: string, kind: 'category' | 'purpose') =>
      key === ancestor || taxonomy.isUnder(key, ancestor, kind),
    stated: (path: string) => stated(manifest, path),
  });
}
