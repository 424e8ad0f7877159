import type { JurisdictionKey } from '@pledge/core';
import { jurisdictionSlot } from './codes.js';
import type { CompiledPolicy } from './policy.js';
import {
  F_GUARDIAN,
  F_OBJECTION,
  F_OPTED_OUT,
  F_RENEWAL,
  F_RESTRICTED,
  F_WITHDRAWN,
  H_ACCEPTANCE_RENEWAL,
  H_ACCEPTED,
  H_DNT,
  H_GPC,
  H_RESTRICTED_ALL,
  H_RESTRICTED_CATEGORIES,
  packBytes,
  purposeFlags,
  restrictedWord,
} from './subject-layout.js';
import type { ConsentRecord, SubjectFacts, SubjectState } from './subject-state.js';

/**
 * The one implementation of {@link SubjectState}. The decision engine reads `packed`,
 * `header`, `slot` and `age` (assigned first, so they sit together at the start of the
 * object); the per-purpose arrays of the public shape are decoded from `packed` on demand.
 */
export class PackedSubject implements SubjectState {
  /** Purpose flag bytes, then the restricted-category bitset, as a one-byte string (see `subject-layout`). */
  declare readonly packed: string;
  /** `H_*` bits. */
  declare readonly header: number;
  /** Jurisdiction slot of `jurisdiction` (-1: not a supported jurisdiction). */
  declare readonly slot: number;
  declare readonly age: number | undefined;
  declare readonly jurisdiction: JurisdictionKey | undefined;
  /** Country of residence, upper case, read for national ages of digital consent. */
  declare readonly region: string | undefined;
  declare readonly consents: readonly (ConsentRecord | undefined)[];
  declare readonly policyAcceptance: ConsentRecord | undefined;

  constructor(
    packed: string,
    header: number,
    records: {
      readonly jurisdiction: JurisdictionKey | undefined;
      readonly region?: string | undefined;
      readonly age: number | undefined;
      readonly consents: readonly (ConsentRecord | undefined)[];
      readonly policyAcceptance: ConsentRecord | undefined;
    },
  ) {
    // Plain assignments in this order fix the field layout (hot fields first).
    const self = this as { -readonly [K in keyof PackedSubject]: PackedSubject[K] };
    self.packed = packed;
    self.header = header;
    self.slot = jurisdictionSlot(records.jurisdiction);
    self.age = records.age;
    self.jurisdiction = records.jurisdiction;
    self.region = records.region;
    self.consents = records.consents;
    self.policyAcceptance = records.policyAcceptance;
  }

  get withdrawn(): Uint8Array {
    return flagArray(this, F_WITHDRAWN);
  }
  get guardianConsent(): Uint8Array {
    return flagArray(this, F_GUARDIAN);
  }
  get objections(): Uint8Array {
    return flagArray(this, F_OBJECTION);
  }
  get optedOut(): Uint8Array {
    return flagArray(this, F_OPTED_OUT);
  }
  get restrictedPurposes(): Uint8Array {
    return flagArray(this, F_RESTRICTED);
  }
  get restrictedCategories(): Uint32Array {
    const at = this.consents.length;
    const out = new Uint32Array((this.packed.length - at) >>> 2);
    for (let w = 0; w < out.length; w++) out[w] = restrictedWord(this.packed, at, w);
    return out;
  }
  get restrictedAll(): boolean {
    return (this.header & H_RESTRICTED_ALL) !== 0;
  }
  get gpc(): boolean {
    return (this.header & H_GPC) !== 0;
  }
  get dnt(): boolean {
    return (this.header & H_DNT) !== 0;
  }
}

/** One `F_*` flag of every purpose, as the public shape's per-purpose array. */
function flagArray(subject: PackedSubject, flag: number): Uint8Array {
  const out = new Uint8Array(subject.consents.length);
  for (let p = 0; p < out.length; p++) out[p] = (purposeFlags(subject.packed, p) & flag) !== 0 ? 1 : 0;
  return out;
}

/** A subject state under construction, in the readable shape (see {@link packSubjectState}). */
export interface SubjectDraft {
  jurisdiction: JurisdictionKey | undefined;
  region: string | undefined;
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

/** A draft with no consents, objections, restrictions or opt-outs. */
export function draftSubjectState(policy: CompiledPolicy, facts: SubjectFacts): SubjectDraft {
  const purposes = policy.purposes.ids.length;
  return {
    jurisdiction: facts.jurisdiction,
    region: facts.region?.toUpperCase(),
    age: facts.age,
    consents: new Array<ConsentRecord | undefined>(purposes).fill(undefined),
    withdrawn: new Uint8Array(purposes),
    guardianConsent: new Uint8Array(purposes),
    objections: new Uint8Array(purposes),
    optedOut: new Uint8Array(purposes),
    restrictedPurposes: new Uint8Array(purposes),
    restrictedCategories: new Uint32Array(policy.categoryWords),
    restrictedAll: false,
    policyAcceptance: undefined,
    gpc: facts.gpc === true,
    dnt: facts.dnt === true,
  };
}

/** Packs a finished draft into the state the engine reads. */
export function packSubjectState(policy: CompiledPolicy, draft: SubjectDraft): SubjectState {
  const purposes = policy.purposes.ids.length;
  const codes = new Array<number>(policy.engine.stateLength).fill(0);
  for (let p = 0; p < purposes; p++) {
    const consent = draft.consents[p];
    let flags = consent === undefined ? 0 : consent.level & 0b11;
    if (consent?.needsRenewal === true) flags |= F_RENEWAL;
    if (draft.withdrawn[p] === 1) flags |= F_WITHDRAWN;
    if (draft.guardianConsent[p] === 1) flags |= F_GUARDIAN;
    if (draft.objections[p] === 1) flags |= F_OBJECTION;
    if (draft.optedOut[p] === 1) flags |= F_OPTED_OUT;
    if (draft.restrictedPurposes[p] === 1) flags |= F_RESTRICTED;
    codes[p] = flags;
  }
  let header = 0;
  for (let w = 0; w < policy.categoryWords; w++) {
    const bits = draft.restrictedCategories[w] ?? 0;
    for (let b = 0; b < 4; b++) codes[policy.engine.restrictedAt + 4 * w + b] = (bits >>> (8 * b)) & 0xff;
    if (bits !== 0) header |= H_RESTRICTED_CATEGORIES;
  }
  const acceptance = draft.policyAcceptance;
  if (draft.restrictedAll) header |= H_RESTRICTED_ALL;
  if (draft.gpc) header |= H_GPC;
  if (draft.dnt) header |= H_DNT;
  if (acceptance !== undefined) header |= acceptance.needsRenewal ? H_ACCEPTANCE_RENEWAL : H_ACCEPTED;
  return new PackedSubject(packBytes(codes), header, draft);
}

/** The packed state behind `value`, or undefined when `value` did not come from the builders. */
export function asPackedSubject(value: unknown): PackedSubject | undefined {
  return value instanceof PackedSubject && typeof value.packed === 'string' ? value : undefined;
}

/** A subject with no consents, objections, restrictions or opt-outs. */
export function emptySubjectState(policy: CompiledPolicy, facts: SubjectFacts = {}): SubjectState {
  return packSubjectState(policy, draftSubjectState(policy, facts));
}
