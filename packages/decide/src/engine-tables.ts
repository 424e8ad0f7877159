import { SLOT_COUNT } from './codes.js';
import type { CategoryTables, EngineTables, JurisdictionTables, PurposeTables } from './policy.js';

/** Bits of the first int of an `EngineTables.at` row (the rule word): the consent mode code. */
export const R_MODE = 0b111;
/** Shift of the consent level the mode requires of an adult (2 bits). */
export const R_LEVEL_SHIFT = 3;
/** An objection stops the purpose in this slot. */
export const R_OBJECTABLE = 1 << 5;
/** Sale, sharing or targeted advertising. */
export const R_SALE_SHARE = 1 << 6;
/** The whole purpose is tracking that Do Not Track stops. */
export const R_TRACKING = 1 << 7;
/** Global Privacy Control opts the subject out of the purpose in this slot (sale/share and the law or policy honours GPC). */
export const R_GPC = 1 << 8;
/** The law's digital age of consent gates the purpose in this slot (a national age may replace it). */
export const R_LAW_AGE = 1 << 9;
/** Shift of the age below which a guardian must consent (8 bits). */
export const R_GUARDIAN_AGE_SHIFT = 16;
/** Shift of the manifest's own guardian-consent age (7 bits: the sign bit stays clear). */
export const R_RULE_AGE_SHIFT = 24;

/** Per category word of a request, offsets in `EngineTables.at`: categories the policy does not declare. */
export const C_UNKNOWN = 0;
/** Declared categories the purpose does not declare. */
export const C_UNDECLARED = 1;
/** Sensitive categories (obligations). */
export const C_SENSITIVE = 2;
/** Categories sensitive under the slot's law (consent level). */
export const C_SENSITIVE_HERE = 3;
/** Categories the purpose collects through non-essential trackers (Do Not Track). */
export const C_TRACKED = 4;
/** Ints per category word. */
export const C_STRIDE = 5;

/** Derives the hot-path tables from the compiled ones. */
export function compileEngineTables(parts: {
  purposeCount: number;
  recipientCount: number;
  categoryWords: number;
  purpose: PurposeTables;
  category: CategoryTables;
  jurisdiction: JurisdictionTables;
  doNotTrack: boolean;
}): EngineTables {
  const { purpose, category, purposeCount, categoryWords: words } = parts;
  const stride = 1 + C_STRIDE * words;
  const at = new Int32Array(purposeCount * SLOT_COUNT * stride);
  for (let p = 0; p < purposeCount; p++) {
    const saleShare = purpose.saleShare[p] === 1;
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      const i = p * SLOT_COUNT + slot;
      const k = i * stride;
      at[k] =
        (purpose.consentMode[i]! & R_MODE) |
        ((purpose.level[i]! & 0b11) << R_LEVEL_SHIFT) |
        (purpose.objectable[i] === 1 ? R_OBJECTABLE : 0) |
        (saleShare ? R_SALE_SHARE : 0) |
        (purpose.tracking[p] === 1 ? R_TRACKING : 0) |
        (saleShare && parts.jurisdiction.gpc[slot] === 1 ? R_GPC : 0) |
        (purpose.lawAge[i] === 1 ? R_LAW_AGE : 0) |
        (purpose.guardianAge[i]! << R_GUARDIAN_AGE_SHIFT) |
        ((purpose.ruleAge[i]! & 0x7f) << R_RULE_AGE_SHIFT);
      for (let w = 0; w < words; w++) {
        const c = k + 1 + w * C_STRIDE;
        const valid = category.valid[w]!;
        at[c + C_UNKNOWN] = ~valid;
        at[c + C_UNDECLARED] = valid & ~purpose.categories[p * words + w]!;
        at[c + C_SENSITIVE] = category.sensitive[w]!;
        at[c + C_SENSITIVE_HERE] = category.sensitiveIn[slot * words + w]!;
        at[c + C_TRACKED] = purpose.tracked[p * words + w]!;
      }
    }
  }
  return Object.freeze({
    purposeCount,
    recipientCount: parts.recipientCount,
    words,
    stride,
    restrictedAt: purposeCount,
    stateLength: purposeCount + 4 * words,
    at,
    sensitive: new Int32Array(category.sensitive.buffer, category.sensitive.byteOffset, words),
    doNotTrack: parts.doNotTrack,
  });
}
