import type { Selectable } from 'kysely';
import type { DsrStepTable } from '../jobs/schema.js';
import type { Plan } from '../plan/types.js';

/**
 * The steps from `position` in the plan's write order that can be written in one datastore
 * transaction: consecutive (steps already done between them are passed over), of the same
 * dataset, not done, each with located keys that fit one
 * batch and no batch done yet, and none blocked by a failed step that references it (`stopped`).
 * Only erasures and rectifications write; an access gets none.
 */
export function transactionGroup(
  plan: Plan,
  rows: ReadonlyArray<Selectable<DsrStepTable>>,
  position: number,
  batchSize: number,
  stopped: ReadonlySet<number>,
): number[] {
  if (plan.kind !== 'erase' && plan.kind !== 'rectify') return [];
  const dataset = plan.steps[plan.writeOrder[position] ?? -1]?.dataset;
  const group: number[] = [];
  for (const index of plan.writeOrder.slice(position)) {
    const step = plan.steps[index];
    const row = rows[index];
    if (!step || !row || step.dataset !== dataset) break;
    // A step done already (found nothing, or done by an earlier attempt) writes nothing.
    if (row.status === 'done') continue;
    const keys = row.located_keys?.length ?? 0;
    if (keys === 0 || keys > batchSize || row.batches_done > 0) break;
    const blocked = plan.steps.some(
      (s) =>
        stopped.has(s.index) &&
        s.dataset === step.dataset &&
        s.locators.some((l) => l.via === 'reference' && l.from === index),
    );
    if (blocked) break;
    group.push(index);
  }
  return group;
}
