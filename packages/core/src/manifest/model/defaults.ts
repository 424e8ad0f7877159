import type { RetentionAction } from '../schema/retention.js';

/**
 * Promise-like fields: what the policy says about them is a commitment or its opposite, so the
 * schema leaves them undefined when the manifest is silent and the rendered policy says nothing.
 * Where Pledge still has to act at run time it uses `runtime`, and `behaviour` says what that
 * does (lint rule `default.runtime-behaviour` reports it). `path` uses `[]` for "every entry".
 */
export const PROMISE_FIELDS = [
  {
    path: 'signals.globalPrivacyControl',
    runtime: true,
    behaviour: 'Global Privacy Control (Sec-GPC: 1) is honoured as an opt-out of sale and sharing',
  },
  {
    path: 'signals.doNotTrack',
    runtime: false,
    behaviour: 'Do Not Track (DNT: 1) is not honoured: non-essential trackers keep collecting',
  },
  { path: 'signals.showsSignalStatus', runtime: false, behaviour: undefined },
  // Not essential is the cautious reading (consent first), so lint does not report it.
  { path: 'trackers[].essential', runtime: false, behaviour: undefined },
  { path: 'purposes[].sale', runtime: false, behaviour: undefined },
  { path: 'purposes[].targetedAdvertising', runtime: false, behaviour: undefined },
  { path: 'categories[].required', runtime: false, behaviour: undefined },
  { path: 'permissions[].required', runtime: false, behaviour: undefined },
  { path: 'retention.rules[].action', runtime: 'delete', behaviour: undefined },
  { path: 'minors.ageVerification', runtime: 'none', behaviour: undefined },
  { path: 'breach.notifySubjects', runtime: true, behaviour: undefined },
  { path: 'breach.notifyAuthority', runtime: true, behaviour: undefined },
  { path: 'rights[].deadline.clockStart', runtime: 'receipt', behaviour: undefined },
  { path: 'rights[].deadline.kind', runtime: 'completion', behaviour: undefined },
  { path: 'policy.changes.advanceNotice', runtime: 'none', behaviour: undefined },
] as const;

/** A promise-like field's path, e.g. `trackers[].essential`. */
export type PromiseField = (typeof PROMISE_FIELDS)[number]['path'];

type RuntimeOf<P extends PromiseField> = Extract<(typeof PROMISE_FIELDS)[number], { path: P }>['runtime'];

/** The value Pledge acts on at run time when the manifest leaves `path` out. */
export function runtimeDefault<P extends PromiseField>(path: P): RuntimeOf<P> {
  const field = PROMISE_FIELDS.find((f) => f.path === path);
  // PROMISE_FIELDS lists every PromiseField, so the lookup cannot miss.
  return field?.runtime as RuntimeOf<P>;
}

/**
 * The actions a retention rule allows, as Pledge acts on them: one or several as stated (the
 * controller chooses among them), else the run-time default (delete).
 */
export function retentionActions(rule: {
  action?: RetentionAction | RetentionAction[] | undefined;
}): RetentionAction[] {
  if (rule.action === undefined) return [runtimeDefault('retention.rules[].action')];
  return Array.isArray(rule.action) ? [...rule.action] : [rule.action];
}
