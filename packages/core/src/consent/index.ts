export { type RenewalVersion, renewalCheck } from './renewal-check.js';
export { purposesNeedingRenewal } from './renewal-purposes.js';
