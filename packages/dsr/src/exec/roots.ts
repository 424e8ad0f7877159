import type { Plan, PlanStep } from '../plan/types.js';

/**
 * The subject's root steps: collections the identity finds directly (an identity locator)
 * and that no reference from another step reaches, such as the accounts table. More than one
 * row found in a root step means the identity names more than one subject.
 *
 * Stands alone so that the planner's own notion of roots can replace it.
 */
export function rootSteps(plan: Pick<Plan, 'steps'>): PlanStep[] {
  return plan.steps.filter(
    (step) =>
      step.locators.some((l) => l.via === 'identity') && !step.locators.some((l) => l.via === 'reference'),
  );
}
