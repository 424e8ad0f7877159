export { builtinTaxonomy } from './builtin.js';
export { createTaxonomy } from './create-taxonomy.js';
export { renderTaxonomyDocs } from './docs.js';
export type { ResolvedExtensions, TaxonomyExtensions } from './extensions.js';
export type { Sensitivity, Taxonomy, TaxonomyEntry, TaxonomyKind, TaxonomyOrigin } from './types.js';
