/**
 * Where a message is: `queued` (to send now), `held` (e-mail with no SMTP server configured;
 * shown in the console, sent once one is), `retrying` (failed, next attempt scheduled),
 * `sending` (leased by a worker), `sent`, `failed` (gave up after the last attempt).
 */
export const OUTBOX_STATUSES = ['queued', 'held', 'retrying', 'sending', 'sent', 'failed'] as const;

/** One of {@link OUTBOX_STATUSES}. */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Marketing mail carries an unsubscribe link and is never sent after an opt-out. */
export const MESSAGE_KINDS = ['transactional', 'marketing'] as const;

/** One of {@link MESSAGE_KINDS}. */
export type MessageKind = (typeof MESSAGE_KINDS)[number];
