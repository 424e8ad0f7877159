import { createMongoAbility, type MongoAbility, type RawRuleOf, subject as tag } from '@casl/ability';
import { meets, type PolicyFacts, type PurposeFacts, type SubjectFacts } from '../facts.js';
import { ruleLane } from './casl-rule-lane.js';
import type { BenchWorld, Engine } from './types.js';

type Rule = RawRuleOf<MongoAbility>;

/** Name of this lane in the tables and the JSON. */
export const CASL_PER_SUBJECT = 'CASL 6 (ability per subject)';

/**
 * CASL 6, ability per subject (the comparison lane of the first benchmark; the lane configured
 * as CASL's documentation recommends is `casl-conditions.ts`): one `MongoAbility` per subject, built the way a CASL app's `defineAbilityFor(user)`
 * would from the subject's consent state. The purpose is the action, the category a `Data`
 * subject (`{ category }`); CASL has no notion of consent levels, so the builder turns
 * "consent at level L" into the set of categories that level covers. Later rules win in
 * CASL, so the list goes from weakest to strongest: allow, consent failures, opt-out,
 * objection, restriction, then the static "category not declared" rules. Each rule
 * carries its reason; `relevantRuleFor` returns it.
 */
export function caslEngine(world: BenchWorld): Engine {
  const { facts } = world;
  const { subject, purpose, categories, count } = world.requests;
  const staticRules: Rule[] = facts.purposes.map((p) => ({
    action: p.id,
    subject: 'Data',
    inverted: true,
    conditions: { category: { $nin: declaredIds(facts, p) } },
    reason: 'deny.category-not-declared',
  }));
  const abilities = world.subjects.map((s) =>
    createMongoAbility([...subjectRules(facts, s), ...staticRules]),
  );
  const dataOf = facts.categories.map((c) => tag('Data', { category: c.id }));
  const actions = facts.purposes.map((p) => p.id);

  /** The deciding rule: the first denying rule among the categories, else the last allowing one. */
  const decisive = (i: number): { inverted: boolean; reason: string | undefined } | null => {
    const ability = abilities[subject[i]!]!;
    const action = actions[purpose[i]!]!;
    let last = null;
    for (const c of categories[i]!) {
      const rule = ability.relevantRuleFor(action, dataOf[c]!);
      if (!rule || rule.inverted) return rule;
      last = rule;
    }
    return last;
  };
  return {
    name: CASL_PER_SUBJECT,
    encoding:
      'MongoAbility per subject; action = purpose, subject("Data", { category }); reasons via relevantRuleFor',
    ...ruleLane(decisive, count),
  };
}

function declaredIds(facts: PolicyFacts, p: PurposeFacts): string[] {
  return facts.categories.filter((c) => p.declared[c.index]).map((c) => c.id);
}

function subjectRules(facts: PolicyFacts, s: SubjectFacts): Rule[] {
  const rules: Rule[] = [];
  for (const p of facts.purposes) {
    const i = p.index;
    const declared = facts.categories.filter((c) => p.declared[c.index]);
    if (p.mode === 'none') rules.push({ action: p.id, subject: 'Data', reason: p.allowReason });
    else {
      const pass = declared.filter((c) => meets(s, i, p.required[c.index]!)).map((c) => c.id);
      if (pass.length > 0) {
        rules.push({
          action: p.id,
          subject: 'Data',
          conditions: { category: { $in: pass } },
          reason: p.allowReason,
        });
      }
    }
    if (s.withdrawn[i] === 1 && (p.consentBased || p.optOutMode)) {
      const reason = p.consentBased ? 'deny.consent-withdrawn' : 'deny.opted-out';
      rules.push({ action: p.id, subject: 'Data', inverted: true, reason });
    } else {
      const failing = declared.filter((c) => !meets(s, i, p.required[c.index]!));
      const no = failing.filter((c) => p.required[c.index] !== 3).map((c) => c.id);
      const separate = failing.filter((c) => p.required[c.index] === 3).map((c) => c.id);
      if (no.length > 0) rules.push(inverted(p.id, 'deny.no-consent', no));
      if (separate.length > 0) rules.push(inverted(p.id, 'deny.separate-consent-required', separate));
    }
    if (s.optedOut[i] === 1 && p.optOutApplies) {
      rules.push({ action: p.id, subject: 'Data', inverted: true, reason: 'deny.opted-out' });
    }
    if (s.objections[i] === 1 && p.objectable) {
      rules.push({ action: p.id, subject: 'Data', inverted: true, reason: 'deny.objection' });
    }
    if (s.restrictedPurposes[i] === 1) {
      rules.push({ action: p.id, subject: 'Data', inverted: true, reason: 'deny.restricted' });
    }
  }
  const restricted = facts.categories.filter((c) => s.restrictedCategories[c.index]).map((c) => c.id);
  if (restricted.length > 0) rules.push(inverted('manage', 'deny.restricted', restricted));
  if (s.restrictedAll)
    rules.push({ action: 'manage', subject: 'all', inverted: true, reason: 'deny.restricted' });
  return rules;
}

function inverted(action: string, reason: string, categories: string[]): Rule {
  return { action, subject: 'Data', inverted: true, conditions: { category: { $in: categories } }, reason };
}
