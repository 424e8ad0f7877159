import type { ConsentMode, JurisdictionKey, LegalBasis } from '@pledge/core';
import { JURISDICTION_KEYS, LEGAL_BASES } from '@pledge/core/vocabulary';

/**
 * Integer codes the compiled policy stores in typed arrays. The string forms stay the
 * public vocabulary; these codes only exist so the hot path compares small integers.
 */

/** Consent mode codes, in the order of {@link CONSENT_MODE_CODES}. */
export const MODE_NONE = 0;
export const MODE_IMPLIED = 1;
export const MODE_OPT_IN = 2;
export const MODE_SEPARATE = 3;
export const MODE_GUARDIAN = 4;
export const MODE_OPT_OUT = 5;

/** Consent modes by code. */
export const CONSENT_MODE_CODES: readonly ConsentMode[] = Object.freeze([
  'none',
  'implied',
  'opt-in',
  'separate',
  'guardian',
  'opt-out',
]);

/** Code of a consent mode. */
export function modeCode(mode: ConsentMode): number {
  return CONSENT_MODE_CODES.indexOf(mode);
}

/**
 * Strength of a consent, ordered: a stronger consent satisfies every weaker requirement.
 * 0 = none needed / none given, 1 = implied acceptance, 2 = explicit (opt-in), 3 = separate.
 */
export const LEVEL_NONE = 0;
export const LEVEL_IMPLIED = 1;
export const LEVEL_EXPLICIT = 2;
export const LEVEL_SEPARATE = 3;

/** Consent level a purpose's own mode requires of an adult (opt-out needs none until the subject objects). */
export function levelForMode(mode: number): number {
  switch (mode) {
    case MODE_IMPLIED:
      return LEVEL_IMPLIED;
    case MODE_OPT_IN:
    case MODE_GUARDIAN:
      return LEVEL_EXPLICIT;
    case MODE_SEPARATE:
      return LEVEL_SEPARATE;
    default:
      return LEVEL_NONE;
  }
}

/** Legal bases by code (the schema's enum order). */
export const LEGAL_BASIS_CODES: readonly LegalBasis[] = Object.freeze([...LEGAL_BASES]);

/** Code of a legal basis. */
export function legalBasisCode(basis: LegalBasis): number {
  return LEGAL_BASIS_CODES.indexOf(basis);
}

/** A jurisdiction slot: `default` is used when the subject's jurisdiction is not known. */
export type JurisdictionSlot = 'default' | JurisdictionKey;

/** Jurisdiction slots by index: 0 is `default`, then every supported jurisdiction. */
export const JURISDICTION_SLOTS: readonly JurisdictionSlot[] = Object.freeze([
  'default',
  ...JURISDICTION_KEYS,
]);

/** Number of jurisdiction slots; per-jurisdiction tables are `[index * SLOT_COUNT + slot]`. */
export const SLOT_COUNT = JURISDICTION_SLOTS.length;

/**
 * Slot of a jurisdiction key: 0 for `undefined` (unknown jurisdiction), -1 for a value that
 * is not a supported jurisdiction. A switch, not a map: it runs on every decision.
 */
export function jurisdictionSlot(key: string | undefined): number {
  switch (key) {
    case undefined:
    case 'default':
      return 0;
    case 'eu-gdpr':
      return 1;
    case 'uk-gdpr':
      return 2;
    case 'us-ca-ccpa':
      return 3;
    case 'cn-pipl':
      return 4;
    case 'br-lgpd':
      return 5;
    case 'us-co-cpa':
      return 6;
    case 'us-ct-ctdpa':
      return 7;
    case 'us-de-dpdpa':
      return 8;
    case 'us-md-modpa':
      return 9;
    case 'us-mn-mcdpa':
      return 10;
    case 'us-mt-mcdpa':
      return 11;
    case 'us-ne-dpdpa':
      return 12;
    case 'us-nh-pa':
      return 13;
    case 'us-nj-dpa':
      return 14;
    case 'us-or-ocpa':
      return 15;
    case 'us-tx-tdpsa':
      return 16;
    case 'us-va-vcdpa':
      return 17;
    case 'in-dpdp':
      return 18;
    default:
      return -1;
  }
}
