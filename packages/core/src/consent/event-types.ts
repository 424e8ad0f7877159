/**
 * Kinds of consent-ledger events: the one list. The store records them, the decision engine
 * folds them into a subject's state, and the wire schemas (`@pledge/protocol`) accept them.
 */
export const LEDGER_EVENT_TYPES = [
  'consent-given',
  'consent-withdrawn',
  'implied-acceptance',
  'guardian-consent',
  'objection',
  'objection-lifted',
  'restriction',
  'restriction-lifted',
  'signal-seen',
  'opt-out',
  'policy-accepted',
] as const;
/** One kind of consent-ledger event. */
export type LedgerEventType = (typeof LEDGER_EVENT_TYPES)[number];

/** Who recorded a ledger event. */
export const LEDGER_ACTORS = ['subject', 'guardian', 'officer', 'system'] as const;
/** One of {@link LEDGER_ACTORS}. */
export type LedgerActor = (typeof LEDGER_ACTORS)[number];

/** Browser privacy signals a `signal-seen` event names. */
export const PRIVACY_SIGNALS = ['gpc', 'dnt'] as const;
/** One of {@link PRIVACY_SIGNALS}. */
export type PrivacySignal = (typeof PRIVACY_SIGNALS)[number];

/**
 * How a consent event was expressed (`method`): the one list. The wire schemas accept only
 * these, so the ledger holds no free text a caller could fill with personal data.
 */
export const CONSENT_METHODS = [
  'api',
  'banner',
  'form',
  'signup-form',
  'privacy-center',
  'email',
  'phone',
  'in-person',
  'paper',
  'header',
  'signal',
  'use-of-service',
  'dsr',
  'officer-entry',
  'import',
] as const;
/** One of {@link CONSENT_METHODS}. */
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Where a consent event came from (`source`): the one list. */
export const CONSENT_SOURCES = [
  'api',
  'web',
  'app',
  'email',
  'phone',
  'in-person',
  'paper',
  'console',
  'cli',
  'officer',
  'use-of-service',
  'import',
] as const;
/** One of {@link CONSENT_SOURCES}. */
export type ConsentSource = (typeof CONSENT_SOURCES)[number];
