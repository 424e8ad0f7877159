import type { JurisdictionKey } from '@pledge/core';
import { jurisdictionSlot, SLOT_COUNT } from './codes.js';
import { allowedDecision, denied, plainAllowed } from './decision.js';
import { evaluate, O_SENSITIVE } from './evaluate.js';
import type { Decision } from './outcome.js';
import { asPackedSubject, PackedSubject } from './packed-subject.js';
import type { CompiledPolicy, IdIndex } from './policy.js';
import {
  D_INVALID_REQUEST,
  D_RECIPIENT_NOT_DECLARED,
  D_UNKNOWN_CATEGORY,
  D_UNKNOWN_JURISDICTION,
  D_UNKNOWN_PURPOSE,
  DENY_BITS,
} from './reasons.js';
import { route } from './route-check.js';
import type { SubjectState } from './subject-state.js';

/** A category bitset over the category indexes of a compiled policy (see {@link categoryMask}). */
export type CategoryMask = Uint32Array;

/** A question for {@link decide}. Ids and indexes may be mixed. */
export interface DecisionRequest {
  /** Purpose id or index. */
  purpose: string | number;
  /** Category ids or indexes the processing uses. */
  categories: readonly (string | number)[];
  /** Recipient id or index, when the data is disclosed. */
  recipient?: string | number;
  /** Jurisdiction to decide under; default: the subject's. */
  jurisdiction?: JurisdictionKey;
  /** ISO 3166-1 alpha-2 country the data goes to; default: the recipient's country. */
  destinationCountry?: string;
}

/** Stand-in for a missing subject: its empty packed string means "nothing recorded". */
const NO_SUBJECT = new PackedSubject('', 0, {
  jurisdiction: undefined,
  age: undefined,
  consents: Object.freeze([]),
  policyAcceptance: undefined,
});

const COUNTRY = /^[A-Za-z]{2}$/;

/**
 * Decides whether the request's purpose may use its categories for this subject, with the
 * legal basis, every reason, and the obligations of going ahead. Never throws: unknown ids
 * and malformed requests come back as deny decisions with `deny.unknown-*` or
 * `deny.invalid-request` reasons.
 *
 * @example
 * decide(policy, { purpose: 'newsletter', categories: ['email'] }, subject)
 * // { allowed: false, legalBasis: 'consent', reasons: ['deny.consent-withdrawn'], obligations: [] }
 */
export function decide(policy: CompiledPolicy, request: DecisionRequest, subject: SubjectState): Decision {
  if (typeof request !== 'object' || request === null) return denied(policy, -1, D_INVALID_REQUEST);
  let bits = 0;
  let who = asPackedSubject(subject);
  if (
    who === undefined ||
    who.packed.length !== policy.engine.stateLength ||
    !(who.age === undefined || typeof who.age === 'number')
  ) {
    bits |= D_INVALID_REQUEST;
    who = NO_SUBJECT;
  }
  const p = resolve(policy.purposes, request.purpose);
  if (p < 0) return denied(policy, -1, bits | D_UNKNOWN_PURPOSE);

  const jurisdiction = request.jurisdiction;
  let slot = jurisdiction === undefined || jurisdiction === null ? who.slot : jurisdictionSlot(jurisdiction);
  if (slot < 0) {
    bits |= D_UNKNOWN_JURISDICTION;
    slot = 0;
  }

  const mask = policy.memo.scratchMask;
  mask.fill(0);
  if (Array.isArray(request.categories)) {
    for (const id of request.categories) {
      const c = resolve(policy.categories, id);
      if (c < 0) bits |= D_UNKNOWN_CATEGORY;
      else mask[c >>> 5] = (mask[c >>> 5] ?? 0) | (1 << (c & 31));
    }
  } else {
    bits |= D_INVALID_REQUEST;
  }

  let r = -1;
  if (request.recipient !== undefined) {
    r = resolve(policy.recipients, request.recipient);
    if (r < 0) bits |= D_RECIPIENT_NOT_DECLARED;
  }

  let destination: string | undefined;
  const country = request.destinationCountry;
  if (country !== undefined) {
    if (typeof country === 'string' && COUNTRY.test(country)) destination = country.toUpperCase();
    else bits |= D_INVALID_REQUEST;
  }
  return settle(policy, p, slot, mask, who, r, destination, bits);
}

