import type { RequestState } from './states.js';

/**
 * Which state may follow which. `completed` and `denied` are final. A request is completed only
 * after it was verified (`verified`, `in-progress`, `extended` all come after verification), so
 * nothing is fulfilled for an unverified requester. `needs-clarification` pauses a request and
 * returns it to the state it left.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<RequestState, readonly RequestState[]>> = {
  received: ['verifying', 'verified', 'needs-clarification', 'denied'],
  verifying: ['verified', 'needs-clarification', 'denied'],
  verified: ['in-progress', 'needs-clarification', 'extended', 'completed', 'denied'],
  'needs-clarification': ['received', 'verifying', 'verified', 'in-progress', 'extended', 'denied'],
  'in-progress': ['needs-clarification', 'extended', 'completed', 'denied'],
  extended: ['in-progress', 'needs-clarification', 'completed', 'denied'],
  completed: [],
  denied: [],
};

/** States a request never leaves. */
export const FINAL_STATES: readonly RequestState[] = ['completed', 'denied'];

/** Whether the workflow allows going from `from` to `to`. */
export function canTransition(from: RequestState, to: RequestState): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}
