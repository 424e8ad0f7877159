import type { LocalText } from '../manifest/schema/common';

/** Sensitivity of a category, as the strictest supported law sees it. */
export type Sensitivity = 'none' | 'personal' | 'sensitive';

/** Kinds of taxonomy entries. */
export type TaxonomyKind = 'category' | 'purpose' | 'subject' | 'legal-basis';

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
  /** fideslang key this entry corresponds to (usually equal to `key`). */
  fideslang: string;
}
