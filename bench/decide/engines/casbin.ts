import { type Enforcer, newEnforcer, newModelFromString } from 'casbin';
import type { PolicyFacts } from '../facts.js';
import type { Answer, BenchWorld, Engine } from './types.js';

/**
 * RBAC with resource roles and a priority effect: the first matching policy line decides,
 * and its last field is the reason (returned by `enforceExSync`). The purpose check comes
 * first in the matcher so lines of other purposes are rejected cheaply.
 */
const MODEL = `
[request_definition]
r = sub, pur, cat

[policy_definition]
p = sub, pur, cat, eft, reason

[role_definition]
g = _, _
g2 = _, _

[policy_effect]
e = priority(p.eft) || deny

[matchers]
m = (p.pur == "*" || r.pur == p.pur) && (p.sub == "*" || g(r.sub, p.sub)) && (p.cat == "*" || g2(r.cat, p.cat))
`;

/**
 * casbin 5 (node-casbin, sync enforcer API). Policy lines are generated from the manifest
 * (denials first, in reason order, then the allow lines, then the consent failures); the
 * subject's state becomes role links: `consent:<purpose>@<level>` roles (level 3 inherits
 * 2 inherits 1, and policy acceptance grants every @1), `withdrawn:`, `opted-out:`,
 * `objected:`, `restricted:` roles. Categories are grouped (g2) by the consent level each
 * purpose needs for them, and by "not declared for this purpose".
 */
export async function casbinEngine(world: BenchWorld): Promise<Engine> {
  const { facts } = world;
  const enforcer = await newEnforcer(newModelFromString(MODEL));
  await enforcer.addPolicies(policyLines(facts));
  await enforcer.addNamedGroupingPolicies('g', [...hierarchyLinks(facts), ...subjectLinks(world)]);
  await enforcer.addNamedGroupingPolicies('g2', categoryLinks(facts));
  return casbinRunner(world, enforcer);
}

function casbinRunner(world: BenchWorld, enforcer: Enforcer): Engine {
  const { facts } = world;
  const { subject, purpose, categories, count } = world.requests;
  const subjectNames = world.subjects.map((_, s) => `s${s}`);
  const purposeIds = facts.purposes.map((p) => p.id);
  const categoryIds = facts.categories.map((c) => c.id);
  const NO_LINE: string[] = [];

  /** The deciding line: the first denying line among the categories, else the last allowing one. */
  const decisive = (i: number): [boolean, string[]] => {
    const sub = subjectNames[subject[i]!]!;
    const pur = purposeIds[purpose[i]!]!;
    let last: [boolean, string[]] = [false, NO_LINE];
    for (const c of categories[i]!) {
      last = enforcer.enforceExSync(sub, pur, categoryIds[c]!);
      if (!last[0]) return last;
    }
    return last;
  };
  return {
    name: 'casbin 5',
    encoding: 'RBAC + resource roles (g2), priority effect; reasons via enforceExSync (matched line)',
    answer(i): Answer {
      const [allowed, line] = decisive(i);
      return { allowed, reasons: [line[4] ?? 'deny.no-matching-rule'] };
    },
    batch(offset, n) {
      let sum = 0;
      for (let k = 0; k < n; k++) {
        const [allowed, line] = decisive((offset + k) % count);
        sum += (allowed ? 1 : 2) + (line[4]?.length ?? 0);
      }
      return sum;
    },
  };
}

function policyLines(facts: PolicyFacts): string[][] {
  const lines: string[][] = [];
  const deny = (sub: string, pur: string, cat: string, reason: string) =>
    lines.push([sub, pur, cat, 'deny', reason]);
  for (const p of facts.purposes) deny('*', p.id, `undeclared:${p.id}`, 'deny.category-not-declared');
  deny('restricted:all', '*', '*', 'deny.restricted');
  for (const p of facts.purposes) deny(`restricted-purpose:${p.id}`, p.id, '*', 'deny.restricted');
  for (const c of facts.categories) deny(`restricted-category:${c.id}`, '*', c.id, 'deny.restricted');
  for (const p of facts.purposes) {
    if (p.consentBased) deny(`withdrawn:${p.id}`, p.id, '*', 'deny.consent-withdrawn');
    else if (p.optOutMode) deny(`withdrawn:${p.id}`, p.id, '*', 'deny.opted-out');
  }
  for (const p of facts.purposes) if (p.optOutApplies) deny(`opted-out:${p.id}`, p.id, '*', 'deny.opted-out');
  for (const p of facts.purposes) if (p.objectable) deny(`objected:${p.id}`, p.id, '*', 'deny.objection');
  for (const p of facts.purposes) {
    for (const level of levelsOf(p.required, p.declared)) {
      const role = level === 0 ? '*' : `consent:${p.id}@${level}`;
      lines.push([role, p.id, `requires:${p.id}@${level}`, 'allow', p.allowReason]);
    }
  }
  for (const p of facts.purposes) {
    const levels = levelsOf(p.required, p.declared);
    if (levels.includes(3)) deny('*', p.id, `requires:${p.id}@3`, 'deny.separate-consent-required');
    if (levels.some((level) => level > 0)) deny('*', p.id, '*', 'deny.no-consent');
  }
  return lines;
}

function levelsOf(required: readonly number[], declared: readonly boolean[]): number[] {
  return [...new Set(required.filter((_, c) => declared[c]))].sort();
}

/** Role hierarchy: a stronger consent includes the weaker ones; acceptance counts as implied consent. */
function hierarchyLinks(facts: PolicyFacts): string[][] {
  return facts.purposes.flatMap((p) => [
    [`consent:${p.id}@3`, `consent:${p.id}@2`],
    [`consent:${p.id}@2`, `consent:${p.id}@1`],
    ['accepted', `consent:${p.id}@1`],
  ]);
}

function subjectLinks(world: BenchWorld): string[][] {
  const { facts } = world;
  const links: string[][] = [];
  world.subjects.forEach((s, si) => {
    const name = `s${si}`;
    if (s.accepted) links.push([name, 'accepted']);
    if (s.restrictedAll) links.push([name, 'restricted:all']);
    for (const p of facts.purposes) {
      const i = p.index;
      const level = s.consentLevel[i]!;
      if (level > 0) links.push([name, `consent:${p.id}@${level}`]);
      if (s.withdrawn[i] === 1) links.push([name, `withdrawn:${p.id}`]);
      if (s.optedOut[i] === 1) links.push([name, `opted-out:${p.id}`]);
      if (s.objections[i] === 1) links.push([name, `objected:${p.id}`]);
      if (s.restrictedPurposes[i] === 1) links.push([name, `restricted-purpose:${p.id}`]);
    }
    for (const c of facts.categories)
      if (s.restrictedCategories[c.index]) links.push([name, `restricted-category:${c.id}`]);
  });
  return links;
}

function categoryLinks(facts: PolicyFacts): string[][] {
  const links: string[][] = [];
  for (const p of facts.purposes) {
    for (const c of facts.categories) {
      links.push([
        c.id,
        p.declared[c.index] ? `requires:${p.id}@${p.required[c.index]}` : `undeclared:${p.id}`,
      ]);
    }
  }
  return links;
}
