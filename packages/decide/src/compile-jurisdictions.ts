import type { Jurisdiction, JurisdictionKey, Manifest, MinorRule } from '@pledge/core';
import { runtimeDefault } from '@pledge/core/model-runtime';
import { JURISDICTION_SLOTS, LEVEL_SEPARATE, levelForMode, modeCode, SLOT_COUNT } from './codes.js';
import type { CompiledLocalisation, JurisdictionTables } from './policy.js';
import type { JurisdictionLookup } from './taxonomy-lookup.js';

/**
 * Compiles the per-jurisdiction facts the engine needs. Slot 0 (jurisdiction unknown)
 * takes the strictest value among the laws the policy addresses and every minors rule,
 * so not knowing where a subject is never loosens a rule.
 */
export function compileJurisdictions(
  manifest: Manifest,
  lookup: JurisdictionLookup,
  localisations: readonly CompiledLocalisation[],
  on: string = today(),
): JurisdictionTables {
  const barredBelow = new Uint8Array(SLOT_COUNT);
  const guardianBelow = new Uint8Array(SLOT_COUNT);
  const guidanceBelow = new Uint8Array(SLOT_COUNT);
  const digitalConsentAge = new Uint8Array(SLOT_COUNT);
  const saleOptInBelow = new Uint8Array(SLOT_COUNT);
  const saleBarredBelow = new Uint8Array(SLOT_COUNT);
  const gpc = new Uint8Array(SLOT_COUNT);
  const gpcDisplay = new Uint8Array(SLOT_COUNT);
  const sensitiveLevel = new Uint8Array(SLOT_COUNT);
  const separateDisclosure = new Uint8Array(SLOT_COUNT);
  const separateTransfer = new Uint8Array(SLOT_COUNT);
  const home: ReadonlySet<string>[] = [];
  const regionAges: ReadonlyMap<string, number>[] = [];
  const bySlot: (readonly number[])[] = [];
  const storage = manifest.transfers.storage.map((country) => country.toUpperCase());
  const honoursGpc = manifest.signals.globalPrivacyControl ?? runtimeDefault('signals.globalPrivacyControl');

  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    const key = JURISDICTION_SLOTS[slot] as JurisdictionKey | 'default';
    const laws = lawsFor(slot === 0 ? manifest.policy.jurisdictions : [key as JurisdictionKey], lookup);
    const rules = manifest.minors.rules.filter(
      (rule) =>
        slot === 0 || rule.jurisdictions.length === 0 || rule.jurisdictions.includes(key as JurisdictionKey),
    );
    barredBelow[slot] = maxBelow(rules, 'barred');
    guardianBelow[slot] = maxBelow(rules, 'guardian-consent');
    guidanceBelow[slot] = maxBelow(rules, 'guardian-guidance');
    digitalConsentAge[slot] = Math.max(0, ...laws.map((law) => law.minors?.digitalConsentAge?.value ?? 0));
    saleOptInBelow[slot] = Math.max(0, ...laws.map((law) => law.minors?.saleOptInBelow?.value ?? 0));
    regionAges.push(slot === 0 ? new Map() : nationalAges(laws));
    saleBarredBelow[slot] = Math.max(0, ...laws.map((law) => law.minors?.saleBarredBelow?.value ?? 0));
    const lawGpc = laws.some((law) => gpcDutyOn(law, on));
    gpc[slot] = lawGpc || honoursGpc ? 1 : 0;
    gpcDisplay[slot] = gpc[slot] === 1 && laws.some((law) => displayDutyOn(law, on)) ? 1 : 0;
    sensitiveLevel[slot] = Math.max(0, ...laws.map(sensitiveLevelOf));
    separateDisclosure[slot] = laws.some((law) => separateFor(law, 'disclosure-to-controller')) ? 1 : 0;
    separateTransfer[slot] = laws.some((law) => separateFor(law, 'transfer-abroad')) ? 1 : 0;
    // Regions may be subdivisions (US-CA); transfers are between countries.
    const regions =
      slot === 0 ? [] : laws.flatMap((law) => law.regions ?? []).map((r) => r.toUpperCase().split('-')[0]!);
    home.push(Object.freeze(new Set([...storage, ...regions])));
    bySlot.push(
      Object.freeze(
        localisations.flatMap((rule, i) => (slot === 0 || regions.includes(rule.region) ? [i] : [])),
      ),
    );
  }
  return Object.freeze({
    barredBelow,
    guardianBelow,
    guidanceBelow,
    digitalConsentAge,
    regionAges: Object.freeze(regionAges),
    saleOptInBelow,
    saleBarredBelow,
    gpc,
    gpcDisplay,
    sensitiveLevel,
    separateDisclosure,
    separateTransfer,
    home: Object.freeze(home),
    localisations: Object.freeze(bySlot),
  });
}

/** Today's date (ISO, UTC): the day a policy is compiled for unless told otherwise. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Whether the law requires honouring GPC on `on` (a duty with a start date binds from that day). */
function gpcDutyOn(law: Jurisdiction, on: string): boolean {
  if (law.signals?.gpc?.value !== true) return false;
  const from = law.signals.gpcFrom?.value;
  return from === undefined || from <= on;
}

/** Whether the law requires showing that a signal was honoured on `on` (CCPA §7025(c)(6)). */
function displayDutyOn(law: Jurisdiction, on: string): boolean {
  const from = law.signals?.displayHonouredFrom?.value;
  return from !== undefined && from <= on;
}

function lawsFor(keys: readonly JurisdictionKey[], lookup: JurisdictionLookup): Jurisdiction[] {
  const out: Jurisdiction[] = [];
  for (const key of keys) {
    const law = lookup(key);
    if (law) out.push(law);
  }
  return out;
}

/** Ages set per country by the slot's law (the highest where laws disagree). */
function nationalAges(laws: readonly Jurisdiction[]): ReadonlyMap<string, number> {
  const ages = new Map<string, number>();
  for (const law of laws) {
    for (const [region, age] of Object.entries(law.minors?.byRegion ?? {})) {
      ages.set(region, Math.max(ages.get(region) ?? 0, age.value));
    }
  }
  return ages;
}

function maxBelow(rules: readonly MinorRule[], kind: MinorRule['rule']): number {
  return Math.max(0, ...rules.filter((rule) => rule.rule === kind).map((rule) => rule.below));
}

function separateFor(law: Jurisdiction, action: string): boolean {
  return (law.separateConsentFor?.value as readonly string[] | undefined)?.includes(action) === true;
}

/** Consent level a law requires before sensitive data is used on the basis of consent. */
function sensitiveLevelOf(law: Jurisdiction): number {
  if (separateFor(law, 'sensitive')) return LEVEL_SEPARATE;
  const mode = law.sensitive?.consentMode?.value;
  return mode === undefined ? 0 : levelForMode(modeCode(mode));
}
