import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { MessageChannel } from '../channels.js';
import { notifyDb, type OutboxBody } from '../migrations/schema.js';
import { isSecretTemplate } from './secret-templates.js';
import type { MessageKind, OutboxStatus } from './statuses.js';

/** A message to store in the outbox. */
export interface OutboxInput {
  channel: MessageChannel;
  kind?: MessageKind;
  /** An e-mail address, a phone number (sms) or an https URL (webhook). */
  recipient: string;
  subject?: string;
  /** The template it was rendered from, for the console. */
  template?: string;
  locale?: string;
  body: OutboxBody;
  /** What it is about: a request id, an inbound message id. */
  ref?: string;
}

/** A stored message, as the console lists it. The body is left out. */
export interface OutboxEntry {
  id: string;
  channel: MessageChannel;
  kind: MessageKind;
  recipient: string;
  subject: string;
  template: string | null;
  locale: string | null;
  ref: string | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/**
 * Stores a message before anything is sent: `queued`, or `held` when `hold` is true (no
 * SMTP server or gateway configured). Returns its id.
 */
export async function enqueueMessage<T>(
  db: Kysely<T>,
  input: OutboxInput,
  now: Date,
  hold = false,
): Promise<{ id: string; status: OutboxStatus }> {
  const id = randomUUID();
  const status: OutboxStatus = hold ? 'held' : 'queued';
  await notifyDb(db)
    .insertInto('pledge_notify_outbox')
    .values({
      id,
      channel: input.channel,
      kind: input.kind ?? 'transactional',
      recipient: input.recipient,
      subject: input.subject ?? '',
      template: input.template ?? null,
      locale: input.locale ?? null,
      body: JSON.stringify(input.body),
      ref: input.ref ?? null,
      status,
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    })
    .execute();
  return { id, status };
}

/** Which messages to list. */
export interface OutboxQuery {
  status?: OutboxStatus;
  ref?: string;
  limit?: number;
}

/** Lists the outbox, newest first, without bodies (for the console). */
export async function listOutbox<T>(db: Kysely<T>, query: OutboxQuery = {}): Promise<OutboxEntry[]> {
  let q = notifyDb(db).selectFrom('pledge_notify_outbox').selectAll();
  if (query.status) q = q.where('status', '=', query.status);
  if (query.ref) q = q.where('ref', '=', query.ref);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(Math.min(query.limit ?? 100, 1000))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel as MessageChannel,
    kind: r.kind as MessageKind,
    recipient: r.recipient,
    subject: r.subject,
    template: r.template,
    locale: r.locale,
    ref: r.ref,
    status: r.status as OutboxStatus,
    attempts: r.attempts,
    nextAttemptAt: new Date(r.next_attempt_at),
    lastError: r.last_error,
    createdAt: new Date(r.created_at),
    sentAt: r.sent_at ? new Date(r.sent_at) : null,
  }));
}

/**
 * The stored body of one message (the console's preview of a held mail). Messages carrying
 * a secret (a one-time code) are never shown: `{ redacted: true }`.
 */
export async function outboxBody<T>(db: Kysely<T>, id: string): Promise<OutboxBody | undefined> {
  const row = await notifyDb(db)
    .selectFrom('pledge_notify_outbox')
    .select(['body', 'template'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return isSecretTemplate(row.template) ? { redacted: true } : row.body;
}

/** Moves held messages of `channels` back to `queued` (a server is now configured). */
export async function releaseHeld<T>(
  db: Kysely<T>,
  channels: readonly MessageChannel[],
  now: Date,
): Promise<number> {
  if (channels.length === 0) return 0;
  const result = await notifyDb(db)
    .updateTable('pledge_notify_outbox')
    .set({ status: 'queued', next_attempt_at: now })
    .where('status', '=', 'held')
    .where('channel', 'in', channels)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
