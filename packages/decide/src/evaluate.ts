import {
  LEVEL_EXPLICIT,
  LEVEL_IMPLIED,
  LEVEL_SEPARATE,
  MODE_NONE,
  MODE_OPT_OUT,
  SLOT_COUNT,
} from './codes.js';
import {
  C_SENSITIVE,
  C_SENSITIVE_HERE,
  C_STRIDE,
  C_TRACKED,
  C_UNDECLARED,
  C_UNKNOWN,
  R_GPC,
  R_GUARDIAN_AGE_SHIFT,
  R_LAW_AGE,
  R_LEVEL_SHIFT,
  R_MODE,
  R_OBJECTABLE,
  R_RULE_AGE_SHIFT,
  R_SALE_SHARE,
  R_TRACKING,
} from './engine-tables.js';
import type { PackedSubject } from './packed-subject.js';
import type { CompiledPolicy } from './policy.js';
import {
  D_CATEGORY_NOT_DECLARED,
  D_CONSENT_WITHDRAWN,
  D_DNT,
  D_GPC,
  D_GUARDIAN_REQUIRED,
  D_MINOR_BARRED,
  D_NEEDS_RENEWAL,
  D_NO_CONSENT,
  D_OBJECTION,
  D_OPTED_OUT,
  D_RECIPIENT_CONSENT_REQUIRED,
  D_RESTRICTED,
  D_SEPARATE_REQUIRED,
  D_UNKNOWN_CATEGORY,
} from './reasons.js';
import { checkRoute, route } from './route-check.js';
import {
  F_GUARDIAN,
  F_LEVEL,
  F_OBJECTION,
  F_OPTED_OUT,
  F_RENEWAL,
  F_RESTRICTED,
  F_WITHDRAWN,
  H_ACCEPTANCE_RENEWAL,
  H_ACCEPTED,
  H_DNT,
  H_GPC,
  H_RESTRICTED_ALL,
  H_RESTRICTED_CATEGORIES,
  restrictedWord,
} from './subject-layout.js';

/** Result bits of {@link evaluate} above the deny bits: a guardian's consent stood in for the subject's. */
export const O_GUARDIAN = 1 << 28;
/** The subject is in a guardian-guidance age band. */
export const O_GUIDANCE = 1 << 29;
/** A sensitive category is used. */
export const O_SENSITIVE = 1 << 30;

/**
 * Applies every rule to one request and returns the deny bits (0: allowed) together with
 * the `O_*` facts the allow decision needs. Indexes must be in range (the callers check);
 * `recipient` is -1 for none, `destination` an upper-case ISO country code or undefined.
 */
