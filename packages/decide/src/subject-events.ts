import type { LedgerEventType, PrivacySignal } from '@pledge/core';
import { LEVEL_EXPLICIT, LEVEL_IMPLIED, LEVEL_SEPARATE } from './codes.js';
import { draftSubjectState, packSubjectState, type SubjectDraft } from './packed-subject.js';
import type { CompiledPolicy } from './policy.js';
import type { ConsentRecord, GivenConsentMode, SubjectFacts, SubjectState } from './subject-state.js';

/** Kinds of ledger events that shape a subject's state: every kind the ledger records. */
export type SubjectEventType = LedgerEventType;

/**
 * One ledger event, reduced to what decisions need. `purposes` omitted means every purpose
 * (for `opt-out`: every sale/share/targeted-advertising purpose). For `restriction` and
 * `restriction-lifted`, omitting both `purposes` and `categories` means the whole subject.
 * `objection-lifted` (an officer's assessment found compelling grounds) undoes an objection.
 */
export interface SubjectEvent {
  readonly type: SubjectEventType;
  /** When it happened (ISO 8601); events apply in time order, ties in input order. */
  readonly at: string;
  /** Purpose ids. */
  readonly purposes?: readonly string[];
  /** Category ids (restrictions). */
  readonly categories?: readonly string[];
  /** Policy version shown when the event was recorded. */
  readonly policyVersion?: string;
  /** `consent-given`: how consent was given; default `opt-in`. */
  readonly mode?: GivenConsentMode;
  /** `signal-seen`: which signal. */
  readonly signal?: PrivacySignal;
  /** `signal-seen`: whether the signal is on; default true. */
  readonly value?: boolean;
}

/** Options for {@link subjectStateFromEvents}. */
export interface SubjectEventOptions extends SubjectFacts {
  /**
   * Whether a consent given under an older policy version must be renewed (because that
   * change reopened consent); such a consent no longer counts. `purpose` is undefined for
   * acceptance of the policy as a whole. Default: no version needs renewal.
   */
  needsRenewal?: (policyVersion: string, purpose: string | undefined) => boolean;
}

/** Events that can only narrow processing: applied even when their time cannot be read. */
const NARROWING: ReadonlySet<string> = new Set(['consent-withdrawn', 'objection', 'restriction', 'opt-out']);

const LEVEL_OF_MODE: Readonly<Record<GivenConsentMode, number>> = {
  implied: LEVEL_IMPLIED,
  'opt-in': LEVEL_EXPLICIT,
  separate: LEVEL_SEPARATE,
};

/**
 * Builds a {@link SubjectState} from ledger events. A later withdrawal beats an earlier
 * consent and a later consent beats an earlier withdrawal; implied acceptance never undoes
 * a withdrawal or an opt-out; a consent given under a version that needs renewal is kept
 * but marked so it does not count. Events whose time cannot be read are dropped, except
 * withdrawals, objections, restrictions and opt-outs, which are applied last (they can only
 * deny more). Unknown purpose or category ids are ignored. Never throws on bad events.
 */
export function subjectStateFromEvents(
  policy: CompiledPolicy,
  events: readonly SubjectEvent[],
  options: SubjectEventOptions = {},
): SubjectState {
  const state = draftSubjectState(policy, options);
  for (const event of ordered(events)) apply(policy, state, state.consents, event, options);
  return packSubjectState(policy, state);
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
  state: SubjectDraft,
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
    // An officer's assessment found compelling legitimate grounds (GDPR Art. 21(1)).
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
  state: SubjectDraft,
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
