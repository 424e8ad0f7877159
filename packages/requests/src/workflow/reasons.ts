/**
 * Grounds on which a request may be refused. A refusal names at least one (a refusal with no
 * ground is invalid). `unreasonably-repeated` through `legal-exemption` are the grounds policies
 * list (repeated requests, disproportionate technical effort, risk to others' rights, impractical
 * such as backup tapes, exemptions in law); the rest are the engine's own.
 */
export const DENIAL_GROUNDS = [
  'identity-not-verified',
  'agent-not-authorised',
  'unreasonably-repeated',
  'manifestly-unfounded-or-excessive',
  'excessive-technical-effort',
  'risk-to-others',
  'impractical',
  'legal-exemption',
  'right-not-granted',
  'form-not-accepted',
  'not-specific-after-clarification',
] as const;

/** One of {@link DENIAL_GROUNDS}. */
export type DenialGround = (typeof DENIAL_GROUNDS)[number];

/** Reasons recorded when the deadline is extended (complexity and number of requests: GDPR Art. 12(3)). */
export const EXTENSION_REASONS = [
  'complexity',
  'number-of-requests',
  'material-review',
  'business-verification',
  'operational-procedures',
] as const;

/** One of {@link EXTENSION_REASONS}. */
export type ExtensionReason = (typeof EXTENSION_REASONS)[number];

/** Longest free text (a question, an explanation, a note) a transition accepts. */
export const MAX_REASON_TEXT = 2000;
