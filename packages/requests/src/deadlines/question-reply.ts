import { computeDueDate, type DeadlineRule, type Manifest } from '@pledge/core';

/** The policy's reply clock for a message sent to one of its general contact channels. */
export interface QuestionReplyRule extends DeadlineRule {
  /** Where it comes from: `manifest:rights[<i>].deadline`. */
  ref: string;
}

/**
 * The reply deadline the policy sets for a message to a contact channel published for general
 * questions (`controller.contacts[].uses` has `general`): the first `rights[]` entry whose
 * deadline is a `reply` and whose `channels` name such a channel (the camera app's "we will reply
 * within fifteen days", P1-47). Undefined when the policy sets none: no deadline is invented.
 */
export function questionReplyRule(manifest: Manifest): QuestionReplyRule | undefined {
  const general = new Set(
    manifest.controller.contacts.filter((c) => c.uses.includes('general')).map((c) => c.id),
  );
  const index = manifest.rights.findIndex(
    (r) => r.deadline?.kind === 'reply' && r.channels.some((id) => general.has(id)),
  );
  const deadline = manifest.rights[index]?.deadline;
  if (!deadline) return undefined;
  return { amount: deadline.amount, unit: deadline.unit, ref: `manifest:rights[${index}].deadline` };
}

/**
 * When a reply to a message received at `receivedAt` is due, by {@link questionReplyRule},
 * counted on the calendar of the policy's only jurisdiction (else UTC, Monday to Friday).
 */
export function questionReplyDue(manifest: Manifest, receivedAt: Date): Date | undefined {
  const rule = questionReplyRule(manifest);
  if (!rule) return undefined;
  const laws = manifest.policy.jurisdictions;
  return computeDueDate(receivedAt, rule, laws.length === 1 && laws[0] ? { jurisdiction: laws[0] } : {}).due;
}
