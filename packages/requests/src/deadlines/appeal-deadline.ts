import { getJurisdiction, type JurisdictionKey } from '@pledge/core';
import type { DeadlineRuleSpec } from './deadline-rules.js';

/**
 * The deadline to decide an appeal of a refused request, where the requester's law sets one
 * (the US state laws: 45 or 60 days from the appeal's receipt). Undefined when the law has no
 * appeal (the requester complains to the authority instead). Feed it to
 * `computeRequestDeadline` with the appeal's receipt as `receivedAt`.
 */
export function appealDeadlineRule(jurisdiction: JurisdictionKey): DeadlineRuleSpec | undefined {
  const rule = getJurisdiction(jurisdiction)?.appealDeadline?.value;
  if (!rule) return undefined;
  return {
    source: 'jurisdiction',
    ref: `jurisdiction:${jurisdiction}:appeal`,
    amount: rule.amount,
    unit: rule.unit,
    clockStart: rule.clockStart,
    jurisdiction,
    ...(rule.extension ? { extension: { amount: rule.extension.amount, unit: rule.extension.unit } } : {}),
    pausesForClarification: false,
  };
}
