import { LEGAL_BASIS_CODES, SLOT_COUNT } from './codes.js';
import { O_GUARDIAN, O_GUIDANCE, O_SENSITIVE } from './evaluate.js';
import type { Decision, Obligation } from './outcome.js';
import type { CompiledPolicy, DecisionMemo } from './policy.js';
import { type AllowReason, type DenyReason, denyReasonsOf } from './reasons.js';

// The types live in outcome.ts, so policy.ts can use them without importing this file back.
export type { Decision, Obligation } from './outcome.js';

/** Most distinct reason lists kept for reuse; past it, they are built per decision. */
const MEMO_LIMIT = 4096;
/** Direct-mapped cache sizes (powers of two) and the shifts that map a 32-bit hash onto them. */
const DENY_SLOTS_LOG = 10;
const ALLOW_SLOTS_LOG = 9;
const GOLDEN = 0x9e3779b1;
const NO_OBLIGATIONS: readonly Obligation[] = Object.freeze([]);
const LOG_ACCESS: Obligation = Object.freeze({ kind: 'log-access' });
const GUARDIAN_GUIDANCE: Obligation = Object.freeze({ kind: 'guardian-guidance' });

const denyReasonCache = new Map<number, readonly DenyReason[]>();
const allowReasonCache: (readonly AllowReason[])[] = LEGAL_BASIS_CODES.flatMap((basis) => [
  Object.freeze([`ok.${basis}` as AllowReason]),
  Object.freeze([`ok.${basis}` as AllowReason, 'ok.guardian-consent' as const]),
]);

/** Empty caches for a policy of `purposes` purposes and `words`-word category masks. */
export function createDecisionMemo(purposes: number, words: number): DecisionMemo {
  const allowSlots = 1 << ALLOW_SLOTS_LOG;
  const denySlots = 1 << DENY_SLOTS_LOG;
  return Object.freeze({
    plain: new Array<Decision | undefined>(purposes * SLOT_COUNT * 4).fill(undefined),
    allowKeys: new Int32Array(allowSlots * (words + 1)).fill(-1),
    allow: new Array<Decision | undefined>(allowSlots).fill(undefined),
    // Deny bits are never 0, so zeroed keys match nothing.
    denyBits: new Int32Array(denySlots),
    denyBasis: new Int32Array(denySlots),
    deny: new Array<Decision | undefined>(denySlots).fill(undefined),
    scratchMask: new Uint32Array(words),
  });
}

