/**
 * `@pledge/core/vocabulary`: the manifest language's closed lists, with no schema library
 * behind them, for code that runs where zod and yaml should not be loaded.
 * @module
 */
export { JURISDICTION_KEYS, LEGAL_BASES } from './manifest/vocabulary.js';
