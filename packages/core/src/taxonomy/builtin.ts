import { systemCategories } from './data/categories-system.js';
import { userCategories } from './data/categories-user.js';
import { userSpecialCategories } from './data/categories-user-special.js';
import { legalBases } from './data/legal-bases.js';
import { purposes } from './data/purposes.js';
import { subjects } from './data/subjects.js';
import type { TaxonomyEntry } from './types.js';

/**
 * Every built-in taxonomy entry: fideslang data categories (`user.*`, `system.*`), data uses
 * (purposes), data subjects, and the manifest's legal bases, each with English and Simplified
 * Chinese names and a W3C DPV IRI. Deprecated fideslang 2.x keys are kept, with `replacedBy`.
 */
export const builtinTaxonomy: TaxonomyEntry[] = [
  ...systemCategories,
  ...userCategories,
  ...userSpecialCategories,
  ...purposes,
  ...subjects,
  ...legalBases,
];
