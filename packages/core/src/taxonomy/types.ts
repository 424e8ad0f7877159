import type { LocalText } from '../manifest/schema/common.js';
import type { Issue } from '../result/issue.js';

/** Sensitivity of a category, as the strictest supported law sees it. */
export type Sensitivity = 'none' | 'personal' | 'sensitive';

/** Kinds of taxonomy entries. */
export type TaxonomyKind = 'category' | 'purpose' | 'subject' | 'legal-basis';

/**
 * Where an entry comes from: the fideslang default taxonomy, Pledge itself (a key fideslang
 * lacks, such as the subject `child`), or a manifest's `taxonomy` extensions.
 */
export type TaxonomyOrigin = 'fideslang' | 'pledge' | 'manifest';

/** One entry of the built-in taxonomy (fideslang key space, mapped to W3C DPV). */
export interface TaxonomyEntry {
  kind: TaxonomyKind;
  /** Dotted fideslang key, e.g. `user.contact.email`, `marketing.advertising`. */
  key: string;
  /** Parent key; undefined for a root. */
  parent?: string;
  name: LocalText;
  /** Only for categories: sensitivity. Children inherit when omitted. */
  sensitivity?: Sensitivity;
  /** W3C Data Privacy Vocabulary IRI, e.g. `https://w3id.org/dpv/pd#EmailAddress`. */
  dpv: string;
  /**
   * How closely {@link TaxonomyEntry.dpv} matches: `exact`, or `broader` when DPV has no concept
   * this specific and the IRI names the nearest broader one. Omitted: `exact`.
   */
  dpvMatch?: 'exact' | 'broader';
  /** An IRI in a DPV legal extension, e.g. `https://w3id.org/dpv/legal/eu/gdpr#A6-1-a`. */
  dpvLegal?: string;
  /**
   * fideslang key this entry corresponds to (usually equal to `key`). For legal bases it is the
   * fideslang `LegalBasisForProcessingEnum` label. For entries of origin `pledge` or `manifest`,
   * which fideslang lacks, it is the nearest fideslang key (or the Pledge key when there is none).
   */
  fideslang: string;
  /** Omitted: `fideslang`. */
  origin?: TaxonomyOrigin;
  /** Set on fideslang keys deprecated in fideslang 3.2: the key that replaces it. */
  replacedBy?: string;
}

/** A taxonomy: the built-in entries plus a manifest's extensions, with lookups. */
export interface Taxonomy {
  /** Every entry: built-in first, then the accepted extensions. */
  readonly entries: ReadonlyArray<TaxonomyEntry>;
  /** Problems found in the extensions (unknown parent, duplicate key...); never thrown. */
  readonly issues: ReadonlyArray<Issue>;
  /** The entry of this kind and key, or undefined. */
  get(kind: TaxonomyKind, key: string): TaxonomyEntry | undefined;
  has(kind: TaxonomyKind, key: string): boolean;
  /**
   * Effective sensitivity of a category: its own, else the nearest ancestor's.
   * Undefined for an unknown key.
   */
  sensitivity(categoryKey: string): Sensitivity | undefined;
  /** True when the category's effective sensitivity is `sensitive`; false for unknown keys. */
  isSensitive(categoryKey: string): boolean;
  /**
   * Keys of the ancestors, nearest first (`user.contact.email` gives `user.contact`, `user`).
   * Empty for a root or an unknown key. Without `kind`, the key is looked up in categories, then
   * purposes, subjects and legal bases (the only key shared across kinds, `employment`, is a root
   * in both).
   */
  ancestors(key: string, kind?: TaxonomyKind): string[];
  /** True when `key` equals `ancestorKey` or descends from it (inclusive, like fideslang rule matching). */
  isUnder(key: string, ancestorKey: string, kind?: TaxonomyKind): boolean;
  /** Entries whose parent is `key`. */
  children(kind: TaxonomyKind, key: string): TaxonomyEntry[];
}
