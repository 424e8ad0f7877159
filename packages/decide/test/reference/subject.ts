import type { JurisdictionKey } from '@pledge/core';
import { LEVEL_EXPLICIT, LEVEL_IMPLIED, LEVEL_SEPARATE } from '../../src/codes.js';
import type { CompiledPolicy } from '../../src/policy.js';
import type { SubjectEvent, SubjectEventOptions } from '../../src/subject-events.js';
import type { ConsentRecord, GivenConsentMode } from '../../src/subject-state.js';

/** Events that can only narrow processing: applied even when their time cannot be read. */
const NARROWING: ReadonlySet<string> = new Set(['consent-withdrawn', 'objection', 'restriction', 'opt-out']);

const LEVEL_OF_MODE: Readonly<Record<GivenConsentMode, number>> = {
  implied: LEVEL_IMPLIED,
  'opt-in': LEVEL_EXPLICIT,
  separate: LEVEL_SEPARATE,
};

/**
 * The subject as the engine's first version stored it: one array per fact. Built by
 * {@link referenceSubject} with that version's event rules, kept here unchanged so the
 * packed state can be checked against it.
 */
export interface ReferenceSubject {
  jurisdiction: JurisdictionKey | undefined;
  age: number | undefined;
  consents: (ConsentRecord | undefined)[];
  withdrawn: Uint8Array;
  guardianConsent: Uint8Array;
  objections: Uint8Array;
  optedOut: Uint8Array;
  restrictedPurposes: Uint8Array;
  restrictedCategories: Uint32Array;
  restrictedAll: boolean;
  policyAcceptance: ConsentRecord | undefined;
  gpc: boolean;
  dnt: boolean;
}

/** The reference subject for `events` (the first version of `subjectStateFromEvents`). */
export function referenceSubject(
  policy: CompiledPolicy,
  events: readonly SubjectEvent[],
  options: SubjectEventOptions = {},
): ReferenceSubject {
  const purposes = policy.purposes.ids.length;
  const state: ReferenceSubject = {
    jurisdiction: options.jurisdiction,
    age: options.age,
    consents: new Array<ConsentRecord | undefined>(purposes).fill(undefined),
    withdrawn: new Uint8Array(purposes),
    guardianConsent: new Uint8Array(purposes),
    objections: new Uint8Array(purposes),
    optedOut: new Uint8Array(purposes),
    restrictedPurposes: new Uint8Array(purposes),
    restrictedCategories: new Uint32Array(policy.categoryWords),
    restrictedAll: false,
    policyAcceptance: undefined,
    gpc: options.gpc === true,
    dnt: options.dnt === true,
  };
  for (const event of ordered(events)) apply(policy, state, state.consents, event, options);
  return state;
}

function ordered(events: readonly SubjectEvent[]): SubjectEvent[] {
  if (!Array.isArray(events)) return [];
  const timed: { event: SubjectEvent; time: number; i: number }[] = [];
  const untimed: SubjectEvent[] = [];
  events.forEach((event, i) => {
    if (typeof event !== 'object' || event === null || typeof event.type !== 'string') return;
    const time = typeof event.at === 'string' ? Date.parse(event.at) : Number.NaN;
    if (Number.isFinite(time)) timed.push({ event, time, i });
    else if (NARROWING.has(event.type)) untimed.push(event);
  });
  timed.sort((a, b) => a.time - b.time || a.i - b.i);
  return [...timed.map((entry) => entry.event), ...untimed];
}

