/**
 * `@pledge/requests`: the case a data-subject request is, from receipt to its answer.
 * @packageDocumentation
 */

export * from './verification/index.js';
export { REQUEST_STATES, type RequestState } from './workflow/states.js';
