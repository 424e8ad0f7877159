export { type RenewalVersion, renewalCheck } from '@pledge/core';
export type { ConsentEventBody, DecideBody, RecordConsentBody } from '@pledge/protocol';
export * from './engine.js';
export * from './renewal.js';
