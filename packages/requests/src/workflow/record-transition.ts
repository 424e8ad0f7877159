import { type Clock, systemClock } from '@pledge/jobs';
import type { Kysely, Updateable } from 'kysely';
import type { DeadlineRuleSpec } from '../deadlines/deadline-rules.js';
import type { RequestActor } from '../intake/channels.js';
import { openManualTaskCount } from '../manual-tasks/store.js';
import { deadlineColumns } from '../store/deadline-columns.js';
import { requestsDb } from '../store/queries.js';
import type { RequestsDatabase, RequestTable } from '../store/schema.js';
import { type RequestView, toView } from '../store/view.js';
import { type RequestRefusal, refusal, type TransitionAction, transition } from './transition.js';

/** Options of {@link transitionRequest}. */
export interface TransitionOptions {
  actor: RequestActor;
  clock?: Clock;
  /** Set with the transition (the DSR job that carries the request out). */
  dsrRequestId?: string;
}

/** The request after the step, or why it was refused. */
export type RecordResult = { ok: true; request: RequestView } | RequestRefusal;

/** What an event records of an action: reasons and grounds, never addresses or identity values. */
function eventDetail(input: TransitionAction): Record<string, unknown> {
  const { action: _action, ...rest } = input;
  return rest;
}

/**
 * Takes one step of a request's life (see {@link transition}) and records it with its event, in
 * one transaction under a row lock. Verification sets `verifiedAt` (a clock that starts at
 * verification starts then); clarification records when the pause began and resuming adds the
 * pause to the request, so a law that stops the clock moves the deadline; an extension is
 * refused (`request.extension-not-allowed`) when a binding rule allows none, and
 * (`request.extension-too-late`) once the deadline has passed. Completing is refused
 * (`request.manual-tasks-open`, path `manualTasks`) while a manual task is open. Unknown ids give
 * `request.not-found`.
 */
export async function transitionRequest<T>(
  db: Kysely<T>,
  id: string,
  input: TransitionAction,
  options: TransitionOptions,
): Promise<RecordResult> {
  const now = (options.clock ?? systemClock).now();
  return requestsDb(db)
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .selectFrom('pledge_requests')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return refusal('request.not-found', 'id', 'no request has this id');
      const decided = transition(
        { state: row.state, pausedFrom: row.paused_from, extended: row.extension !== null },
        input,
      );
      if (!decided.ok) return decided;
      if (input.action === 'complete') {
        const open = await openManualTaskCount<RequestsDatabase>(trx, id);
        if (open > 0) {
          return refusal(
            'request.manual-tasks-open',
            'manualTasks',
            `${open} manual task${open === 1 ? ' is' : 's are'} still open; tick each with its evidence first`,
          );
        }
      }
      const rules = row.rules as DeadlineRuleSpec[];
      let verifiedAt = row.verified_at ? new Date(row.verified_at) : null;
      let pausedMs = Number(row.paused_ms);
      const update: Updateable<RequestTable> = {
        state: decided.to,
        paused_from: decided.pausedFrom,
        updated_at: now,
      };
      switch (input.action) {
        case 'verify':
          verifiedAt = now;
          update.verified_at = now;
          update.verification_method = input.method;
          break;
        case 'clarify':
          update.paused_at = now;
          break;
        case 'resume':
          pausedMs += row.paused_at ? Math.max(0, now.getTime() - new Date(row.paused_at).getTime()) : 0;
          update.paused_ms = pausedMs;
          update.paused_at = null;
          break;
        case 'extend': {
          const current = deadlineColumns(rules, {
            receivedAt: new Date(row.received_at),
            verifiedAt,
            pausedMs,
          });
          if (!current.extensible) {
            return refusal(
              'request.extension-not-allowed',
              'reasons',
              'a rule that binds this request allows no extension',
            );
          }
          if (row.due_at && new Date(row.due_at) < now) {
            return refusal(
              'request.extension-too-late',
              'state',
              'the deadline has passed; it can no longer be extended',
            );
          }
          update.extension = JSON.stringify({
            reasons: [...input.reasons],
            note: input.note ?? null,
            at: now.toISOString(),
          });
          break;
        }
        case 'deny':
          update.denial = JSON.stringify({
            grounds: [...input.grounds],
            complaintRoute: input.complaintRoute,
            explanation: input.explanation ?? null,
          });
          update.completed_at = now;
          break;
        case 'complete':
          update.completed_at = now;
          break;
        default:
          break;
      }
      if (options.dsrRequestId) update.dsr_request_id = options.dsrRequestId;
      const extended = row.extension !== null || input.action === 'extend';
      if (input.action !== 'clarify' && decided.to !== 'completed' && decided.to !== 'denied') {
        const columns = deadlineColumns(rules, {
          receivedAt: new Date(row.received_at),
          verifiedAt,
          pausedMs,
          extended,
        });
        update.due_at = columns.due_at;
        update.due_rule = columns.due_rule;
        update.remind_at = columns.remind_at;
        if (columns.remind_at && columns.remind_at > now) update.reminded_at = null;
        if (columns.due_at && columns.due_at >= now) update.overdue_at = null;
      }
      const updated = await trx
        .updateTable('pledge_requests')
        .set(update)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('pledge_request_events')
        .values({
          request_id: id,
          at: now,
          action: input.action,
          from_state: decided.from,
          to_state: decided.to,
          actor_kind: options.actor.kind,
          actor_id: options.actor.id,
          detail: JSON.stringify({
            ...eventDetail(input),
            ...(options.dsrRequestId ? { dsrRequestId: options.dsrRequestId } : {}),
            ...(update.due_at ? { dueAt: (update.due_at as Date).toISOString() } : {}),
          }),
        })
        .execute();
      return { ok: true as const, request: toView(updated) };
    });
}
