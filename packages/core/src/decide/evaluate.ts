import { hasBit } from './bitset';
import { LEVEL_EXPLICIT, LEVEL_IMPLIED, LEVEL_SEPARATE, MODE_NONE, MODE_OPT_OUT, SLOT_COUNT } from './codes';
import type { AllowFacts } from './decision';
import type { CompiledPolicy } from './policy';
import {
  D_CATEGORY_NOT_DECLARED,
  D_CONSENT_WITHDRAWN,
  D_CONTRACT_MISSING,
  D_DNT,
  D_GPC,
  D_GUARDIAN_REQUIRED,
  D_MINOR_BARRED,
  D_NEEDS_RENEWAL,
  D_NO_CONSENT,
  D_OBJECTION,
  D_OPTED_OUT,
  D_RECIPIENT_CATEGORY,
  D_RECIPIENT_CONSENT_REQUIRED,
  D_RECIPIENT_PURPOSE,
  D_RESTRICTED,
  D_SEPARATE_REQUIRED,
  D_UNKNOWN_CATEGORY,
} from './reasons';
import type { SubjectState } from './subject-state';
import { checkTransfer, transferOutcome } from './transfer-check';

/**
 * Side outputs of the last {@link evaluate} call. Module scratch rather than a returned
 * object, so the hot path allocates nothing; read it right after the call.
 */
export const outcome: AllowFacts = {
  guardian: false,
  guidance: false,
  sensitive: false,
  recipient: -1,
  transfer: -1,
  destination: undefined,
};

/**
 * Applies every rule to one request and returns the deny bits (0: allowed). Indexes must be
 * in range (the callers check); `recipient` is -1 for none, `destination` an upper-case
 * ISO country code or undefined.
 */
