import type { LegalBasis } from '@pledge/core';

/**
 * Deny reason codes, in the order they are reported. The position of a code is its bit in a
 * deny bitmask (`1 << position`), so a set of reasons is one integer on the hot path.
 * Codes are stable: new ones are appended, never renumbered or renamed.
 */
export const DENY_REASONS = Object.freeze([
  'deny.invalid-request',
  'deny.unknown-purpose',
  'deny.unknown-category',
  'deny.unknown-jurisdiction',
  'deny.recipient-not-declared',
  'deny.category-not-declared',
  'deny.restricted',
  'deny.minor-barred',
  'deny.guardian-consent-required',
  'deny.consent-withdrawn',
  'deny.consent-needs-renewal',
  'deny.separate-consent-required',
  'deny.no-consent',
  'deny.recipient-consent-required',
  'deny.opted-out',
  'deny.gpc',
  'deny.dnt',
  'deny.objection',
  'deny.recipient-purpose-not-declared',
  'deny.recipient-category-not-declared',
  'deny.recipient-contract-missing',
  'deny.transfer-localised',
  'deny.transfer-undeclared',
] as const);

/** Why a request was denied. */
export type DenyReason = (typeof DENY_REASONS)[number];

/**
 * Why a request was allowed: `ok.<legal basis>` (e.g. `ok.consent`, `ok.contract`), plus
 * `ok.guardian-consent` when a guardian's consent stood in for a minor's.
 */
export type AllowReason = `ok.${LegalBasis}` | 'ok.guardian-consent';

/** A stable reason code of a decision. */
export type ReasonCode = DenyReason | AllowReason;

export const D_INVALID_REQUEST = 1 << 0;
export const D_UNKNOWN_PURPOSE = 1 << 1;
export const D_UNKNOWN_CATEGORY = 1 << 2;
export const D_UNKNOWN_JURISDICTION = 1 << 3;
export const D_RECIPIENT_NOT_DECLARED = 1 << 4;
export const D_CATEGORY_NOT_DECLARED = 1 << 5;
export const D_RESTRICTED = 1 << 6;
export const D_MINOR_BARRED = 1 << 7;
export const D_GUARDIAN_REQUIRED = 1 << 8;
export const D_CONSENT_WITHDRAWN = 1 << 9;
export const D_NEEDS_RENEWAL = 1 << 10;
export const D_SEPARATE_REQUIRED = 1 << 11;
export const D_NO_CONSENT = 1 << 12;
export const D_RECIPIENT_CONSENT_REQUIRED = 1 << 13;
export const D_OPTED_OUT = 1 << 14;
export const D_GPC = 1 << 15;
export const D_DNT = 1 << 16;
export const D_OBJECTION = 1 << 17;
export const D_RECIPIENT_PURPOSE = 1 << 18;
export const D_RECIPIENT_CATEGORY = 1 << 19;
export const D_CONTRACT_MISSING = 1 << 20;
export const D_TRANSFER_LOCALISED = 1 << 21;
export const D_TRANSFER_UNDECLARED = 1 << 22;

/** Every deny bit. Bits above it are free for side facts of an evaluation (see `evaluate`). */
export const DENY_BITS = (1 << DENY_REASONS.length) - 1;

/** The reason codes of a deny bitmask, in {@link DENY_REASONS} order. */
export function denyReasonsOf(bits: number): DenyReason[] {
  const out: DenyReason[] = [];
  for (let i = 0; i < DENY_REASONS.length; i++) {
    if ((bits >>> i) & 1) out.push(DENY_REASONS[i]!);
  }
  return out;
}
