export {
  LEDGER_ACTORS,
  LEDGER_EVENT_TYPES,
  type LedgerActor,
  type LedgerEventType,
  PRIVACY_SIGNALS,
  type PrivacySignal,
} from './event-types.js';