export function evaluate(
  policy: CompiledPolicy,
  p: number,
  slot: number,
  mask: Uint32Array,
  subject: SubjectState,
  recipient: number,
  destination: string | undefined,
): number {
  const words = policy.categoryWords;
  const purpose = policy.purpose;
  const category = policy.category;
  const jurisdiction = policy.jurisdiction;
  const at = p * SLOT_COUNT + slot;
  const base = p * words;
  const restrictedCategories = subject.restrictedCategories;
  let bits = 0;
  let sensitive = false;
  let sensitiveHere = false;
  let trackedUse = purpose.tracking[p] === 1;
  const lawSensitive = slot * words;

  for (let w = 0; w < words; w++) {
    const m = mask[w] ?? 0;
    if (m === 0) continue;
    const valid = category.valid[w]!;
    if ((m & ~valid) !== 0) bits |= D_UNKNOWN_CATEGORY;
    if ((m & valid & ~purpose.categories[base + w]!) !== 0) bits |= D_CATEGORY_NOT_DECLARED;
    if ((m & category.sensitive[w]!) !== 0) sensitive = true;
    if ((m & category.sensitiveIn[lawSensitive + w]!) !== 0) sensitiveHere = true;
    if ((m & (restrictedCategories[w] ?? 0)) !== 0) bits |= D_RESTRICTED;
    if ((m & purpose.tracked[base + w]!) !== 0) trackedUse = true;
  }
  for (let w = words; w < mask.length; w++) if (mask[w] !== 0) bits |= D_UNKNOWN_CATEGORY;
  if (subject.restrictedAll || subject.restrictedPurposes[p] === 1) bits |= D_RESTRICTED;

  const age = subject.age;
  let minor = false;
  let guidance = false;
  if (age !== undefined) {
    if (age < jurisdiction.barredBelow[slot]!) bits |= D_MINOR_BARRED;
    minor = age < purpose.guardianAge[at]!;
    guidance = age < jurisdiction.guidanceBelow[slot]!;
  }

  const mode = purpose.consentMode[at]!;
  let level = purpose.level[at]!;
  if (age !== undefined && level < LEVEL_EXPLICIT && purpose.saleShare[p] === 1) {
    if (age < jurisdiction.saleOptInBelow[slot]!) level = LEVEL_EXPLICIT;
  }
  if (sensitiveHere && mode !== MODE_NONE) level = Math.max(level, jurisdiction.sensitiveLevel[slot]!);
  // The recipient alone asks for consent the purpose does not: report it as the recipient's rule.
  let recipientConsent = false;

  if (recipient >= 0) {
    const table = policy.recipient;
    if (!hasBit(table.purposes, recipient * policy.purposeWords, p)) bits |= D_RECIPIENT_PURPOSE;
    const rbase = recipient * words;
    for (let w = 0; w < words; w++) {
      if (((mask[w] ?? 0) & category.valid[w]! & ~table.categories[rbase + w]!) !== 0) {
        bits |= D_RECIPIENT_CATEGORY;
        break;
      }
    }
    if (table.contractMissing[recipient] === 1) bits |= D_CONTRACT_MISSING;
    if (table.consentRequired[recipient] === 1 && level < LEVEL_EXPLICIT) {
      level = LEVEL_EXPLICIT;
      recipientConsent = true;
    }
    if (
      table.controller[recipient] === 1 &&
      mode !== MODE_NONE &&
      jurisdiction.separateDisclosure[slot] === 1
    ) {
      level = LEVEL_SEPARATE;
    }
  }

  outcome.transfer = -1;
  const to = destination ?? (recipient >= 0 ? policy.recipient.country[recipient] : undefined);
  if (to !== undefined) {
    bits |= checkTransfer(policy, slot, mask, recipient, to, mode !== MODE_NONE);
    outcome.transfer = transferOutcome.index;
    if (transferOutcome.level > level) level = transferOutcome.level;
  }

  const consent = subject.consents[p];
  const valid = consent !== undefined && !consent.needsRenewal;
  let guardian = false;
  if (minor) {
    if (subject.guardianConsent[p] === 1) guardian = true;
    else bits |= D_GUARDIAN_REQUIRED;
  } else if (level > 0 && !(valid && consent.level >= level) && !acceptedImplicitly(subject, p, level)) {
    bits |= consentFailure(subject, p, level, recipientConsent);
  }

  if (subject.optedOut[p] === 1 && (mode !== MODE_NONE || purpose.saleShare[p] === 1)) bits |= D_OPTED_OUT;
  if (mode === MODE_OPT_OUT && subject.withdrawn[p] === 1) bits |= D_OPTED_OUT;
  // An explicit choice for this very purpose outranks a browser signal.
  const chosen = guardian || (valid && consent.level >= LEVEL_EXPLICIT);
  if (subject.gpc && !chosen && purpose.saleShare[p] === 1 && jurisdiction.gpc[slot] === 1) bits |= D_GPC;
  if (subject.dnt && !chosen && trackedUse && policy.signals.doNotTrack) bits |= D_DNT;
  if (subject.objections[p] === 1 && purpose.objectable[at] === 1) bits |= D_OBJECTION;

  outcome.recipient = recipient;
  outcome.destination = to;
  outcome.guardian = guardian;
  outcome.guidance = guidance;
  outcome.sensitive = sensitive;
  return bits;
}

/** Acceptance of the whole policy (use of the service) satisfies an implied-consent requirement. */
function acceptedImplicitly(subject: SubjectState, p: number, level: number): boolean {
  const acceptance = subject.policyAcceptance;
  return (
    level === LEVEL_IMPLIED &&
    acceptance !== undefined &&
    !acceptance.needsRenewal &&
    subject.withdrawn[p] !== 1 &&
    subject.optedOut[p] !== 1
  );
}

/** The most specific reason a required consent is missing. */
function consentFailure(subject: SubjectState, p: number, level: number, recipientConsent: boolean): number {
  if (subject.withdrawn[p] === 1) return D_CONSENT_WITHDRAWN;
  const consent = subject.consents[p];
  const acceptance = subject.policyAcceptance;
  if (
    (consent?.needsRenewal === true && consent.level >= level) ||
    (level === LEVEL_IMPLIED && acceptance?.needsRenewal === true && consent === undefined)
  ) {
    return D_NEEDS_RENEWAL;
  }
  if (level === LEVEL_SEPARATE) return D_SEPARATE_REQUIRED;
  return recipientConsent && level === LEVEL_EXPLICIT ? D_RECIPIENT_CONSENT_REQUIRED : D_NO_CONSENT;
}
