import type { Locator, Plan, PlanStep } from './types.js';

function locatorText(plan: Plan, locator: Locator): string {
  switch (locator.via) {
    case 'identity':
      return `${locator.field} = identity ${locator.identity}`;
    case 'reference': {
      const from = plan.steps[locator.from];
      return `${locator.field} references step ${locator.from + 1} (${from?.dataset}.${from?.collection}.${locator.fromField})`;
    }
    case 'owner': {
      const t = locator.through;
      return `${locator.field} = ${t.dataset}.${t.collection}.${t.referenceField} of rows whose ${t.identityField} = identity ${t.identity}`;
    }
  }
}

function stepText(plan: Plan, step: PlanStep): string[] {
  const lines = [
    `${step.index + 1}. ${step.dataset}.${step.collection} (${step.datastore}, key ${step.keyField})`,
  ];
  if (step.root) lines.push("     root: the rows found here are the subject's own");
  for (const locator of step.locators) lines.push(`     locate: ${locatorText(plan, locator)}`);
  if (step.categories.length > 0) lines.push(`     categories: ${step.categories.join(', ')}`);
  if (step.erasure) {
    const e = step.erasure;
    if (e.mode === 'delete-row') lines.push('     erase: delete the rows');
    else if (e.mode === 'none') lines.push('     erase: nothing (every field kept)');
    else {
      const changed = e.fields.filter((f) => f.strategy !== 'keep').map((f) => `${f.field} ${f.strategy}`);
      lines.push(`     erase: ${changed.join(', ')}`);
    }
    for (const h of e.held) lines.push(`     kept under legal hold ${h.legalHold}: ${h.field}`);
  }
  if (step.rectify) lines.push(`     rectify: ${step.rectify.join(', ')}`);
  for (const s of step.statements) {
    const note = s.exact
      ? ''
      : '   (stand-in: the expression follows the column type, read when the step runs)';
    lines.push(`     [${s.operation}/${s.per}] ${s.text}${note}`);
  }
  return lines;
}

/** A plan as text for a terminal: steps, locators, statements, then the issues. */
export function formatPlan(plan: Plan): string {
  const lines = [`Plan for ${plan.kind}: ${plan.steps.length} step(s)`];
  lines.push(`identity kinds used: ${plan.identity.used.join(', ') || '(none)'}`);
  if (plan.identity.missing.length > 0)
    lines.push(`identity kinds missing: ${plan.identity.missing.join(', ')}`);
  lines.push('');
  for (const step of plan.steps) lines.push(...stepText(plan, step));
  if (plan.kind === 'erase' && plan.steps.length > 0) {
    const order = plan.writeOrder.map((i) => `${plan.steps[i]?.dataset}.${plan.steps[i]?.collection}`);
    lines.push('', `write order (children first): ${order.join(' → ')}`);
  }
  if (plan.unreachable.length > 0) lines.push('', `unreachable: ${plan.unreachable.join(', ')}`);
  if (plan.notReached.length > 0) lines.push(`not reached by this request: ${plan.notReached.join(', ')}`);
  if (plan.issues.length > 0) {
    lines.push('', 'issues:');
    for (const i of plan.issues) lines.push(`  ${i.severity} ${i.code} at ${i.path}: ${i.message}`);
  }
  return `${lines.join('\n')}\n`;
}
