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
