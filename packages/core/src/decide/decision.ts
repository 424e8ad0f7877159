import type { LegalBasis } from '../manifest/schema/common';
import { LEGAL_BASIS_CODES } from './codes';
import type { CompiledPolicy } from './policy';
import { type AllowReason, DENY_REASONS, type DenyReason, denyReasonsOf, type ReasonCode } from './reasons';

/** Something the caller must do when it goes ahead with an allowed request. */
export type Obligation =
  /** Log the access (the policy promises access logging, or a sensitive category is used). */
  | { readonly kind: 'log-access' }
  /** Mask these sensitive categories wherever the purpose does not need them in clear (displays, logs, exports). */
  | { readonly kind: 'mask-fields'; readonly categories: readonly string[] }
  /** Record the disclosure to this recipient in the disclosure log. */
  | { readonly kind: 'record-disclosure'; readonly recipient: string }
  /** Record the transfer abroad under this declared transfer. */
  | { readonly kind: 'record-transfer'; readonly transfer: string; readonly country: string }
  /** The subject is a minor the policy asks to act under a guardian's guidance: tell them so. */
  | { readonly kind: 'guardian-guidance' };

/**
 * The answer to "may this purpose use these categories of this subject?". A plain frozen
 * value; identical outcomes may share one instance, so never mutate it.
 */
export interface Decision {
  readonly allowed: boolean;
  /** Legal basis of the purpose in the subject's jurisdiction; undefined when the purpose is unknown. */
  readonly legalBasis: LegalBasis | undefined;
  /** Why: `ok.*` codes when allowed, every failing `deny.*` rule when denied (in `DENY_REASONS` order). */
  readonly reasons: readonly ReasonCode[];
  readonly obligations: readonly Obligation[];
}

/** Most distinct decisions a policy keeps for reuse; past it, decisions are built per call. */
const MEMO_LIMIT = 4096;
const DENY_BIT_SPAN = 2 ** DENY_REASONS.length;
const NO_OBLIGATIONS: readonly Obligation[] = Object.freeze([]);
const LOG_ACCESS: Obligation = Object.freeze({ kind: 'log-access' });
const GUARDIAN_GUIDANCE: Obligation = Object.freeze({ kind: 'guardian-guidance' });

const denyReasonCache = new Map<number, readonly DenyReason[]>();
const allowReasonCache: (readonly AllowReason[])[] = LEGAL_BASIS_CODES.flatMap((basis) => [
  Object.freeze([`ok.${basis}` as AllowReason]),
  Object.freeze([`ok.${basis}` as AllowReason, 'ok.guardian-consent' as const]),
]);

/** The deny decision for `bits`; `at` = purpose × slot index, or -1 when the purpose is unknown. */
export function denied(policy: CompiledPolicy, at: number, bits: number): Decision {
  const memo = policy.memo;
  // One-entry cache per purpose and slot first: repeated questions repeat their outcome.
  const last = memo.lastDeny[at + 1];
  if (last !== undefined && memo.lastDenyBits[at + 1] === bits) return last;
  const key = (at + 1) * DENY_BIT_SPAN + bits;
  let decision = memo.deny.get(key);
  if (decision === undefined) {
    decision = Object.freeze({
      allowed: false,
      legalBasis: at < 0 ? undefined : LEGAL_BASIS_CODES[policy.purpose.legalBasis[at]!],
      reasons: denyReasons(bits),
      obligations: NO_OBLIGATIONS,
    });
    if (memo.deny.size < MEMO_LIMIT) memo.deny.set(key, decision);
  }
  memo.lastDeny[at + 1] = decision;
  memo.lastDenyBits[at + 1] = bits;
  return decision;
}

function denyReasons(bits: number): readonly DenyReason[] {
  let reasons = denyReasonCache.get(bits);
  if (reasons === undefined) {
    reasons = Object.freeze(denyReasonsOf(bits));
    if (denyReasonCache.size < MEMO_LIMIT) denyReasonCache.set(bits, reasons);
  }
  return reasons;
}

/** What an evaluation found, beyond purpose and slot (written by `evaluate`, read right after). */
export interface AllowFacts {
  /** A guardian's consent stood in for the subject's. */
  guardian: boolean;
  /** The subject is in a guardian-guidance age band. */
  guidance: boolean;
  /** A sensitive category is used. */
  sensitive: boolean;
  /** Recipient index, -1 for none. */
  recipient: number;
  /** Declared transfer index, -1 for none. */
  transfer: number;
  /** Destination country of the transfer. */
  destination: string | undefined;
}

/**
 * The allow decision. Without recipient or transfer it depends only on purpose, slot,
 * guardian/guidance and which sensitive categories are used, so it is shared.
 */
export function allowedDecision(
  policy: CompiledPolicy,
  at: number,
  mask: Uint32Array,
  facts: Readonly<AllowFacts>,
): Decision {
  const memo = policy.memo;
  const flagged = at * 4 + (facts.guardian ? 1 : 0) + (facts.guidance ? 2 : 0);
  const shareable = facts.recipient < 0 && facts.transfer < 0;
  let key = -1;
  if (shareable && !facts.sensitive) {
    const hit = memo.plain[flagged];
    if (hit !== undefined) return hit;
  } else if (shareable && policy.category.sensitiveList.length <= 20) {
    const sensitiveList = policy.category.sensitiveList;
    let used = 0;
    for (let i = 0; i < sensitiveList.length; i++) {
      const c = sensitiveList[i]!;
      if ((((mask[c >>> 5] ?? 0) >>> (c & 31)) & 1) === 1) used |= 1 << i;
    }
    key = flagged * (1 << sensitiveList.length) + used;
    const hit = memo.allow.get(key);
    if (hit !== undefined) return hit;
  }
  const basis = policy.purpose.legalBasis[at]!;
  const decision: Decision = Object.freeze({
    allowed: true,
    legalBasis: LEGAL_BASIS_CODES[basis],
    reasons: allowReasonCache[basis * 2 + (facts.guardian ? 1 : 0)]!,
    obligations: obligations(policy, mask, facts),
  });
  if (shareable && !facts.sensitive) memo.plain[flagged] = decision;
  else if (key >= 0 && memo.allow.size < MEMO_LIMIT) memo.allow.set(key, decision);
  return decision;
}

function obligations(
  policy: CompiledPolicy,
  mask: Uint32Array,
  facts: Readonly<AllowFacts>,
): readonly Obligation[] {
  const out: Obligation[] = [];
  if (policy.accessLogging || facts.sensitive) out.push(LOG_ACCESS);
  if (facts.sensitive) {
    const categories = policy.category.sensitiveList
      .filter((c) => (((mask[c >>> 5] ?? 0) >>> (c & 31)) & 1) === 1)
      .map((c) => policy.categories.ids[c]!);
    out.push(Object.freeze({ kind: 'mask-fields', categories: Object.freeze(categories) }));
  }
  if (facts.guidance) out.push(GUARDIAN_GUIDANCE);
  if (facts.recipient >= 0) {
    out.push(
      Object.freeze({ kind: 'record-disclosure', recipient: policy.recipients.ids[facts.recipient]! }),
    );
  }
  if (facts.transfer >= 0) {
    const transfer = policy.transfers[facts.transfer]!;
    out.push(
      Object.freeze({ kind: 'record-transfer', transfer: transfer.id, country: facts.destination ?? '' }),
    );
  }
  return out.length === 0 ? NO_OBLIGATIONS : Object.freeze(out);
}
