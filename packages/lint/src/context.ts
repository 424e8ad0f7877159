import {
  type ContactChannel,
  createTaxonomy,
  getJurisdiction,
  type Jurisdiction,
  type JurisdictionKey,
  type Manifest,
  type Taxonomy,
} from '@pledge/core';

type Entry<K extends keyof Manifest> = Manifest[K] extends ReadonlyArray<infer U> ? U : never;

/** A value given per jurisdiction, as the schema normalises it. */
export type PerJurisdiction<T> = { default: T } & Partial<Record<JurisdictionKey, T>>;

/** Everything rules share, computed once per manifest. */
export interface LintContext {
  readonly manifest: Manifest;
  /** Built-in taxonomy plus the manifest's extensions. */
  readonly taxonomy: Taxonomy;
  /** Rules of the jurisdictions the policy addresses (`policy.jurisdictions`), in manifest order. */
  readonly jurisdictions: ReadonlyArray<Jurisdiction>;
  readonly categories: ReadonlyMap<string, Entry<'categories'>>;
  readonly purposes: ReadonlyMap<string, Entry<'purposes'>>;
  readonly recipients: ReadonlyMap<string, Entry<'recipients'>>;
  readonly trackers: ReadonlyMap<string, Entry<'trackers'>>;
  readonly permissions: ReadonlyMap<string, Entry<'permissions'>>;
  readonly datasets: ReadonlyMap<string, Entry<'datasets'>>;
  readonly contacts: ReadonlyMap<string, ContactChannel>;
  readonly legalHolds: ReadonlyMap<string, Manifest['retention']['legalHolds'][number]>;
  /** The value that applies in a jurisdiction: its override, else the default. */
  valueIn<T>(value: PerJurisdiction<T>, jurisdiction: JurisdictionKey): T;
  /**
   * Jurisdictions (among the policy's) an entry with a `jurisdictions` list applies to:
   * an empty list means all of the policy's jurisdictions.
   */
  scope(keys: ReadonlyArray<JurisdictionKey>): Jurisdiction[];
  /**
   * True when the manifest category with this id is sensitive in the jurisdiction (or, without
   * one, under the strictest supported law). The category's own `sensitive` flag wins; otherwise
   * the jurisdiction's list of sensitive taxonomy keys, and the taxonomy's sensitivity as a
   * fallback for jurisdictions whose list is empty.
   */
  isSensitive(categoryId: string, jurisdiction?: Jurisdiction): boolean;
}

function byId<T extends { id: string }>(list: ReadonlyArray<T>): Map<string, T> {
  const map = new Map<string, T>();
  // The first entry wins; duplicates are reported by `id.duplicate`.
  for (const item of list) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

/** Precomputes id maps, the taxonomy and the applicable jurisdictions for the rules. */
export function createLintContext(manifest: Manifest): LintContext {
  const taxonomy = createTaxonomy(manifest.taxonomy);
  const jurisdictions: Jurisdiction[] = [];
  for (const key of new Set(manifest.policy.jurisdictions)) {
    const jurisdiction = getJurisdiction(key);
    if (jurisdiction) jurisdictions.push(jurisdiction);
  }
  const categories = byId(manifest.categories);

  const isSensitive = (categoryId: string, jurisdiction?: Jurisdiction): boolean => {
    const category = categories.get(categoryId);
    if (!category) return false;
    if (category.sensitive !== undefined) return category.sensitive;
    const listed = jurisdiction?.sensitive.categories.value ?? [];
    if (jurisdiction && listed.length > 0) {
      return listed.some((key) => taxonomy.isUnder(category.taxonomy, key, 'category'));
    }
    return taxonomy.isSensitive(category.taxonomy);
  };

  return {
    manifest,
    taxonomy,
    jurisdictions,
    categories,
    purposes: byId(manifest.purposes),
    recipients: byId(manifest.recipients),
    trackers: byId(manifest.trackers),
    permissions: byId(manifest.permissions),
    datasets: byId(manifest.datasets),
    contacts: byId(manifest.controller.contacts),
    legalHolds: byId(manifest.retention.legalHolds),
    valueIn: (value, jurisdiction) => value[jurisdiction] ?? value.default,
    scope: (keys) =>
      keys.length === 0 ? [...jurisdictions] : jurisdictions.filter((j) => keys.includes(j.key)),
    isSensitive,
  };
}
