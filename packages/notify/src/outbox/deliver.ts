import { type Kysely, type Selectable, sql } from 'kysely';
import type { MessageChannel } from '../channels.js';
import { notifyDb, type OutboxTable } from '../migrations/schema.js';
import type { EmailTransport } from '../transports/email-transport.js';
import { signWebhook } from '../transports/webhook/sign.js';
import type { WebhookTransport } from '../transports/webhook/webhook-transport.js';
import { type Backoff, DEFAULT_BACKOFF, retryDelayMs } from './backoff.js';
import { isSecretTemplate } from './secret-templates.js';

/** What delivery needs: the transports configured, the webhook secret, the retry schedule. */
export interface DeliveryConfig {
  /** Absent: e-mail is held. */
  email?: EmailTransport;
  webhook: WebhookTransport;
  /** Shared secret for `pledge-signature`; absent: webhooks and SMS are held. */
  webhookSecret?: string;
  /** The SMS gateway's webhook URL; absent: SMS is held. */
  smsGatewayUrl?: string;
  backoff?: Backoff;
  /** How long a worker owns a message it is sending before another may take it over. */
  leaseMs?: number;
}

/** What one delivery round did. */
export interface DeliveryRound {
  sent: number;
  retrying: number;
  failed: number;
  held: number;
}

/** Channels that can be sent with `config`; the others are held. */
export function deliverableChannels(config: DeliveryConfig): MessageChannel[] {
  const out: MessageChannel[] = [];
  if (config.email) out.push('email');
  if (config.webhookSecret) out.push('webhook');
  if (config.webhookSecret && config.smsGatewayUrl) out.push('sms');
  return out;
}

/**
 * Sends the messages that are due at `now` (queued, retrying whose time has come, or
 * sending whose worker's lease ran out), at most `limit`, each claimed with a lease so two
 * workers never send one twice at once. A failure schedules the next attempt with
 * exponential backoff and records the reason in words; the body is never logged.
 */
export async function deliverDue<T>(
  database: Kysely<T>,
  config: DeliveryConfig,
  now: Date,
  options: { limit?: number; ids?: readonly string[] } = {},
): Promise<DeliveryRound> {
  const db = notifyDb(database);
  const leaseUntil = new Date(now.getTime() + (config.leaseMs ?? 60_000));
  const channels = deliverableChannels(config);
  const round: DeliveryRound = { sent: 0, retrying: 0, failed: 0, held: 0 };
  if (channels.length === 0) return round;
  const ids = options.ids ? sql`and id in (${sql.join(options.ids)})` : sql``;
  const claimed = await sql<Selectable<OutboxTable>>`
    update pledge_notify_outbox set status = 'sending', lease_until = ${leaseUntil}
    where id in (
      select id from pledge_notify_outbox
      where channel in (${sql.join(channels)}) ${ids}
        and ((status in ('queued', 'retrying') and next_attempt_at <= ${now})
          or (status = 'sending' and lease_until < ${now}))
      order by next_attempt_at
      limit ${options.limit ?? 50}
      for update skip locked)
    returning *`.execute(db);
  const backoff = config.backoff ?? DEFAULT_BACKOFF;
  for (const row of claimed.rows) {
    const attempts = row.attempts + 1;
    try {
      await send(row, config, now);
      await db
        .updateTable('pledge_notify_outbox')
        .set({
          status: 'sent',
          attempts,
          sent_at: now,
          lease_until: null,
          last_error: null,
          // A one-time code is kept only as a hash by its owner: the copy in the mail goes once sent.
          ...(isSecretTemplate(row.template) ? { body: JSON.stringify({ redacted: true }) } : {}),
        })
        .where('id', '=', row.id)
        .execute();
      round.sent += 1;
    } catch (error) {
      const failed = attempts >= backoff.maxAttempts;
      await db
        .updateTable('pledge_notify_outbox')
        .set({
          status: failed ? 'failed' : 'retrying',
          attempts,
          lease_until: null,
          last_error: describe(error),
          next_attempt_at: new Date(now.getTime() + (failed ? 0 : retryDelayMs(backoff, attempts))),
        })
        .where('id', '=', row.id)
        .execute();
      if (failed) round.failed += 1;
      else round.retrying += 1;
    }
  }
  return round;
}

async function send(row: Selectable<OutboxTable>, config: DeliveryConfig, now: Date): Promise<void> {
  const body = typeof row.body === 'string' ? JSON.parse(row.body) : row.body;
  if (row.channel === 'email') {
    if (!config.email) throw new Error('no SMTP server configured');
    await config.email.send({
      to: row.recipient,
      subject: row.subject,
      text: body.text ?? '',
      ...(body.html ? { html: body.html } : {}),
      ...(body.headers ? { headers: body.headers } : {}),
    });
    return;
  }
  if (!config.webhookSecret) throw new Error('no webhook secret configured');
  const url = row.channel === 'sms' ? config.smsGatewayUrl : row.recipient;
  if (!url) throw new Error('no SMS gateway configured');
  const document =
    row.channel === 'sms'
      ? { type: 'sms', id: row.id, to: row.recipient, text: body.text ?? '' }
      : { type: row.template ?? 'notice', id: row.id, data: body.json ?? null };
  const payload = JSON.stringify(document);
  await config.webhook.post(url, payload, {
    'pledge-signature': signWebhook(config.webhookSecret, payload, now),
    // The same id on every retry: receivers drop duplicates by it.
    'pledge-message-id': row.id,
  });
}

/** The reason in words, short, without a stack. */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 300);
}
