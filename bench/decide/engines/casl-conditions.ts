import { createMongoAbility, type MongoAbility, type RawRuleOf, subject as tag } from '@casl/ability';
import type { CategoryFacts, PolicyFacts, PurposeFacts, SubjectFacts } from '../facts.js';
import { ruleLane } from './casl-rule-lane.js';
import type { BenchWorld, Engine } from './types.js';

type Rule = RawRuleOf<MongoAbility>;

/** Name of this lane in the tables and the JSON. */
export const CASL_CONDITIONS = 'CASL 6 (one ability, conditions)';

/** A subject's consent state as a CASL app would load it: one plain object, flags keyed by id. */
export interface CaslSubjectState {
  accepted: boolean;
  restrictedAll: boolean;
  /** Level of the valid consent on record per purpose id (0: none). */
  consent: Record<string, number>;
  withdrawn: Record<string, boolean>;
  optedOut: Record<string, boolean>;
  objections: Record<string, boolean>;
  restrictedPurposes: Record<string, boolean>;
  restrictedCategories: Record<string, boolean>;
}

/**
 * CASL 6 as its documentation recommends: one `MongoAbility` for the whole policy, built
 * once from the manifest, with conditions over the subject's fields; each check passes the
 * subject's state with the call, `ability.relevantRuleFor(purpose, subject(category, { ...state }))`.
 * The action is the purpose and the subject type the category, so CASL's rule index narrows
 * every check to the rules of one purpose and one category. Later rules win in CASL, so the
 * rules of a pair go from weakest to strongest: allow, objection, opt-out, consent failure,
 * withdrawal, restriction; an undeclared pair has a single denying rule. Each rule carries its
 * reason, which `relevantRuleFor` returns.
 */
export function caslConditionsEngine(world: BenchWorld): Engine {
  const { facts } = world;
  for (const id of [...facts.purposes.map((p) => p.id), ...facts.categories.map((c) => c.id)]) {
    // Conditions address state fields by dotted path, so an id must not contain a dot.
    if (id.includes('.')) throw new Error(`id "${id}" contains a dot; CASL conditions cannot address it`);
  }
  const ability = createMongoAbility(policyRules(facts));
  const states = world.subjects.map((s) => caslState(facts, s));
  const { subject, purpose, categories, count } = world.requests;
  const actions = facts.purposes.map((p) => p.id);
  const types = facts.categories.map((c) => c.id);

  /** The deciding rule: the first denying rule among the categories, else the last allowing one. */
  const decisive = (i: number) => {
    const state = states[subject[i]!]!;
    const action = actions[purpose[i]!]!;
    let last = null;
    for (const c of categories[i]!) {
      // `subject()` tags the object with its type once, so each call gets its own copy.
      const rule = ability.relevantRuleFor(action, tag(types[c]!, { ...state }));
      if (!rule || rule.inverted) return rule;
      last = rule;
    }
    return last;
  };
  return {
    name: CASL_CONDITIONS,
    encoding:
      'one MongoAbility from the manifest; action = purpose, subject type = category, conditions over the state; relevantRuleFor(purpose, subject(category, { ...state }))',
    ...ruleLane(decisive, count),
  };
}

/** The subject's state as a plain object (built before timing, as an app loads it per request). */
export function caslState(facts: PolicyFacts, s: SubjectFacts): CaslSubjectState {
  const byPurpose = <T>(value: (p: PurposeFacts) => T) =>
    Object.fromEntries(facts.purposes.map((p) => [p.id, value(p)]));
  return {
    accepted: s.accepted,
    restrictedAll: s.restrictedAll,
    consent: byPurpose((p) => s.consentLevel[p.index] ?? 0),
    withdrawn: byPurpose((p) => s.withdrawn[p.index] === 1),
    optedOut: byPurpose((p) => s.optedOut[p.index] === 1),
    objections: byPurpose((p) => s.objections[p.index] === 1),
    restrictedPurposes: byPurpose((p) => s.restrictedPurposes[p.index] === 1),
    restrictedCategories: Object.fromEntries(
      facts.categories.map((c) => [c.id, s.restrictedCategories[c.index] === true]),
    ),
  };
}

/** Every rule of the policy, per purpose and category, weakest first (see the engine's doc). */
export function policyRules(facts: PolicyFacts): Rule[] {
  const rules: Rule[] = [];
  for (const p of facts.purposes) {
    for (const c of facts.categories) {
      if (p.declared[c.index]) rules.push(...pairRules(p, c));
      else rules.push(deny(p, c, 'deny.category-not-declared'));
    }
  }
  return rules;
}

/** The rules of one declared purpose and category, in the order of `referenceDeny`, reversed. */
function pairRules(p: PurposeFacts, c: CategoryFacts): Rule[] {
  const id = p.id;
  const required = p.required[c.index] ?? 0;
  const rules: Rule[] = [{ action: id, subject: c.id, reason: p.allowReason }];
  if (p.objectable) rules.push(deny(p, c, 'deny.objection', { [`objections.${id}`]: true }));
  if (p.optOutMode) rules.push(deny(p, c, 'deny.opted-out', { [`withdrawn.${id}`]: true }));
  if (p.optOutApplies) rules.push(deny(p, c, 'deny.opted-out', { [`optedOut.${id}`]: true }));
  if (required > 0) {
    const reason = required === 3 ? 'deny.separate-consent-required' : 'deny.no-consent';
    const below = { [`consent.${id}`]: { $lt: required } };
    // An implied consent is also met by accepting the policy, unless the subject opted out
    // (a withdrawal is caught by the stronger rule below).
    if (required === 1) {
      rules.push(deny(p, c, reason, { ...below, accepted: false }));
      rules.push(deny(p, c, reason, { ...below, [`optedOut.${id}`]: true }));
    } else rules.push(deny(p, c, reason, below));
    rules.push(deny(p, c, 'deny.consent-withdrawn', { [`withdrawn.${id}`]: true }));
  }
  rules.push(deny(p, c, 'deny.restricted', { [`restrictedCategories.${c.id}`]: true }));
  rules.push(deny(p, c, 'deny.restricted', { [`restrictedPurposes.${id}`]: true }));
  rules.push(deny(p, c, 'deny.restricted', { restrictedAll: true }));
  return rules;
}

function deny(p: PurposeFacts, c: CategoryFacts, reason: string, conditions?: Record<string, unknown>): Rule {
  return { action: p.id, subject: c.id, inverted: true, reason, ...(conditions ? { conditions } : {}) };
}