/**
 * The fast path: decides by indexes with a prebuilt category mask, allocating nothing for
 * outcomes seen before (decisions are shared frozen values). Out-of-range indexes deny with
 * `deny.unknown-*`; a mask that is not a `Uint32Array`, or a subject that is missing, was
 * not built by {@link subjectStateFromEvents} or {@link emptySubjectState}, or was built
 * for a policy of another shape, with `deny.invalid-request`. The subject must be built for
 * this policy.
 *
 * @param purpose Purpose index (`policy.purposes.index.get(id)`).
 * @param categories Category bitset from {@link categoryMask}.
 * @param recipient Recipient index, or -1 for no disclosure.
 * @param jurisdiction Jurisdiction to decide under; default: the subject's.
 * @param destinationCountry Upper-case ISO country the data goes to; default: the recipient's.
 */
export function decideIndexed(
  policy: CompiledPolicy,
  purpose: number,
  categories: CategoryMask,
  subject: SubjectState,
  recipient = -1,
  jurisdiction?: JurisdictionKey,
  destinationCountry?: string,
): Decision {
  const engine = policy.engine;
  if (!((purpose | 0) === purpose && purpose >= 0 && purpose < engine.purposeCount)) {
    return denied(policy, -1, D_UNKNOWN_PURPOSE);
  }
  // Cheap guards only: the fast path trusts the shapes it is given beyond this. (A field
  // check, not `instanceof PackedSubject`: TurboFan cannot fold an imported class there.)
  const who = subject as PackedSubject;
  if (
    !(categories instanceof Uint32Array) ||
    typeof who !== 'object' ||
    who === null ||
    typeof who.packed !== 'string' ||
    who.packed.length !== engine.stateLength
  ) {
    return denied(policy, -1, D_INVALID_REQUEST);
  }
  let bits = 0;
  let slot = jurisdiction === undefined || jurisdiction === null ? who.slot : jurisdictionSlot(jurisdiction);
  if (slot < 0) {
    bits |= D_UNKNOWN_JURISDICTION;
    slot = 0;
  }
  let r = recipient;
  if (r !== -1 && !((r | 0) === r && r >= 0 && r < engine.recipientCount)) {
    bits |= D_RECIPIENT_NOT_DECLARED;
    r = -1;
  }
  return settle(policy, purpose, slot, categories, who, r, destinationCountry, bits);
}

/** A category mask for {@link decideIndexed}; undefined when an id or index is unknown. */
export function categoryMask(
  policy: CompiledPolicy,
  categories: readonly (string | number)[],
): CategoryMask | undefined {
  const mask = new Uint32Array(policy.categoryWords);
  for (const id of categories) {
    const c = resolve(policy.categories, id);
    if (c < 0) return undefined;
    mask[c >>> 5] = (mask[c >>> 5] ?? 0) | (1 << (c & 31));
  }
  return mask;
}

function settle(
  policy: CompiledPolicy,
  p: number,
  slot: number,
  mask: CategoryMask,
  subject: PackedSubject,
  recipient: number,
  destination: string | undefined,
  bits: number,
): Decision {
  const result = bits | evaluate(policy, p, slot, mask, subject, recipient, destination);
  const at = p * SLOT_COUNT + slot;
  const deny = result & DENY_BITS;
  if (deny !== 0) return denied(policy, at, deny);
  const routed = recipient >= 0 || destination !== undefined;
  if (!routed && (result & O_SENSITIVE) === 0) {
    const shared = plainAllowed(policy, at, result);
    if (shared !== undefined) return shared;
  }
  return allowedDecision(
    policy,
    at,
    mask,
    result,
    recipient,
    routed ? route.transfer : -1,
    routed ? route.destination : undefined,
  );
}

/** Index of an id or an in-range index; -1 when unknown. */
function resolve(index: IdIndex, value: unknown): number {
  if (typeof value === 'string') return index.index.get(value) ?? -1;
  if (typeof value === 'number' && value >= 0 && value < index.ids.length && value % 1 === 0) return value;
  return -1;
}
