import { hasBit } from './bitset.js';
import { LEVEL_EXPLICIT, LEVEL_SEPARATE, MODE_NONE } from './codes.js';
import type { CompiledPolicy } from './policy.js';
import { D_CONTRACT_MISSING, D_RECIPIENT_CATEGORY, D_RECIPIENT_PURPOSE } from './reasons.js';
import { checkTransfer, transferOutcome } from './transfer-check.js';

/**
 * Side outputs of the last {@link checkRoute} call: the consent level now required, whether
 * the recipient alone raised it, the declared transfer used (-1: none) and the destination.
 * Module scratch rather than a returned object, so the hot path allocates nothing; read it
 * right after the call.
 */
export const route: {
  level: number;
  recipientConsent: boolean;
  transfer: number;
  destination: string | undefined;
} = { level: 0, recipientConsent: false, transfer: -1, destination: undefined };

/**
 * The rules of disclosing to `recipient` (-1: none) and sending to `destination` (default:
 * the recipient's country): the recipient must be declared for the purpose and the
 * categories, its contracts must be on file, and a transfer abroad must be declared. Kept
 * out of `evaluate` so the common request (no recipient, no destination) stays small.
 * `level` is the consent level required so far; returns deny bits and sets {@link route}.
 */
export function checkRoute(
  policy: CompiledPolicy,
  p: number,
  slot: number,
  mask: Uint32Array,
  recipient: number,
  destination: string | undefined,
  mode: number,
  level: number,
): number {
  let bits = 0;
  let required = level;
  // The recipient alone asks for consent the purpose does not: report it as the recipient's rule.
  let recipientConsent = false;
  if (recipient >= 0) {
    const table = policy.recipient;
    const words = policy.categoryWords;
    if (!hasBit(table.purposes, recipient * policy.purposeWords, p)) bits |= D_RECIPIENT_PURPOSE;
    const rbase = recipient * words;
    for (let w = 0; w < words; w++) {
      if (((mask[w] ?? 0) & policy.category.valid[w]! & ~table.categories[rbase + w]!) !== 0) {
        bits |= D_RECIPIENT_CATEGORY;
        break;
      }
    }
    if (table.contractMissing[recipient] === 1) bits |= D_CONTRACT_MISSING;
    if (table.consentRequired[recipient] === 1 && required < LEVEL_EXPLICIT) {
      required = LEVEL_EXPLICIT;
      recipientConsent = true;
    }
    if (
      table.controller[recipient] === 1 &&
      mode !== MODE_NONE &&
      policy.jurisdiction.separateDisclosure[slot] === 1
    ) {
      required = LEVEL_SEPARATE;
    }
  }
  route.transfer = -1;
  const to = destination ?? (recipient >= 0 ? policy.recipient.country[recipient] : undefined);
  route.destination = to;
  if (to !== undefined) {
    bits |= checkTransfer(policy, slot, mask, recipient, to, mode !== MODE_NONE);
    route.transfer = transferOutcome.index;
    if (transferOutcome.level > required) required = transferOutcome.level;
  }
  route.level = required;
  route.recipientConsent = recipientConsent;
  return bits;
}
