import { type RequestActor, type RequestView, requestsDb } from '@pledge/requests';
import type { Kysely } from 'kysely';

/** What the runner records on a request besides state changes; the console and the API show them. */
export const RUNNER_EVENTS = [
  /** The plan waits for an officer's approval (the manifest's `rights[].approval: officer`). */
  'awaiting-approval',
  /** An officer approved the plan; the runner may carry it out. */
  'approve-plan',
  /** The DSR job matched several accounts; an officer confirms their count. */
  'execution-needs-review',
  /** The DSR job ended `partial`, `failed` or found no account: the request stays for the officer. */
  'execution-stopped',
  /** The engine refused the plan, or the right is carried out by an officer. */
  'execution-manual',
] as const;
/** One of {@link RUNNER_EVENTS}. */
export type RunnerEvent = (typeof RUNNER_EVENTS)[number];

/** Whether the request has an event with this action. */
export async function hasEvent<T>(db: Kysely<T>, requestId: string, action: string): Promise<boolean> {
  const row = await requestsDb(db)
    .selectFrom('pledge_request_events')
    .select('seq')
    .where('request_id', '=', requestId)
    .where('action', '=', action)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Records an event that leaves the request's state as it is; with `once`, only when the
 * request has no event of this action yet (a poll that sees the same situation again adds
 * nothing). The detail carries codes and counts, never identity values.
 */
export async function recordEvent<T>(
  db: Kysely<T>,
  request: Pick<RequestView, 'id' | 'state'>,
  action: RunnerEvent,
  detail: Record<string, unknown>,
  options: { actor: RequestActor; once?: boolean; now?: Date },
): Promise<boolean> {
  if (options.once && (await hasEvent(db, request.id, action))) return false;
  await requestsDb(db)
    .insertInto('pledge_request_events')
    .values({
      request_id: request.id,
      at: options.now ?? new Date(),
      action,
      from_state: request.state,
      to_state: request.state,
      actor_kind: options.actor.kind,
      actor_id: options.actor.id,
      detail: JSON.stringify(detail),
    })
    .execute();
  return true;
}