function apply(
  policy: CompiledPolicy,
  state: ReferenceSubject,
  consents: (ConsentRecord | undefined)[],
  event: SubjectEvent,
  options: SubjectEventOptions,
): void {
  const narrowing = NARROWING.has(event.type);
  const purposes = purposeIndexes(policy, event, narrowing);
  if (purposes === undefined) return;
  const renewal = (purpose: string | undefined) => stale(policy, event.policyVersion, purpose, options);
  switch (event.type) {
    case 'consent-given': {
      const mode = event.mode ?? 'opt-in';
      if (!Object.hasOwn(LEVEL_OF_MODE, mode)) return;
      const level = LEVEL_OF_MODE[mode];
      for (const p of purposes) {
        const record = consentRecord(mode, event, renewal(policy.purposes.ids[p]));
        const current = consents[p];
        const keep = current && !current.needsRenewal && (record.needsRenewal || current.level > level);
        if (!keep) consents[p] = record;
        state.withdrawn[p] = 0;
        state.optedOut[p] = 0;
        state.objections[p] = 0;
      }
      return;
    }
    case 'implied-acceptance':
      for (const p of purposes) {
        const current = consents[p];
        if (state.withdrawn[p] === 1 || state.optedOut[p] === 1 || (current && !current.needsRenewal))
          continue;
        consents[p] = consentRecord('implied', event, renewal(policy.purposes.ids[p]));
      }
      return;
    case 'consent-withdrawn':
      for (const p of purposes) {
        consents[p] = undefined;
        state.withdrawn[p] = 1;
        state.guardianConsent[p] = 0;
      }
      return;
    case 'guardian-consent':
      for (const p of purposes) {
        if (renewal(policy.purposes.ids[p])) continue;
        state.guardianConsent[p] = 1;
        state.withdrawn[p] = 0;
      }
      return;
    case 'opt-out':
      for (const p of purposes) {
        consents[p] = undefined;
        state.optedOut[p] = 1;
        state.guardianConsent[p] = 0;
      }
      return;
    case 'objection':
      for (const p of purposes) state.objections[p] = 1;
      return;
    case 'objection-lifted':
      for (const p of purposes) state.objections[p] = 0;
      return;
    case 'restriction':
    case 'restriction-lifted':
      restrict(policy, state, event, purposes, event.type === 'restriction');
      return;
    case 'signal-seen':
      if (event.signal === 'gpc') state.gpc = event.value !== false;
      else if (event.signal === 'dnt') state.dnt = event.value !== false;
      return;
    case 'policy-accepted':
      state.policyAcceptance = consentRecord('implied', event, renewal(undefined));
      return;
  }
}

/**
 * Purpose indexes an event names. Omitted: every purpose (opt-out: every sale/share
 * purpose). A malformed list makes a narrowing event apply to every purpose and drops a
 * widening one (undefined).
 */
function purposeIndexes(
  policy: CompiledPolicy,
  event: SubjectEvent,
  narrowing: boolean,
): number[] | undefined {
  const all = policy.purposes.ids.map((_, p) => p);
  if (event.purposes === undefined) {
    return event.type === 'opt-out' ? all.filter((p) => policy.purpose.saleShare[p] === 1) : all;
  }
  if (!Array.isArray(event.purposes)) return narrowing ? all : undefined;
  return indexesOf(policy.purposes.index, event.purposes);
}

function restrict(
  policy: CompiledPolicy,
  state: ReferenceSubject,
  event: SubjectEvent,
  purposes: readonly number[],
  on: boolean,
): void {
  const malformed = event.categories !== undefined && !Array.isArray(event.categories);
  if (malformed && !on) return;
  const categories = Array.isArray(event.categories)
    ? indexesOf(policy.categories.index, event.categories)
    : undefined;
  const whole = event.purposes === undefined && categories === undefined;
  if (whole) {
    state.restrictedAll = on;
    if (!on) {
      state.restrictedPurposes.fill(0);
      state.restrictedCategories.fill(0);
    }
    return;
  }
  if (event.purposes !== undefined) for (const p of purposes) state.restrictedPurposes[p] = on ? 1 : 0;
  for (const c of categories ?? []) {
    const w = c >>> 5;
    const bit = 1 << (c & 31);
    const word = state.restrictedCategories[w] ?? 0;
    state.restrictedCategories[w] = on ? word | bit : word & ~bit;
  }
}

function indexesOf(index: ReadonlyMap<string, number>, ids: readonly unknown[]): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const i = typeof id === 'string' ? index.get(id) : undefined;
    if (i !== undefined) out.push(i);
  }
  return out;
}

function consentRecord(mode: GivenConsentMode, event: SubjectEvent, needsRenewal: boolean): ConsentRecord {
  return Object.freeze({
    mode,
    level: LEVEL_OF_MODE[mode],
    at: event.at,
    policyVersion: event.policyVersion,
    needsRenewal,
  });
}

function stale(
  policy: CompiledPolicy,
  version: string | undefined,
  purpose: string | undefined,
  options: SubjectEventOptions,
): boolean {
  if (version === undefined || version === policy.version || !options.needsRenewal) return false;
  return options.needsRenewal(version, purpose) === true;
}
