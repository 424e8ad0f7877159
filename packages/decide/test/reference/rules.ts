import type { JurisdictionKey } from '@pledge/core';
import { hasBit } from '../../src/bitset.js';
import {
  jurisdictionSlot,
  LEGAL_BASIS_CODES,
  LEVEL_EXPLICIT,
  LEVEL_IMPLIED,
  LEVEL_SEPARATE,
  MODE_NONE,
  MODE_OPT_OUT,
  SLOT_COUNT,
} from '../../src/codes.js';
import type { DecisionRequest } from '../../src/decide.js';
import type { Decision, Obligation } from '../../src/outcome.js';
import type { CompiledPolicy, IdIndex } from '../../src/policy.js';
import { type AllowReason, DENY_REASONS, type DenyReason } from '../../src/reasons.js';
import { checkTransfer, transferOutcome } from '../../src/transfer-check.js';
import type { ReferenceSubject } from './subject.js';

/**
 * The decision rules as the engine's first version applied them, written for reading, not
 * speed: one fresh decision per call, no caches, the subject as one array per fact. The
 * engine must answer exactly as this does.
 */

const deny = (reason: DenyReason) => 1 << DENY_REASONS.indexOf(reason);
const COUNTRY = /^[A-Za-z]{2}$/;

const NO_SUBJECT: ReferenceSubject = {
  jurisdiction: undefined,
  age: undefined,
  consents: [],
  withdrawn: new Uint8Array(0),
  guardianConsent: new Uint8Array(0),
  objections: new Uint8Array(0),
  optedOut: new Uint8Array(0),
  restrictedPurposes: new Uint8Array(0),
  restrictedCategories: new Uint32Array(0),
  restrictedAll: false,
  policyAcceptance: undefined,
  gpc: false,
  dnt: false,
};

/** `decide` of the first version; `subject` undefined stands for a malformed subject. */
export function referenceDecide(
  policy: CompiledPolicy,
  request: DecisionRequest,
  subject: ReferenceSubject | undefined,
): Decision {
  let bits = 0;
  let who = subject;
  if (who === undefined || !(who.age === undefined || typeof who.age === 'number')) {
    bits |= deny('deny.invalid-request');
    who = NO_SUBJECT;
  }
  const p = resolve(policy.purposes, request.purpose);
  if (p < 0) return denied(policy, -1, bits | deny('deny.unknown-purpose'));
  let slot = jurisdictionSlot(request.jurisdiction ?? who.jurisdiction);
  if (slot < 0) {
    bits |= deny('deny.unknown-jurisdiction');
    slot = 0;
  }
  const mask = new Uint32Array(policy.categoryWords);
  for (const id of request.categories) {
    const c = resolve(policy.categories, id);
    if (c < 0) bits |= deny('deny.unknown-category');
    else mask[c >>> 5]! |= 1 << (c & 31);
  }
  let r = -1;
  if (request.recipient !== undefined) {
    r = resolve(policy.recipients, request.recipient);
    if (r < 0) bits |= deny('deny.recipient-not-declared');
  }
  let destination: string | undefined;
  const country = request.destinationCountry;
  if (country !== undefined) {
    if (COUNTRY.test(country)) destination = country.toUpperCase();
    else bits |= deny('deny.invalid-request');
  }
  return settle(policy, p, slot, mask, who, r, destination, bits);
}

/** `decideIndexed` of the first version, for in-range purposes and well-formed masks. */
export function referenceDecideIndexed(
  policy: CompiledPolicy,
  p: number,
  mask: Uint32Array,
  subject: ReferenceSubject,
  recipient = -1,
  jurisdiction?: JurisdictionKey,
  destination?: string,
): Decision {
  let bits = 0;
  let slot = jurisdictionSlot(jurisdiction ?? subject.jurisdiction);
  if (slot < 0) {
    bits |= deny('deny.unknown-jurisdiction');
    slot = 0;
  }
  let r = recipient;
  if (r !== -1 && !(Number.isInteger(r) && r >= 0 && r < policy.recipients.ids.length)) {
    bits |= deny('deny.recipient-not-declared');
    r = -1;
  }
  return settle(policy, p, slot, mask, subject, r, destination, bits);
}

