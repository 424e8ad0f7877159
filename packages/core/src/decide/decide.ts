import type { JurisdictionKey } from '../manifest/schema/common';
import { jurisdictionSlot, SLOT_COUNT } from './codes';
import { allowedDecision, type Decision, denied } from './decision';
import { evaluate, outcome } from './evaluate';
import type { CompiledPolicy, IdIndex } from './policy';
import {
  D_INVALID_REQUEST,
  D_RECIPIENT_NOT_DECLARED,
  D_UNKNOWN_CATEGORY,
  D_UNKNOWN_JURISDICTION,
  D_UNKNOWN_PURPOSE,
} from './reasons';
import type { SubjectState } from './subject-state';

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

/** Stand-in for a missing subject: out-of-range reads of its empty arrays mean "nothing recorded". */
const NO_SUBJECT: SubjectState = Object.freeze({
  jurisdiction: undefined,
  age: undefined,
  consents: Object.freeze([]),
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
  let who = subject;
  if (!isSubjectState(who)) {
    bits |= D_INVALID_REQUEST;
    who = NO_SUBJECT;
  }
  const p = resolve(policy.purposes, request.purpose);
  if (p < 0) return denied(policy, -1, bits | D_UNKNOWN_PURPOSE);

  let slot = jurisdictionSlot(request.jurisdiction ?? who.jurisdiction);
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
 * `deny.unknown-*`; a mask that is not a `Uint32Array` or a missing subject with
 * `deny.invalid-request`. The subject must come from {@link subjectStateFromEvents} or
 * {@link emptySubjectState} for this policy.
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
  if (!((purpose | 0) === purpose && purpose >= 0 && purpose < policy.purposes.ids.length)) {
    return denied(policy, -1, D_UNKNOWN_PURPOSE);
  }
  // Cheap guards only: the fast path trusts the shapes it is given beyond this.
  if (!(categories instanceof Uint32Array) || typeof subject !== 'object' || subject === null) {
    return denied(policy, -1, D_INVALID_REQUEST);
  }
  let bits = 0;
  let slot = jurisdictionSlot(jurisdiction ?? subject.jurisdiction);
  if (slot < 0) {
    bits |= D_UNKNOWN_JURISDICTION;
    slot = 0;
  }
  let r = recipient;
  if (r !== -1 && !((r | 0) === r && r >= 0 && r < policy.recipients.ids.length)) {
    bits |= D_RECIPIENT_NOT_DECLARED;
    r = -1;
  }
  return settle(policy, purpose, slot, categories, subject, r, destinationCountry, bits);
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
  subject: SubjectState,
  recipient: number,
  destination: string | undefined,
  bits: number,
): Decision {
  const deny = bits | evaluate(policy, p, slot, mask, subject, recipient, destination);
  const at = p * SLOT_COUNT + slot;
  return deny === 0 ? allowedDecision(policy, at, mask, outcome) : denied(policy, at, deny);
}

/** Shape check for subjects that did not come from the builders (the indexed path trusts its caller). */
function isSubjectState(value: unknown): value is SubjectState {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<keyof SubjectState, unknown>;
  return (
    Array.isArray(s.consents) &&
    s.withdrawn instanceof Uint8Array &&
    s.guardianConsent instanceof Uint8Array &&
    s.objections instanceof Uint8Array &&
    s.optedOut instanceof Uint8Array &&
    s.restrictedPurposes instanceof Uint8Array &&
    s.restrictedCategories instanceof Uint32Array &&
    (s.age === undefined || typeof s.age === 'number')
  );
}

/** Index of an id or an in-range index; -1 when unknown. */
function resolve(index: IdIndex, value: unknown): number {
  if (typeof value === 'string') return index.index.get(value) ?? -1;
  if (typeof value === 'number' && value >= 0 && value < index.ids.length && value % 1 === 0) return value;
  return -1;
}
