import type { EntityJson } from '@cedar-policy/cedar-wasm/nodejs';
import type { PolicyFacts, PurposeFacts, SubjectFacts } from '../facts.js';
import type { Answer, BenchWorld, Engine } from './types.js';

const POLICY_SET_ID = 'pledge-bench';

/**
 * Cedar 4 (`@cedar-policy/cedar-wasm`, Node build): static policies generated from the
 * manifest, a `Subject` entity per subject generated from its state, a `Category` entity
 * per category. The policy set is parsed once (`preparsePolicySet`); each check is a
 * `statefulIsAuthorized` call with the subject and category entities. Reasons are the ids
 * of the determining policies (`diagnostics.reason`), mapped to reason codes.
 */
export async function cedarEngine(world: BenchWorld): Promise<Engine> {
  const cedar = await import('@cedar-policy/cedar-wasm/nodejs');
  const { facts } = world;
  const { policies, reasonOf } = cedarPolicies(facts);
  const parsed = cedar.preparsePolicySet(POLICY_SET_ID, { staticPolicies: policies });
  if (parsed.type !== 'success') {
    throw new Error(
      `Cedar rejected the generated policies: ${parsed.errors.map((e) => e.message).join('; ')}`,
    );
  }
  const subjects = world.subjects.map((s, si) => subjectEntity(facts, s, si));
  const categoryEntities = facts.categories.map((c) => categoryEntity(facts, c.index));
  const principals = subjects.map((e) => e.uid);
  const actions = facts.purposes.map((p) => ({ type: 'Action', id: p.id }));
  const resources = categoryEntities.map((e) => e.uid);
  const { subject, purpose, categories, count } = world.requests;
  const context = {};

  /** Reason codes of the deciding call: the first denied category's, else the last allowed one's. */
  const decisive = (i: number): { allowed: boolean; policies: readonly string[] } => {
    const s = subject[i]!;
    let last: { allowed: boolean; policies: readonly string[] } = { allowed: false, policies: [] };
    for (const c of categories[i]!) {
      const answer = cedar.statefulIsAuthorized({
        principal: principals[s]!,
        action: actions[purpose[i]!]!,
        resource: resources[c]!,
        context,
        preparsedPolicySetId: POLICY_SET_ID,
        entities: [subjects[s]!, categoryEntities[c]!],
      });
      if (answer.type !== 'success') {
        throw new Error(`Cedar failed: ${answer.errors.map((e) => e.message).join('; ')}`);
      }
      last = { allowed: answer.response.decision === 'allow', policies: answer.response.diagnostics.reason };
      if (!last.allowed) return last;
    }
    return last;
  };
  return {
    name: 'Cedar 4 (wasm)',
    encoding: 'static policies + Subject/Category entities; statefulIsAuthorized on a preparsed policy set',
    answer(i): Answer {
      const { allowed, policies: ids } = decisive(i);
      const reasons = ids.map((id) => reasonOf.get(id) ?? id);
      return { allowed, reasons: reasons.length > 0 ? reasons : ['deny.no-matching-policy'] };
    },
    batch(offset, n) {
      let sum = 0;
      for (let k = 0; k < n; k++) {
        const { allowed, policies: ids } = decisive((offset + k) % count);
        sum += (allowed ? 1 : 2) + (reasonOf.get(ids[0] ?? '')?.length ?? 0);
      }
      return sum;
    },
  };
}

const uid = (type: string, id: string) => ({ __entity: { type, id } });

function subjectEntity(facts: PolicyFacts, s: SubjectFacts, index: number): EntityJson {
  const actionsWhere = (flags: Uint8Array) =>
    facts.purposes.filter((p) => flags[p.index] === 1).map((p) => uid('Action', p.id));
  return {
    uid: { type: 'Subject', id: `s${index}` },
    attrs: {
      consent: Object.fromEntries(facts.purposes.map((p) => [p.id, s.consentLevel[p.index] ?? 0])),
      accepted: s.accepted,
      withdrawn: actionsWhere(s.withdrawn),
      optedOut: actionsWhere(s.optedOut),
      objections: actionsWhere(s.objections),
      restrictedAll: s.restrictedAll,
      restrictedPurposes: actionsWhere(s.restrictedPurposes),
      restrictedCategories: facts.categories
        .filter((c) => s.restrictedCategories[c.index])
        .map((c) => uid('Category', c.id)),
    },
    parents: [],
  };
}