function settle(
  policy: CompiledPolicy,
  p: number,
  slot: number,
  mask: Uint32Array,
  subject: ReferenceSubject,
  recipient: number,
  destination: string | undefined,
  bits: number,
): Decision {
  const found = evaluate(policy, p, slot, mask, subject, recipient, destination);
  const at = p * SLOT_COUNT + slot;
  if ((bits | found.bits) !== 0) return denied(policy, at, bits | found.bits);
  const basis = LEGAL_BASIS_CODES[policy.purpose.legalBasis[at]!]!;
  const obligations: Obligation[] = [];
  if (policy.accessLogging || found.sensitive) obligations.push({ kind: 'log-access' });
  if (found.sensitive) {
    const categories = policy.category.sensitiveList.filter((c) => hasBit(mask, 0, c));
    obligations.push({ kind: 'mask-fields', categories: categories.map((c) => policy.categories.ids[c]!) });
  }
  if (found.guidance) obligations.push({ kind: 'guardian-guidance' });
  if (recipient >= 0)
    obligations.push({ kind: 'record-disclosure', recipient: policy.recipients.ids[recipient]! });
  if (found.transfer >= 0) {
    const transfer = policy.transfers[found.transfer]!.id;
    obligations.push({ kind: 'record-transfer', transfer, country: found.destination ?? '' });
  }
  const reasons: AllowReason[] = [`ok.${basis}`];
  if (found.guardian) reasons.push('ok.guardian-consent');
  return { allowed: true, legalBasis: basis, reasons, obligations };
}

function denied(policy: CompiledPolicy, at: number, bits: number): Decision {
  return {
    allowed: false,
    legalBasis: at < 0 ? undefined : LEGAL_BASIS_CODES[policy.purpose.legalBasis[at]!],
    reasons: DENY_REASONS.filter((_, i) => ((bits >>> i) & 1) === 1),
    obligations: [],
  };
}

interface Found {
  bits: number;
  guardian: boolean;
  guidance: boolean;
  sensitive: boolean;
  transfer: number;
  destination: string | undefined;
}

