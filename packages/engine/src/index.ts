export { type RenewalVersion, renewalCheck } from '@pledge/core';
export * from './engine.js';
export * from './inputs.js';
export * from './renewal.js';