function categoryEntity(facts: PolicyFacts, c: number): EntityJson {
  const category = facts.categories[c]!;
  return {
    uid: { type: 'Category', id: category.id },
    attrs: {
      sensitive: category.sensitive,
      declaredFor: facts.purposes.filter((p) => p.declared[c]).map((p) => uid('Action', p.id)),
    },
    parents: [],
  };
}

/** The policy set, by id, and the reason code each policy id stands for. */
export function cedarPolicies(facts: PolicyFacts): {
  policies: Record<string, string>;
  reasonOf: Map<string, string>;
} {
  const policies: Record<string, string> = {};
  const reasonOf = new Map<string, string>();
  const add = (id: string, reason: string, text: string) => {
    policies[id] = text;
    reasonOf.set(id, reason);
  };
  const actionList = (list: readonly PurposeFacts[]) =>
    `[${list.map((p) => `Action::"${p.id}"`).join(', ')}]`;
  const forbidFor = (id: string, reason: string, list: readonly PurposeFacts[], condition: string) => {
    if (list.length > 0)
      add(id, reason, `forbid(principal, action in ${actionList(list)}, resource) when { ${condition} };`);
  };

  add(
    'not-declared',
    'deny.category-not-declared',
    'forbid(principal, action, resource) unless { resource.declaredFor.contains(action) };',
  );
  add(
    'restricted-all',
    'deny.restricted',
    'forbid(principal, action, resource) when { principal.restrictedAll };',
  );
  add(
    'restricted-purpose',
    'deny.restricted',
    'forbid(principal, action, resource) when { principal.restrictedPurposes.contains(action) };',
  );
  add(
    'restricted-category',
    'deny.restricted',
    'forbid(principal, action, resource) when { principal.restrictedCategories.contains(resource) };',
  );
  const all = facts.purposes;
  forbidFor(
    'withdrawn',
    'deny.consent-withdrawn',
    all.filter((p) => p.consentBased),
    'principal.withdrawn.contains(action)',
  );
  forbidFor(
    'withdrawn-opt-out',
    'deny.opted-out',
    all.filter((p) => p.optOutMode),
    'principal.withdrawn.contains(action)',
  );
  forbidFor(
    'opted-out',
    'deny.opted-out',
    all.filter((p) => p.optOutApplies),
    'principal.optedOut.contains(action)',
  );
  forbidFor(
    'objection',
    'deny.objection',
    all.filter((p) => p.objectable),
    'principal.objections.contains(action)',
  );

  for (const p of facts.purposes) {
    const plain = levelFor(facts, p, false);
    const sensitive = levelFor(facts, p, true);
    const consent = `principal.consent["${p.id}"]`;
    const meets = (level: number) =>
      level === 0
        ? 'true'
        : level === 1
          ? `(${consent} >= 1 || principal.accepted)`
          : `${consent} >= ${level}`;
    const branch = (when: (level: number) => string) =>
      plain === sensitive
        ? when(plain)
        : `(if resource.sensitive then ${when(sensitive)} else ${when(plain)})`;
    add(
      `allow.${p.id}`,
      p.allowReason,
      `permit(principal, action == Action::"${p.id}", resource) when { ${branch(meets)} };`,
    );
    const notWithdrawn = '!principal.withdrawn.contains(action)';
    const fails = (kind: (level: number) => boolean) => (level: number) =>
      kind(level) ? `!(${meets(level)})` : 'false';
    const scope = `forbid(principal, action == Action::"${p.id}", resource)`;
    if (plain === 3 || sensitive === 3) {
      add(
        `separate.${p.id}`,
        'deny.separate-consent-required',
        `${scope} when { ${notWithdrawn} && ${branch(fails((l) => l === 3))} };`,
      );
    }
    if ([plain, sensitive].some((level) => level === 1 || level === 2)) {
      const when = branch(fails((l) => l === 1 || l === 2));
      add(`no-consent.${p.id}`, 'deny.no-consent', `${scope} when { ${notWithdrawn} && ${when} };`);
    }
  }
  return { policies, reasonOf };
}

/** Consent level the purpose needs for its declared plain (or sensitive) categories; the purpose's own level if none. */
function levelFor(facts: PolicyFacts, p: PurposeFacts, sensitive: boolean): number {
  const c = facts.categories.find((category) => category.sensitive === sensitive);
  return c === undefined ? 0 : p.required[c.index]!;
}
