import type { DataCategory, Taxonomy } from '@pledge/core';
import { inferredSource, slug } from './mappings.js';

/**
 * The manifest categories fideslang keys become: an existing category that maps the key
 * when there is one, else a new category whose id is the key made into an id.
 */
export class CategoryRegistry {
  readonly #taxonomy: Taxonomy;
  readonly #ids = new Map<string, string>();
  readonly #created = new Map<string, DataCategory>();
  readonly #taken = new Set<string>();
  readonly #used = new Map<string, string>();
  readonly #skipped = new Set<string>();

  constructor(taxonomy: Taxonomy, existing: ReadonlyArray<Pick<DataCategory, 'id' | 'taxonomy'>> = []) {
    this.#taxonomy = taxonomy;
    for (const category of existing) {
      this.#taken.add(category.id);
      if (!this.#ids.has(category.taxonomy)) this.#ids.set(category.taxonomy, category.id);
    }
  }

  /** The manifest id of a fideslang key, creating its category on first use. */
  idOf(key: string): string {
    const known = this.#ids.get(key);
    if (known !== undefined) {
      this.#used.set(key, known);
      return known;
    }
    const base = slug(key);
    let id = base;
    for (let n = 2; this.#taken.has(id); n++) id = `${base}-${n}`;
    this.#taken.add(id);
    this.#ids.set(key, id);
    this.#used.set(key, id);
    const entry = this.#taxonomy.get('category', key);
    const last = key.split('.').pop() ?? key;
    this.#created.set(key, {
      id,
      taxonomy: key,
      name: entry?.name ?? last.replace(/_/g, ' '),
      examples: [],
      source: inferredSource(this.#taxonomy, key),
      subjects: ['customer'],
      required: false,
    });
    return id;
  }

  /**
   * Whether a key names non-personal data (`system.*`): such keys describe no personal data
   * and get no manifest category. True only the first time, so the skip is reported once.
   */
  skipsFirstTime(key: string): boolean {
    if (this.#taxonomy.sensitivity(key) !== 'none' || this.#skipped.has(key)) return false;
    this.#skipped.add(key);
    return true;
  }

  /** Whether a key names personal data (or is unknown, which counts as personal). */
  isPersonal(key: string): boolean {
    return this.#taxonomy.sensitivity(key) !== 'none';
  }

  /** Categories created, keyed by fideslang key, in first-use order. */
  created(): Record<string, DataCategory> {
    return Object.fromEntries(this.#created);
  }

  /** Every key used and its manifest id. */
  ids(): Record<string, string> {
    return Object.fromEntries(this.#used);
  }
}
