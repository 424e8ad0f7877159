import type { Manifest } from '../manifest/schema/index.js';

/** Codes of details: differences no family reports, field by field, never material. */
export const DETAIL_CHANGE_CODES = [
  'field-changed',
  'entry-added',
  'entry-removed',
  'order-changed',
] as const;
export type DetailChangeCode = (typeof DETAIL_CHANGE_CODES)[number];

/** Whether a change is a detail (see {@link DETAIL_CHANGE_CODES}) rather than a family's finding. */
export function isDetailChange(change: Pick<Change, 'code'>): boolean {
  return (DETAIL_CHANGE_CODES as readonly string[]).includes(change.code);
}

/** Stable codes of the changes {@link diffManifests} reports. */
export type ChangeCode =
  | 'purpose-added'
  | 'purpose-removed'
  | 'purpose-categories-widened'
  | 'purpose-use-extended'
  | 'legal-basis-changed'
  | 'consent-mode-weakened'
  | 'consent-mode-strengthened'
  | 'recipient-added'
  | 'recipient-categories-widened'
  | 'recipient-purposes-widened'
  | 'recipient-country-changed'
  | 'category-added'
  | 'retention-longer'
  | 'retention-anchor-changed'
  | 'right-removed'
  | 'right-reduced'
  | 'deadline-longer'
  | 'fee-added'
  | 'rights-promise-removed'
  | 'transfer-added'
  | 'localisation-removed'
  | 'minors-threshold-lowered'
  | 'age-verification-weakened'
  | 'tracker-added'
  | 'signal-dropped'
  | 'security-weakened'
  | 'breach-notice-weakened'
  | 'controller-changed'
  | 'legal-hold-added'
  | 'legal-hold-widened'
  | DetailChangeCode;

/**
 * Whose fresh consent a change needs before it takes effect.
 * - `none`: a notice is enough (or nothing at all).
 * - `all-subjects`: everyone the policy covers.
 * - `subjects-of-purpose`: the subjects whose data `affected.purposes` process.
 * - `subjects-of-category`: the subjects whose data of `affected.categories` is processed.
 */
export type ConsentFrom = 'none' | 'all-subjects' | 'subjects-of-purpose' | 'subjects-of-category';

/** What a change touches, by manifest id. */
export interface ChangeScope {
  purposes?: string[];
  categories?: string[];
  recipients?: string[];
  /** Set when the consent need only arises in some jurisdictions. */
  jurisdictions?: string[];
}

/** One change between two versions of a policy. */
export interface Change {
  code: ChangeCode;
  /** Path in the new manifest; for removals, the path the entry had in the old one. */
  path: string;
  /** Names ids only, never personal data. */
  message: string;
  /** Whether subjects must be told before it takes effect (the policy's "material change"). */
  material: boolean;
  /** Whether the change needs fresh consent; who from is `consentFrom`. */
  needsConsent: boolean;
  consentFrom: ConsentFrom;
  affected: ChangeScope;
}

/** The two manifests being compared; every change family is a function of this pair. */
export interface DiffPair {
  before: Manifest;
  after: Manifest;
}

/** A change family: one kind of manifest section compared between two versions. */
export type ChangeFamily = (pair: DiffPair) => Change[];