function evaluate(
  policy: CompiledPolicy,
  p: number,
  slot: number,
  mask: Uint32Array,
  subject: ReferenceSubject,
  recipient: number,
  destination: string | undefined,
): Found {
  const words = policy.categoryWords;
  const { purpose, category, jurisdiction } = policy;
  const at = p * SLOT_COUNT + slot;
  const used = (set: Uint32Array, offset: number) => {
    for (let w = 0; w < words; w++) if (((mask[w] ?? 0) & set[offset + w]!) !== 0) return true;
    return false;
  };
  let bits = 0;
  for (let w = 0; w < mask.length; w++) {
    const m = mask[w]!;
    const valid = w < words ? category.valid[w]! : 0;
    if ((m & ~valid) !== 0) bits |= deny('deny.unknown-category');
    if ((m & valid & ~purpose.categories[p * words + w]!) !== 0) bits |= deny('deny.category-not-declared');
  }
  const sensitive = used(category.sensitive, 0);
  const sensitiveHere = used(category.sensitiveIn, slot * words);
  const trackedUse = purpose.tracking[p] === 1 || used(purpose.tracked, p * words);
  if (used(subject.restrictedCategories, 0) || subject.restrictedAll || subject.restrictedPurposes[p] === 1) {
    bits |= deny('deny.restricted');
  }

  const age = subject.age;
  const minor = age !== undefined && age < purpose.guardianAge[at]!;
  const guidance = age !== undefined && age < jurisdiction.guidanceBelow[slot]!;
  if (age !== undefined && age < jurisdiction.barredBelow[slot]!) bits |= deny('deny.minor-barred');

  const mode = purpose.consentMode[at]!;
  const saleShare = purpose.saleShare[p] === 1;
  if (age !== undefined && saleShare && age < jurisdiction.saleBarredBelow[slot]!)
    bits |= deny('deny.minor-barred');
  let level = purpose.level[at]!;
  if (age !== undefined && level < LEVEL_EXPLICIT && saleShare && age < jurisdiction.saleOptInBelow[slot]!) {
    level = LEVEL_EXPLICIT;
  }
  if (sensitiveHere && mode !== MODE_NONE) level = Math.max(level, jurisdiction.sensitiveLevel[slot]!);
  let recipientConsent = false;
  if (recipient >= 0) {
    const table = policy.recipient;
    if (!hasBit(table.purposes, recipient * policy.purposeWords, p))
      bits |= deny('deny.recipient-purpose-not-declared');
    for (let w = 0; w < words; w++) {
      if (((mask[w] ?? 0) & category.valid[w]! & ~table.categories[recipient * words + w]!) !== 0) {
        bits |= deny('deny.recipient-category-not-declared');
      }
    }
    if (table.contractMissing[recipient] === 1) bits |= deny('deny.recipient-contract-missing');
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
  let transfer = -1;
  const to = destination ?? (recipient >= 0 ? policy.recipient.country[recipient] : undefined);
  if (to !== undefined) {
    bits |= checkTransfer(policy, slot, mask, recipient, to, mode !== MODE_NONE);
    transfer = transferOutcome.index;
    level = Math.max(level, transferOutcome.level);
  }

  const consent = subject.consents[p];
  const valid = consent !== undefined && !consent.needsRenewal;
  const acceptance = subject.policyAcceptance;
  const withdrawn = subject.withdrawn[p] === 1;
  const optedOut = subject.optedOut[p] === 1;
  const accepted =
    level === LEVEL_IMPLIED &&
    acceptance !== undefined &&
    !acceptance.needsRenewal &&
    !withdrawn &&
    !optedOut;
  let guardian = false;
  if (minor) {
    if (subject.guardianConsent[p] === 1) guardian = true;
    else bits |= deny('deny.guardian-consent-required');
  } else if (level > 0 && !(valid && consent.level >= level) && !accepted) {
    if (withdrawn) bits |= deny('deny.consent-withdrawn');
    else if (
      (consent?.needsRenewal === true && consent.level >= level) ||
      (level === LEVEL_IMPLIED && acceptance?.needsRenewal === true && consent === undefined)
    ) {
      bits |= deny('deny.consent-needs-renewal');
    } else if (level === LEVEL_SEPARATE) bits |= deny('deny.separate-consent-required');
    else if (recipientConsent && level === LEVEL_EXPLICIT) bits |= deny('deny.recipient-consent-required');
    else bits |= deny('deny.no-consent');
  }
  if (optedOut && (mode !== MODE_NONE || saleShare)) bits |= deny('deny.opted-out');
  if (mode === MODE_OPT_OUT && withdrawn) bits |= deny('deny.opted-out');
  const chosen = guardian || (valid && consent.level >= LEVEL_EXPLICIT);
  if (subject.gpc && !chosen && saleShare && jurisdiction.gpc[slot] === 1) bits |= deny('deny.gpc');
  if (subject.dnt && !chosen && trackedUse && policy.signals.doNotTrack) bits |= deny('deny.dnt');
  if (subject.objections[p] === 1 && purpose.objectable[at] === 1) bits |= deny('deny.objection');
  return { bits, guardian, guidance, sensitive, transfer, destination: to };
}

function resolve(index: IdIndex, value: string | number): number {
  if (typeof value === 'string') return index.index.get(value) ?? -1;
  return Number.isInteger(value) && value >= 0 && value < index.ids.length ? value : -1;
}
