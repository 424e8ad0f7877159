/**
 * The zod-free part of the manifest model, for run-time packages (decide) that must not load the
 * schema: run-time defaults of promise-like fields, per-jurisdiction values, taxonomy paths.
 */
export { PROMISE_FIELDS, type PromiseField, retentionActions, runtimeDefault } from './defaults.js';
export { keyFor, overridesOf, type PerJurisdictionValue, valueFor } from './per-jurisdiction.js';
export { type HierarchyLookup, isAtOrUnder } from './taxonomy-path.js';