export function evaluate(
  policy: CompiledPolicy,
  p: number,
  slot: number,
  mask: Uint32Array,
  subject: PackedSubject,
  recipient: number,
  destination: string | undefined,
): number {
  const engine = policy.engine;
  const words = engine.words;
  const table = engine.at;
  const row = (p * SLOT_COUNT + slot) * engine.stride;
  const rule = table[row]!;
  const state = subject.packed;
  const header = subject.header;
  const flags = state.charCodeAt(p) & 0xff;
  const restrictedAt = engine.restrictedAt;
  const restricted = (header & H_RESTRICTED_CATEGORIES) !== 0;
  let bits = 0;
  let sensitive = 0;
  let sensitiveHere = 0;
  let tracked = 0;

  for (let w = 0, c = row + 1; w < words; w++, c += C_STRIDE) {
    const m = (mask[w] ?? 0) | 0;
    if (m === 0) continue;
    if ((m & table[c + C_UNKNOWN]!) !== 0) bits |= D_UNKNOWN_CATEGORY;
    if ((m & table[c + C_UNDECLARED]!) !== 0) bits |= D_CATEGORY_NOT_DECLARED;
    sensitive |= m & table[c + C_SENSITIVE]!;
    sensitiveHere |= m & table[c + C_SENSITIVE_HERE]!;
    tracked |= m & table[c + C_TRACKED]!;
    if (restricted && (m & restrictedWord(state, restrictedAt, w)) !== 0) bits |= D_RESTRICTED;
  }
  for (let w = words; w < mask.length; w++) if (mask[w] !== 0) bits |= D_UNKNOWN_CATEGORY;
  if ((header & H_RESTRICTED_ALL) !== 0 || (flags & F_RESTRICTED) !== 0) bits |= D_RESTRICTED;

  const jurisdiction = policy.jurisdiction;
  const mode = rule & R_MODE;
  let level = (rule >>> R_LEVEL_SHIFT) & 0b11;
  const age = subject.age;
  let minor = false;
  let result = sensitive !== 0 ? O_SENSITIVE : 0;
  if (age !== undefined) {
    if (age < jurisdiction.barredBelow[slot]!) bits |= D_MINOR_BARRED;
    let guardianAge = (rule >>> R_GUARDIAN_AGE_SHIFT) & 0xff;
    // A national age (GDPR Art. 8(1)) replaces the law's general one for a subject of that country.
    const national =
      (rule & R_LAW_AGE) !== 0 && subject.region !== undefined
        ? jurisdiction.regionAges[slot]?.get(subject.region)
        : undefined;
    if (national !== undefined) guardianAge = Math.max((rule >>> R_RULE_AGE_SHIFT) & 0x7f, national);
    minor = age < guardianAge;
    if ((rule & R_SALE_SHARE) !== 0 && age < jurisdiction.saleBarredBelow[slot]!) bits |= D_MINOR_BARRED;
    if (age < jurisdiction.guidanceBelow[slot]!) result |= O_GUIDANCE;
    if (level < LEVEL_EXPLICIT && (rule & R_SALE_SHARE) !== 0 && age < jurisdiction.saleOptInBelow[slot]!) {
      level = LEVEL_EXPLICIT;
    }
  }
  if (sensitiveHere !== 0 && mode !== MODE_NONE) level = Math.max(level, jurisdiction.sensitiveLevel[slot]!);
  let recipientConsent = false;
  if (recipient >= 0 || destination !== undefined) {
    bits |= checkRoute(policy, p, slot, mask, recipient, destination, mode, level);
    level = route.level;
    recipientConsent = route.recipientConsent;
  }

  const given = flags & F_LEVEL;
  const valid = given !== 0 && (flags & F_RENEWAL) === 0;
  let guardian = false;
  if (minor) {
    if ((flags & F_GUARDIAN) !== 0) guardian = true;
    else bits |= D_GUARDIAN_REQUIRED;
  } else if (level > 0 && !(valid && given >= level) && !acceptedImplicitly(header, flags, level)) {
    bits |= consentFailure(header, flags, level, recipientConsent);
  }

  if ((flags & F_OPTED_OUT) !== 0 && (mode !== MODE_NONE || (rule & R_SALE_SHARE) !== 0)) bits |= D_OPTED_OUT;
  if (mode === MODE_OPT_OUT && (flags & F_WITHDRAWN) !== 0) bits |= D_OPTED_OUT;
  // An explicit choice for this very purpose outranks a browser signal.
  if (!(guardian || (valid && given >= LEVEL_EXPLICIT))) {
    if ((header & H_GPC) !== 0 && (rule & R_GPC) !== 0) bits |= D_GPC;
    if ((header & H_DNT) !== 0 && engine.doNotTrack && ((rule & R_TRACKING) !== 0 || tracked !== 0)) {
      bits |= D_DNT;
    }
  }
  if ((flags & F_OBJECTION) !== 0 && (rule & R_OBJECTABLE) !== 0) bits |= D_OBJECTION;
  return bits | result | (guardian ? O_GUARDIAN : 0);
}

/** Acceptance of the whole policy (use of the service) satisfies an implied-consent requirement. */
function acceptedImplicitly(header: number, flags: number, level: number): boolean {
  return (
    level === LEVEL_IMPLIED && (header & H_ACCEPTED) !== 0 && (flags & (F_WITHDRAWN | F_OPTED_OUT)) === 0
  );
}

/** The most specific reason a required consent is missing. */
function consentFailure(header: number, flags: number, level: number, recipientConsent: boolean): number {
  if ((flags & F_WITHDRAWN) !== 0) return D_CONSENT_WITHDRAWN;
  const given = flags & F_LEVEL;
  if (
    ((flags & F_RENEWAL) !== 0 && given >= level) ||
    (level === LEVEL_IMPLIED && (header & H_ACCEPTANCE_RENEWAL) !== 0 && given === 0)
  ) {
    return D_NEEDS_RENEWAL;
  }
  if (level === LEVEL_SEPARATE) return D_SEPARATE_REQUIRED;
  return recipientConsent && level === LEVEL_EXPLICIT ? D_RECIPIENT_CONSENT_REQUIRED : D_NO_CONSENT;
}
