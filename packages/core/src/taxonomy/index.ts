export { builtinTaxonomy } from './builtin';
export { createTaxonomy } from './create-taxonomy';
export type { ResolvedExtensions, TaxonomyExtensions } from './extensions';
export type { Sensitivity, Taxonomy, TaxonomyEntry, TaxonomyKind, TaxonomyOrigin } from './types';
