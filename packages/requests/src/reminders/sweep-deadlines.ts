import { type Clock, systemClock } from '@pledge/jobs';
import type { Kysely, Transaction } from 'kysely';
import type { DeadlineRuleSpec } from '../deadlines/deadline-rules.js';
import type { ReminderKind } from '../deadlines/reminders.js';
import { requestsDb } from '../store/queries.js';
import type { RequestsDatabase } from '../store/schema.js';
import type { RequestState } from '../workflow/states.js';

/** A reminder the sweep produced. No address: the receiver reads the request by id. */
export interface Reminder {
  requestId: string;
  kind: ReminderKind;
  state: RequestState;
  dueAt: Date;
  /** Language to write in, when the requester gave one. */
  language: string | null;
}

/** Options of {@link sweepDeadlines}. */
export interface SweepOptions {
  clock?: Clock;
  /** Most requests handled per kind in one sweep (default 500); the next sweep takes the rest. */
  limit?: number;
  /**
   * Called for each reminder inside the transaction that records it, so a message queued here
   * (an outbox row) is stored exactly when the reminder is.
   */
  onReminder?: (trx: Transaction<RequestsDatabase>, reminder: Reminder) => Promise<void>;
}

/** What one sweep did. */
export interface SweepResult {
  at: Date;
  reminders: Reminder[];
}

const FINAL: RequestState[] = ['completed', 'denied'];

/** Whether the clock of a request waiting for clarification is stopped, so its due instant is not final. */
function clockStopped(state: RequestState, rules: unknown, dueRule: string | null): boolean {
  if (state !== 'needs-clarification') return false;
  const rule = (rules as DeadlineRuleSpec[]).find((r) => r.ref === dueRule);
  return rule?.pausesForClarification === true;
}

/**
 * Finds open requests whose reminder instant has come (`due-soon`) or whose deadline has passed
 * (`overdue`), marks each once (`remindedAt`, `overdueAt`) and records a `remind` or `overdue`
 * event, under row locks that other sweeps skip. A request whose clock is stopped for
 * clarification is left alone. Idempotent: a second sweep at the same time finds nothing.
 */
export async function sweepDeadlines<T>(db: Kysely<T>, options: SweepOptions = {}): Promise<SweepResult> {
  const now = (options.clock ?? systemClock).now();
  const limit = options.limit ?? 500;
  const reminders: Reminder[] = [];
  await requestsDb(db)
    .transaction()
    .execute(async (trx) => {
      for (const kind of ['overdue', 'due-soon'] as const) {
        const column = kind === 'overdue' ? 'due_at' : 'remind_at';
        const mark = kind === 'overdue' ? 'overdue_at' : 'reminded_at';
        const rows = await trx
          .selectFrom('pledge_requests')
          .select(['id', 'state', 'due_at', 'rules', 'due_rule', 'language'])
          .where('state', 'not in', FINAL)
          .where(column, '<', now)
          .where(mark, 'is', null)
          .orderBy(column)
          .limit(limit)
          .forUpdate()
          .skipLocked()
          .execute();
        for (const row of rows) {
          if (!row.due_at || clockStopped(row.state, row.rules, row.due_rule)) continue;
          const reminder: Reminder = {
            requestId: row.id,
            kind,
            state: row.state,
            dueAt: new Date(row.due_at),
            language: row.language,
          };
          await trx
            .updateTable('pledge_requests')
            .set(kind === 'overdue' ? { overdue_at: now, reminded_at: now } : { reminded_at: now })
            .where('id', '=', row.id)
            .execute();
          await trx
            .insertInto('pledge_request_events')
            .values({
              request_id: row.id,
              at: now,
              action: kind === 'overdue' ? 'overdue' : 'remind',
              from_state: row.state,
              to_state: row.state,
              actor_kind: 'system',
              actor_id: 'deadline-sweep',
              detail: JSON.stringify({ kind, dueAt: reminder.dueAt.toISOString() }),
            })
            .execute();
          await options.onReminder?.(trx, reminder);
          reminders.push(reminder);
        }
      }
    });
  return { at: now, reminders };
}
