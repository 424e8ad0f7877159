import type { JurisdictionKey, LegalBasis, Manifest } from '@pledge/core';
import { isAtOrUnder } from '@pledge/core/model-runtime';
import { setBit } from './bitset.js';
import {
  JURISDICTION_SLOTS,
  legalBasisCode,
  levelForMode,
  MODE_GUARDIAN,
  MODE_NONE,
  MODE_OPT_IN,
  MODE_SEPARATE,
  modeCode,
  SLOT_COUNT,
} from './codes.js';
import { knownIndexes } from './id-index.js';
import type { IdIndex, JurisdictionTables, PurposeTables } from './policy.js';
import type { TaxonomyLookup } from './taxonomy-lookup.js';

/** Legal bases an objection can stop (GDPR Art. 21(1)); direct marketing is stoppable on any basis. */
const OBJECTABLE_BASES: ReadonlySet<LegalBasis> = new Set(['legitimate-interests', 'public-task']);

/** Compiles the per-purpose tables. */
export function compilePurposes(
  manifest: Manifest,
  categories: IdIndex,
  categoryWords: number,
  jurisdiction: JurisdictionTables,
  taxonomy: TaxonomyLookup,
): PurposeTables {
  const count = manifest.purposes.length;
  const declared = new Uint32Array(count * categoryWords);
  const consentMode = new Uint8Array(count * SLOT_COUNT);
  const legalBasis = new Uint8Array(count * SLOT_COUNT);
  const level = new Uint8Array(count * SLOT_COUNT);
  const guardianAge = new Uint8Array(count * SLOT_COUNT);
  const ruleAge = new Uint8Array(count * SLOT_COUNT);
  const lawAge = new Uint8Array(count * SLOT_COUNT);
  const objectable = new Uint8Array(count * SLOT_COUNT);
  const saleShare = new Uint8Array(count);
  const tracking = new Uint8Array(count);
  const tracked = new Uint32Array(count * categoryWords);
  const trackers = manifest.trackers.filter((tracker) => !tracker.essential);

  manifest.purposes.forEach((purpose, p) => {
    for (const c of knownIndexes(categories, purpose.categories)) setBit(declared, p * categoryWords, c);
    const marketing = isAtOrUnder(taxonomy, purpose.taxonomy, 'marketing');
    saleShare[p] = purpose.sale || purpose.targetedAdvertising ? 1 : 0;
    // A tracker that names no categories makes the whole purpose tracking.
    const serving = trackers.filter((tracker) => tracker.purposes.includes(purpose.id));
    tracking[p] =
      saleShare[p] === 1 ||
      isAtOrUnder(taxonomy, purpose.taxonomy, 'marketing.advertising') ||
      serving.some((tracker) => tracker.categories.length === 0)
        ? 1
        : 0;
    for (const tracker of serving) {
      for (const c of knownIndexes(categories, tracker.categories)) setBit(tracked, p * categoryWords, c);
    }
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      const key = JURISDICTION_SLOTS[slot] as JurisdictionKey;
      const mode = modeCode((slot === 0 ? undefined : purpose.consent[key]) ?? purpose.consent.default);
      const basis = (slot === 0 ? undefined : purpose.legalBasis[key]) ?? purpose.legalBasis.default;
      const at = p * SLOT_COUNT + slot;
      consentMode[at] = mode;
      legalBasis[at] = legalBasisCode(basis);
      level[at] = levelForMode(mode);
      objectable[at] = OBJECTABLE_BASES.has(basis) || marketing ? 1 : 0;
      const gate = guardianGate(mode, basis, saleShare[p] === 1, jurisdiction, slot);
      ruleAge[at] = gate.ruleAge;
      lawAge[at] = gate.lawAge ? 1 : 0;
      guardianAge[at] = gate.lawAge
        ? Math.max(gate.ruleAge, jurisdiction.digitalConsentAge[slot] ?? 0)
        : gate.ruleAge;
    }
  });
  return Object.freeze({
    categories: declared,
    consentMode,
    legalBasis,
    level,
    guardianAge,
    ruleAge,
    lawAge,
    objectable,
    saleShare,
    tracking,
    tracked,
    taxonomy: Object.freeze(manifest.purposes.map((purpose) => purpose.taxonomy)),
  });
}

/**
 * Age below which a guardian must consent to the purpose. The manifest's guardian-consent
 * rules cover every purpose that rests on consent or on a contract (a minor cannot enter
 * one alone); legal obligations, legitimate interests and the like without consent are not
 * gated. The law's digital age of consent covers purposes that rest on consent, and
 * sale/sharing (where minors need an opt-in instead of an opt-out); `lawAge` says so, so that
 * a subject's national age (GDPR Art. 8(1)) can replace the law's general one at decision time.
 */
function guardianGate(
  mode: number,
  basis: LegalBasis,
  saleShare: boolean,
  jurisdiction: JurisdictionTables,
  slot: number,
): { ruleAge: number; lawAge: boolean } {
  const ruleAge =
    mode !== MODE_NONE || basis === 'consent' || basis === 'contract'
      ? (jurisdiction.guardianBelow[slot] ?? 0)
      : 0;
  const consentBased =
    basis === 'consent' ||
    mode === MODE_OPT_IN ||
    mode === MODE_SEPARATE ||
    mode === MODE_GUARDIAN ||
    saleShare;
  return { ruleAge, lawAge: consentBased && mode !== MODE_NONE };
}
