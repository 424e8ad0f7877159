import { type Clock, systemClock } from '@pledge/jobs';
import type { Kysely } from 'kysely';
import { migrateNotify } from '../migrations/notify-migrations.js';
import { type JsonValue, type NotifyDatabase, notifyDb } from '../migrations/schema.js';
import type { Backoff } from '../outbox/backoff.js';
import {
  type DeliveryConfig,
  type DeliveryRound,
  deliverableChannels,
  deliverDue,
} from '../outbox/deliver.js';
import { enqueueMessage, type OutboxInput, releaseHeld } from '../outbox/enqueue.js';
import type { OutboxStatus } from '../outbox/statuses.js';
import type { TemplateId, TemplateVars } from '../templates/catalog.js';
import { renderTemplate } from '../templates/render.js';
import type { EmailTransport } from '../transports/email-transport.js';
import type { SmtpConfig } from '../transports/smtp/smtp-config.js';
import { smtpTransport } from '../transports/smtp/smtp-transport.js';
import { fetchWebhookTransport, type WebhookTransport } from '../transports/webhook/webhook-transport.js';

/** How to build a {@link Notifier}. */
export interface NotifierOptions<T> {
  /** The store's connection; the notify tables are created on it by {@link createNotifier}. */
  db: Kysely<T>;
  /** SMTP server; absent (and no `email`): e-mail is kept in the outbox as `held`. */
  smtp?: SmtpConfig;
  /** A ready e-mail transport, instead of `smtp`. */
  email?: EmailTransport;
  /** Secret shared with webhook receivers and gateways (signs `pledge-signature`). */
  webhookSecret?: string;
  /** The SMS gateway's webhook URL. */
  smsGatewayUrl?: string;
  webhook?: WebhookTransport;
  clock?: Clock;
  backoff?: Backoff;
  /** Secret of unsubscribe links and address hashes; required for marketing mail. */
  linkSecret?: string;
  /** Public base URL of Pledge (`https://privacy.example.com`), for unsubscribe links. */
  publicUrl?: string;
}

/** What sending did: the message is in the outbox whatever happened to the attempt. */
export interface SendOutcome {
  id: string;
  status: OutboxStatus;
}

/** How {@link Notifier.send} waits. */
export interface SendOptions {
  /** Return once the message is stored; the first attempt runs after (see {@link Notifier.idle}). */
  background?: boolean;
}

/** Where a templated message goes. */
export interface TemplatedSend<K extends TemplateId> {
  channel: 'email' | 'sms';
  to: string;
  template: K;
  /** A language tag or `Accept-Language` value; English when unknown. */
  locale?: string;
  vars: TemplateVars[K];
  ref?: string;
}

/**
 * Sends messages through the outbox: each is stored first, then tried at once; failures are
 * retried by {@link Notifier.deliverDue} (call it on a timer, or {@link Notifier.start}).
 */
export class Notifier {
  /** The store's connection, typed for the notify tables. */
  readonly db: Kysely<NotifyDatabase>;
  readonly clock: Clock;
  readonly linkSecret: string | undefined;
  readonly publicUrl: string | undefined;
  readonly #config: DeliveryConfig;
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<DeliveryRound> | undefined;
  readonly #pending = new Set<Promise<void>>();

