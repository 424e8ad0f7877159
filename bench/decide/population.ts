import {
  type CategoryMask,
  type CompiledPolicy,
  categoryMask,
  type DecisionRequest,
  type GivenConsentMode,
  type SubjectEvent,
  type SubjectState,
  subjectStateFromEvents,
} from '@pledge/decide';
import type { Random } from '../lib/random.js';
import { BENCH_JURISDICTION, type PolicyFacts } from './facts.js';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

/**
 * A random history for one subject: policy acceptance, consents (sometimes weaker than the
 * purpose needs), withdrawals, opt-outs of sale, objections and restrictions, in time order.
 */
export function randomHistory(random: Random, facts: PolicyFacts): SubjectEvent[] {
  const events: SubjectEvent[] = [];
  let t = START + random.int(365) * DAY;
  const at = () => {
    t += 1 + random.int(30) * DAY;
    return new Date(t).toISOString();
  };
  const purposeIds = facts.purposes.map((p) => p.id);
  if (random.chance(0.75)) events.push({ type: 'policy-accepted', at: at(), policyVersion: '1.0.0' });
  const given: string[] = [];
  for (const purpose of facts.purposes) {
    const asksConsent = purpose.required.some((level, c) => purpose.declared[c] && level > 0);
    if (!asksConsent || !random.chance(0.5)) continue;
    const mode: GivenConsentMode =
      purpose.mode === 'separate'
        ? random.chance(0.65)
          ? 'separate'
          : 'opt-in'
        : random.chance(0.8)
          ? 'opt-in'
          : random.chance(0.5)
            ? 'implied'
            : 'separate';
    events.push({ type: 'consent-given', at: at(), purposes: [purpose.id], mode, policyVersion: '1.0.0' });
    given.push(purpose.id);
  }
  for (const id of given) {
    if (random.chance(0.15)) events.push({ type: 'consent-withdrawn', at: at(), purposes: [id] });
  }
  if (random.chance(0.03))
    events.push({ type: 'consent-withdrawn', at: at(), purposes: [random.pick(purposeIds)] });
  if (random.chance(0.1)) events.push({ type: 'opt-out', at: at() });
  if (random.chance(0.05)) events.push({ type: 'objection', at: at(), purposes: [random.pick(purposeIds)] });
  if (random.chance(0.04)) {
    const event: SubjectEvent = random.chance(0.5)
      ? { type: 'restriction', at: at(), purposes: [random.pick(purposeIds)] }
      : {
          type: 'restriction',
          at: at(),
          categories: random.sample(
            facts.categories.map((c) => c.id),
            1 + random.int(2),
          ),
        };
    events.push(event);
  }
  if (random.chance(0.005)) events.push({ type: 'restriction', at: at() });
  return events;
}

/** The population: one `SubjectState` per subject, built by Pledge's own `subjectStateFromEvents`. */
export function buildStates(
  random: Random,
  facts: PolicyFacts,
  policy: CompiledPolicy,
  count: number,
): SubjectState[] {
  const states: SubjectState[] = [];
  for (let s = 0; s < count; s++) {
    states.push(
      subjectStateFromEvents(policy, randomHistory(random, facts), { jurisdiction: BENCH_JURISDICTION }),
    );
  }
  return states;
}

/** The request stream every engine answers, in the representations the engines take. */
export interface RequestStream {
  count: number;
  subject: Int32Array;
  purpose: Int32Array;
  /** Category indexes of each request (1 to 3). */
  categories: readonly (readonly number[])[];
  /** Category bitsets (Pledge's fast path and the floor). */
  masks: readonly CategoryMask[];
  /** Requests by id (Pledge's `decide`). */
  byId: readonly DecisionRequest[];
}

/**
 * `count` requests: a random subject, a random purpose and 1 to 3 distinct categories,
 * each drawn from the purpose's declared categories 85% of the time and from all 40
 * otherwise (so undeclared uses are asked about too).
 */
export function buildRequests(
  random: Random,
  facts: PolicyFacts,
  policy: CompiledPolicy,
  subjects: number,
  count: number,
): RequestStream {
  const subject = new Int32Array(count);
  const purpose = new Int32Array(count);
  const categories: number[][] = [];
  const masks: CategoryMask[] = [];
  const byId: DecisionRequest[] = [];
  const all = facts.categories.map((c) => c.index);
  const declared = facts.purposes.map((p) => all.filter((c) => p.declared[c]));
  for (let i = 0; i < count; i++) {
    const p = random.int(facts.purposes.length);
    subject[i] = random.int(subjects);
    purpose[i] = p;
    const wanted = 1 + random.int(3);
    const chosen: number[] = [];
    while (chosen.length < wanted) {
      const c = random.chance(0.85) ? random.pick(declared[p]!) : random.pick(all);
      if (!chosen.includes(c)) chosen.push(c);
      else if (chosen.length >= declared[p]!.length) break;
    }
    categories.push(chosen);
    const mask = categoryMask(policy, chosen);
    if (!mask) throw new Error('generated a category index outside the policy');
    masks.push(mask);
    byId.push({ purpose: facts.purposes[p]!.id, categories: chosen.map((c) => facts.categories[c]!.id) });
  }
  return { count, subject, purpose, categories, masks, byId };
}
