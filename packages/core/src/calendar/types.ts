import type { DurationUnit } from '../manifest/schema/common';

/** A deadline rule for {@link dueDate}. */
export interface DeadlineRule {
  amount: number;
  unit: DurationUnit;
}
