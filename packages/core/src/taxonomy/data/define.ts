import type { Sensitivity, TaxonomyEntry, TaxonomyKind, TaxonomyOrigin } from '../types.js';

/** Namespace of the DPV core vocabulary. */
export const DPV = 'https://w3id.org/dpv#';
/** Namespace of the DPV personal-data extension. */
export const PD = 'https://w3id.org/dpv/pd#';
/** Namespace of the DPV EU GDPR extension. */
export const EU_GDPR = 'https://w3id.org/dpv/legal/eu/gdpr#';

/** IRI of a DPV core term. */
export const dpv = (term: string): string => `${DPV}${term}`;
/** IRI of a DPV personal-data term. */
export const pd = (term: string): string => `${PD}${term}`;
/** IRI of a DPV EU GDPR term. */
export const gdpr = (term: string): string => `${EU_GDPR}${term}`;

/** Optional fields of an entry. */
export interface EntryOptions {
  sensitivity?: Sensitivity;
  /** The DPV IRI is a broader concept than the entry. */
  broader?: boolean;
  dpvLegal?: string;
  fideslang?: string;
  origin?: TaxonomyOrigin;
  replacedBy?: string;
}

/** The parent of a dotted key: everything before the last dot. */
function parentOf(key: string): string | undefined {
  const dot = key.lastIndexOf('.');
  return dot === -1 ? undefined : key.slice(0, dot);
}

/** Builds an entry; the parent is derived from the dotted key, as in fideslang. */
export function entry(
  kind: TaxonomyKind,
  key: string,
  en: string,
  zh: string,
  dpvIri: string,
  options: EntryOptions = {},
): TaxonomyEntry {
  const result: TaxonomyEntry = {
    kind,
    key,
    name: { en, 'zh-CN': zh },
    dpv: dpvIri,
    fideslang: options.fideslang ?? key,
  };
  const parent = kind === 'category' || kind === 'purpose' ? parentOf(key) : undefined;
  if (parent !== undefined) result.parent = parent;
  if (options.sensitivity !== undefined) result.sensitivity = options.sensitivity;
  if (options.broader) result.dpvMatch = 'broader';
  if (options.dpvLegal !== undefined) result.dpvLegal = options.dpvLegal;
  if (options.origin !== undefined && options.origin !== 'fideslang') result.origin = options.origin;
  if (options.replacedBy !== undefined) result.replacedBy = options.replacedBy;
  return result;
}

/** A data category. */
export const category = (key: string, en: string, zh: string, iri: string, options?: EntryOptions) =>
  entry('category', key, en, zh, iri, options);

/** A purpose (fideslang data use). */
export const purpose = (key: string, en: string, zh: string, iri: string, options?: EntryOptions) =>
  entry('purpose', key, en, zh, iri, options);

/** A data subject. */
export const subject = (key: string, en: string, zh: string, iri: string, options?: EntryOptions) =>
  entry('subject', key, en, zh, iri, options);

/** Shorthand options. */
export const SENSITIVE: EntryOptions = { sensitivity: 'sensitive' };
export const BROADER: EntryOptions = { broader: true };
/** A fideslang 2.x key deprecated in fideslang 3.2 in favour of `replacedBy`. */
export const deprecated = (replacedBy: string, options: EntryOptions = {}): EntryOptions => ({
  ...options,
  replacedBy,
});