  /** Use {@link createNotifier}, which also creates the tables; `db` typed with `notifyDb`. */
  constructor(options: NotifierOptions<NotifyDatabase>) {
    this.db = options.db;
    this.clock = options.clock ?? systemClock;
    this.linkSecret = options.linkSecret;
    this.publicUrl = options.publicUrl?.replace(/\/+$/, '');
    const email = options.email ?? (options.smtp ? smtpTransport(options.smtp) : undefined);
    this.#config = {
      webhook: options.webhook ?? fetchWebhookTransport(),
      ...(email ? { email } : {}),
      ...(options.webhookSecret ? { webhookSecret: options.webhookSecret } : {}),
      ...(options.smsGatewayUrl ? { smsGatewayUrl: options.smsGatewayUrl } : {}),
      ...(options.backoff ? { backoff: options.backoff } : {}),
    };
  }

  /** Whether e-mail leaves Pledge (an SMTP server is configured) or is held in the outbox. */
  get emailConfigured(): boolean {
    return this.#config.email !== undefined;
  }

  /**
   * Renders a template and sends it by e-mail or SMS. With `background`, it returns once the
   * message is stored (`queued`) and the first attempt runs after.
   */
  async sendTemplate<K extends TemplateId>(
    send: TemplatedSend<K>,
    options: SendOptions = {},
  ): Promise<SendOutcome> {
    const rendered = renderTemplate(send.template, send.locale, send.vars);
    return this.send(
      {
        channel: send.channel,
        recipient: send.to,
        subject: rendered.subject,
        template: send.template,
        locale: rendered.locale,
        body:
          send.channel === 'email' ? { text: rendered.text, html: rendered.html } : { text: rendered.text },
        ...(send.ref ? { ref: send.ref } : {}),
      },
      options,
    );
  }

  /**
   * Posts a signed JSON document to a recipient's or gateway's webhook, retried with
   * backoff until it answers 2xx.
   */
  async sendWebhook(url: string, type: string, data: JsonValue, ref?: string): Promise<SendOutcome> {
    return this.send({
      channel: 'webhook',
      recipient: url,
      template: type,
      body: { json: data },
      ...(ref ? { ref } : {}),
    });
  }

  /** Stores a message and tries it once now (held when its channel is not configured). */
  async send(input: OutboxInput, options: SendOptions = {}): Promise<SendOutcome> {
    const now = this.clock.now();
    const hold = !deliverableChannels(this.#config).includes(input.channel);
    const { id, status } = await enqueueMessage(this.db, input, now, hold);
    if (hold) return { id, status };
    const attempt = deliverDue(this.db, this.#config, now, { ids: [id] });
    if (options.background) {
      const settled = attempt.then(
        () => undefined,
        () => undefined,
      );
      this.#pending.add(settled);
      void settled.finally(() => this.#pending.delete(settled));
      return { id, status };
    }
    await attempt;
    const row = await notifyDb(this.db)
      .selectFrom('pledge_notify_outbox')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirst();
    return { id, status: (row?.status ?? status) as OutboxStatus };
  }

  /** Resolves when the first attempts started in the background have finished. */
  async idle(): Promise<void> {
    await Promise.all(this.#pending);
  }

  /** Sends every message due now (first attempts and retries); one round at a time. */
  async deliverDue(): Promise<DeliveryRound> {
    this.#round ??= deliverDue(this.db, this.#config, this.clock.now()).finally(() => {
      this.#round = undefined;
    });
    return this.#round;
  }

  /** Moves held messages to the queue for the channels now configured. */
  async releaseHeld(): Promise<number> {
    return releaseHeld(this.db, deliverableChannels(this.#config), this.clock.now());
  }

  /** Delivers due messages every `everyMs` until {@link close}. */
  start(everyMs = 15_000): void {
    this.#timer ??= setInterval(() => {
      this.deliverDue().catch(() => {});
    }, everyMs);
    this.#timer.unref();
  }

  /** Stops the timer, waits for a round in progress, closes the SMTP connection. */
  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#round?.catch(() => {});
    await Promise.all(this.#pending);
    this.#config.email?.close();
  }
}

/** Creates the notify tables (when missing), then a {@link Notifier}; held mail is released if SMTP is configured. */
export async function createNotifier<T>(options: NotifierOptions<T>): Promise<Notifier> {
  await migrateNotify(options.db);
  const notifier = new Notifier({ ...options, db: notifyDb(options.db) });
  await notifier.releaseHeld();
  return notifier;
}
