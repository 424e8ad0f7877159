export {
  CONSENT_METHODS,
  CONSENT_SOURCES,
  type ConsentMethod,
  type ConsentSource,
  LEDGER_ACTORS,
  LEDGER_EVENT_TYPES,
  type LedgerActor,
  type LedgerEventType,
  PRIVACY_SIGNALS,
  type PrivacySignal,
} from './event-types.js';
export { type RenewalVersion, renewalCheck } from './renewal-check.js';
export { purposesNeedingRenewal } from './renewal-purposes.js';
