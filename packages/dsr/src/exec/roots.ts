import type { Manifest } from '@pledge/core';
import type { Plan, PlanStep } from '../plan/types.js';

/**
 * The subject's root steps: collections whose rows stand for a subject, such as an accounts
 * table, found directly by the identity. A step is a root when the planner marks it so (the
 * subject's identity, or the one allowed climb to an owner, finds it; no owned reference
 * reaches it) and its rows are subjects: its key field
 * declares an identity (`id` is the `user-id`), or other collections hang from its rows
 * (they are located through it). Rows that merely mention an identity (messages, events)
 * are not roots: one person has many. More than one row found in a root step means the
 * identity names more than one subject.
 */
export function rootSteps(plan: Pick<Plan, 'steps'>, manifest: Manifest): PlanStep[] {
  return plan.steps.filter((step) => {
    // Plans stored before the planner marked roots: an identity finds it, no reference does.
    const root =
      step.root ??
      (step.locators.some((l) => l.via === 'identity') && !step.locators.some((l) => l.via === 'reference'));
    if (!root) return false;
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
