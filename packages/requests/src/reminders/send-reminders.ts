import type { Notifier } from '@pledge/notify';
import type { Reminder } from './sweep-deadlines.js';

const DAY_MS = 86_400_000;

/** Where reminders go: the privacy officer's address (never the requester's). */
export interface ReminderDelivery {
  notifier: Notifier;
  /** The officer's e-mail address. */
  to: string;
  /** Language of the reminder (`en`, `zh-CN`); default English. */
  locale?: string;
}

/**
 * Queues one `officer-reminder` e-mail per reminder through the notify outbox (sent at once when
 * SMTP is configured, else held in the outbox the console shows), each tagged with the request
 * (`ref` `request:<id>`). Returns how many were queued.
 */
export async function sendReminders(
  delivery: ReminderDelivery,
  reminders: readonly Reminder[],
  now: Date,
): Promise<number> {
  for (const reminder of reminders) {
    const daysLeft = Math.max(0, Math.ceil((reminder.dueAt.getTime() - now.getTime()) / DAY_MS));
    await delivery.notifier.sendTemplate(
      {
        channel: 'email',
        to: delivery.to,
        template: 'officer-reminder',
        ...(delivery.locale ? { locale: delivery.locale } : {}),
        vars: {
          requestId: reminder.requestId,
          dueDate: reminder.dueAt.toISOString(),
          daysLeft: String(daysLeft),
        },
        ref: `request:${reminder.requestId}`,
      },
      { background: true },
    );
  }
  return reminders.length;
}
