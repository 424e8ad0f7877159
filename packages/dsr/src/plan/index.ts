export { buildPlan, type PlanOptions, planRunnable } from './build-plan';
export { formatPlan } from './format-plan';
export type * from './types';
