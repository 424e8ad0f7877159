import type { Manifest } from '@pledge/core';
import type { Plan, PlanStep } from '../plan/types.js';

/**
 * The subject's root steps: collections whose rows stand for a subject, such as an accounts
 * table, found directly by the identity. A step is a root when an identity locator finds it,
 * no reference from another step reaches it, and its rows are subjects: its key field
 * declares an identity (`id` is the `user-id`), or other collections hang from its rows
 * (they are located through it). Rows that merely mention an identity (messages, events)
 * are not roots: one person has many. More than one row found in a root step means the
 * identity names more than one subject.
 *
 * Stands alone so that the planner's own notion of roots (directed ownership) can replace it.
 */
export function rootSteps(plan: Pick<Plan, 'steps'>, manifest: Manifest): PlanStep[] {
  return plan.steps.filter((step) => {
    if (!step.locators.some((l) => l.via === 'identity')) return false;
    if (step.locators.some((l) => l.via === 'reference')) return false;
    const key = manifest.datasets
      .find((d) => d.id === step.dataset)
      ?.collections.find((c) => c.name === step.collection)
      ?.fields.find((f) => f.name === step.keyField);
    const parent = plan.steps.some((s) =>
      s.locators.some((l) => l.via === 'reference' && l.from === step.index),
    );
    return key?.identity !== undefined || parent;
  });
}
