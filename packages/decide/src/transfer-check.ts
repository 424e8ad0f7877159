import { LEVEL_SEPARATE } from './codes.js';
import type { CompiledPolicy } from './policy.js';
import { D_TRANSFER_LOCALISED, D_TRANSFER_UNDECLARED } from './reasons.js';

/** Side output of {@link checkTransfer}: the declared transfer used (-1: none) and the consent it needs. */
export const transferOutcome = { index: -1, level: 0 };

/**
 * Checks sending `mask` to `destination` (upper-case ISO code). A destination outside the
 * slot's home countries is a transfer and must be covered by a declared transfer; a
 * destination outside a localisation region that binds the subject must be covered by a
 * transfer declared `from` that region (a generic transfer does not lift a localisation).
 * `consentBased`: the purpose rests on consent, so a law that needs separate consent for
 * transfers abroad applies. Returns deny bits; sets {@link transferOutcome}.
 */
export function checkTransfer(
  policy: CompiledPolicy,
  slot: number,
  mask: Uint32Array,
  recipient: number,
  destination: string,
  consentBased: boolean,
): number {
  transferOutcome.index = -1;
  transferOutcome.level = 0;
  const jurisdiction = policy.jurisdiction;
  const crossBorder = !jurisdiction.home[slot]!.has(destination);
  let region: string | undefined;
  for (const li of jurisdiction.localisations[slot]!) {
    const rule = policy.localisations[li]!;
    if (rule.region !== destination && (rule.allCategories || intersects(mask, rule.categories))) {
      region = rule.region;
      break;
    }
  }
  if (region === undefined && !crossBorder) return 0;
  const transfers = policy.transfers;
  for (let t = 0; t < transfers.length; t++) {
    const transfer = transfers[t]!;
    if (transfer.to !== destination && transfer.to !== 'XX') continue;
    // Localised data leaves its region only under a transfer declared from that region.
    if (region !== undefined && transfer.from !== region) continue;
    if (transfer.recipients !== undefined && !transfer.recipients.has(recipient)) continue;
    if (!transfer.allCategories && !within(mask, transfer.categories)) continue;
    transferOutcome.index = t;
    const lawLevel =
      crossBorder && consentBased && jurisdiction.separateTransfer[slot] === 1 ? LEVEL_SEPARATE : 0;
    transferOutcome.level = Math.max(transfer.level, lawLevel);
    return 0;
  }
  return region !== undefined ? D_TRANSFER_LOCALISED : D_TRANSFER_UNDECLARED;
}

function intersects(mask: Uint32Array, set: Uint32Array): boolean {
  for (let w = 0; w < set.length; w++) if (((mask[w] ?? 0) & set[w]!) !== 0) return true;
  return false;
}

function within(mask: Uint32Array, set: Uint32Array): boolean {
  for (let w = 0; w < set.length; w++) if (((mask[w] ?? 0) & ~set[w]!) !== 0) return false;
  return true;
}