/** The deny decision for `bits` (non-zero); `at` = purpose × slot index, or -1 when the purpose is unknown. */
export function denied(policy: CompiledPolicy, at: number, bits: number): Decision {
  const memo = policy.memo;
  const basis = at < 0 ? 0 : policy.purpose.legalBasis[at]! + 1;
  const i = Math.imul(bits ^ (basis << 26), GOLDEN) >>> (32 - DENY_SLOTS_LOG);
  if (memo.denyBits[i] === bits && memo.denyBasis[i] === basis) return memo.deny[i]!;
  const decision: Decision = Object.freeze({
    allowed: false,
    legalBasis: basis === 0 ? undefined : LEGAL_BASIS_CODES[basis - 1],
    reasons: denyReasons(bits),
    obligations: NO_OBLIGATIONS,
  });
  memo.denyBits[i] = bits;
  memo.denyBasis[i] = basis;
  memo.deny[i] = decision;
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

// `O_GUARDIAN` and `O_GUIDANCE` are adjacent bits: shifted down they index the plain memo.
const GUARDIAN_SHIFT = 31 - Math.clz32(O_GUARDIAN);
if (O_GUIDANCE !== O_GUARDIAN << 1) throw new Error('O_GUIDANCE must follow O_GUARDIAN');

/**
 * The shared allow decision of a request without sensitive categories, recipient or
 * transfer, if one was built before (see {@link allowedDecision}).
 */
export function plainAllowed(policy: CompiledPolicy, at: number, result: number): Decision | undefined {
  return policy.memo.plain[at * 4 + ((result >>> GUARDIAN_SHIFT) & 3)];
}

/**
 * The allow decision. `result` carries the `O_*` facts of the evaluation; `transfer` is the
 * declared transfer used (-1: none) and `destination` its country. Without recipient or
 * transfer the decision depends only on purpose, slot, guardian/guidance and which
 * sensitive categories are used, so it is shared.
 */
export function allowedDecision(
  policy: CompiledPolicy,
  at: number,
  mask: Uint32Array,
  result: number,
  recipient: number,
  transfer: number,
  destination: string | undefined,
): Decision {
  const memo = policy.memo;
  const flagged = at * 4 + ((result >>> GUARDIAN_SHIFT) & 3);
  if (recipient >= 0 || transfer >= 0)
    return build(policy, at, mask, result, recipient, transfer, destination);
  if ((result & O_SENSITIVE) === 0) {
    const hit = memo.plain[flagged];
    if (hit !== undefined) return hit;
    const decision = build(policy, at, mask, result, -1, -1, undefined);
    memo.plain[flagged] = decision;
    return decision;
  }
  // Keyed by the sensitive categories used, which the mask-fields obligation lists.
  const engine = policy.engine;
  const words = engine.words;
  let hash = flagged;
  for (let w = 0; w < words; w++) hash = Math.imul(hash ^ ((mask[w] ?? 0) & engine.sensitive[w]!), GOLDEN);
  const i = hash >>> (32 - ALLOW_SLOTS_LOG);
  const keys = memo.allowKeys;
  const k = i * (words + 1);
  let hit = keys[k] === flagged;
  for (let w = 0; hit && w < words; w++) hit = keys[k + 1 + w] === ((mask[w] ?? 0) & engine.sensitive[w]!);
  if (hit) return memo.allow[i]!;
  const decision = build(policy, at, mask, result, -1, -1, undefined);
  keys[k] = flagged;
  for (let w = 0; w < words; w++) keys[k + 1 + w] = (mask[w] ?? 0) & engine.sensitive[w]!;
  memo.allow[i] = decision;
  return decision;
}

function build(
  policy: CompiledPolicy,
  at: number,
  mask: Uint32Array,
  result: number,
  recipient: number,
  transfer: number,
  destination: string | undefined,
): Decision {
  const basis = policy.purpose.legalBasis[at]!;
  return Object.freeze({
    allowed: true,
    legalBasis: LEGAL_BASIS_CODES[basis],
    reasons: allowReasonCache[basis * 2 + ((result & O_GUARDIAN) !== 0 ? 1 : 0)]!,
    obligations: obligations(policy, mask, result, recipient, transfer, destination),
  });
}

function obligations(
  policy: CompiledPolicy,
  mask: Uint32Array,
  result: number,
  recipient: number,
  transfer: number,
  destination: string | undefined,
): readonly Obligation[] {
  const sensitive = (result & O_SENSITIVE) !== 0;
  const out: Obligation[] = [];
  if (policy.accessLogging || sensitive) out.push(LOG_ACCESS);
  if (sensitive) {
    const categories = policy.category.sensitiveList
      .filter((c) => (((mask[c >>> 5] ?? 0) >>> (c & 31)) & 1) === 1)
      .map((c) => policy.categories.ids[c]!);
    out.push(Object.freeze({ kind: 'mask-fields', categories: Object.freeze(categories) }));
  }
  if ((result & O_GUIDANCE) !== 0) out.push(GUARDIAN_GUIDANCE);
  if (recipient >= 0) {
    out.push(Object.freeze({ kind: 'record-disclosure', recipient: policy.recipients.ids[recipient]! }));
  }
  if (transfer >= 0) {
    const declared = policy.transfers[transfer]!;
    out.push(Object.freeze({ kind: 'record-transfer', transfer: declared.id, country: destination ?? '' }));
  }
  return out.length === 0 ? NO_OBLIGATIONS : Object.freeze(out);
}
