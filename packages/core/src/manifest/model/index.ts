export { buildModel, type ManifestModel } from './build-model.js';
export { canonicalSource } from './canonical.js';
export { PROMISE_FIELDS, type PromiseField, retentionActions, runtimeDefault } from './defaults.js';
export { keyFor, overridesOf, type PerJurisdictionValue, valueFor } from './per-jurisdiction.js';
export { stated } from './stated.js';
export { type HierarchyLookup, isAtOrUnder } from './taxonomy-path.js';
