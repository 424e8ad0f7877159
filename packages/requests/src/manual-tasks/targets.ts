import type { Manifest } from '@pledge/core';
import type { RequestRight } from '../workflow/rights.js';

/** The rights carried out on the stored data itself, where a store with no connector needs hands. */
export const MANUAL_TASK_RIGHTS = [
  'access',
  'portability',
  'rectification',
  'erasure',
  'restriction',
  'deregistration',
] as const satisfies readonly RequestRight[];

/** What a manual task is about: a dataset the DSR engine cannot reach. */
export interface ManualTaskTarget {
  /** Stable per request: `dataset:<id>`. */
  key: string;
  /** What to do, in words, for the checklist. */
  label: string;
}

const VERBS: Record<(typeof MANUAL_TASK_RIGHTS)[number], string> = {
  access: 'Copy the person’s data from',
  portability: 'Export the person’s data from',
  rectification: 'Correct the person’s data in',
  erasure: 'Erase the person’s data from',
  restriction: 'Restrict processing of the person’s data in',
  deregistration: 'Delete the person’s account data from',
};

/**
 * The datasets a request for `right` touches that no connector reaches: those whose
 * `datastore.connection` is not set, so the DSR engine cannot run against them. Each becomes a
 * manual task. Rights that act on processing rather than stored data (objection, withdrawal,
 * opt-out, review of an automated decision) give none.
 */
export function manualTaskTargets(manifest: Manifest, right: RequestRight): ManualTaskTarget[] {
  if (!(MANUAL_TASK_RIGHTS as readonly string[]).includes(right)) return [];
  const verb = VERBS[right as (typeof MANUAL_TASK_RIGHTS)[number]];
  return (manifest.datasets ?? [])
    .filter((d) => !d.datastore.connection)
    .map((d) => ({
      key: `dataset:${d.id}`,
      label: `${verb} ${d.id} (${d.datastore.kind}, no connector)`,
    }));
}
