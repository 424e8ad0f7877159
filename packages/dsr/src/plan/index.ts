export { buildPlan, type PlanOptions, planRunnable } from './build-plan.js';
export { formatPlan } from './format-plan.js';
export type * from './types.js';
