import type { Manifest } from '@pledge/core';
import type { Plan } from '../plan/types.js';

/** A field of the subject's rows that the erasure left as it was, though the manifest asks to erase it. */
export interface NotErased {
  dataset: string;
  collection: string;
  field: string;
  /** In words, e.g. `is the key of the table and stays while the row stays`. */
  reason: string;
}

/**
 * Fields an erasure leaves in place against the manifest: personal fields (with categories
 * or an identity) whose strategy the plan had to turn into `keep`, such as the key of a
 * collection erased field by field (the row must stay addressable). Fields kept under a
 * legal hold are not listed: they are kept on purpose and reported as kept. Only steps
 * that found rows count (`located` by step index).
 */
export function notErasedFields(
  manifest: Manifest,
  plan: Plan,
  located: (index: number) => number,
): NotErased[] {
  if (plan.kind !== 'erase') return [];
  const out: NotErased[] = [];
  for (const step of plan.steps) {
    const erasure = step.erasure;
    if (!erasure || erasure.mode === 'delete-row' || located(step.index) === 0) continue;
    const collection = manifest.datasets
      .find((d) => d.id === step.dataset)
      ?.collections.find((c) => c.name === step.collection);
    if (!collection) continue;
    for (const field of collection.fields) {
      if (field.legalHold !== undefined || field.erasure === 'keep') continue;
      if (field.categories.length === 0 && field.identity === undefined) continue;
      const planned = erasure.fields.find((f) => f.field === field.name);
      if (planned?.strategy !== 'keep') continue;
      const reason =
        field.name === step.keyField
          ? `is the key of ${step.collection} and stays while the row stays (declare erasure: delete-row to remove it)`
          : `cannot be rewritten by the ${field.erasure} strategy here`;
      out.push({ dataset: step.dataset, collection: step.collection, field: field.name, reason });
    }
  }
  return out;
}
