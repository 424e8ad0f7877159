import type { Manifest } from '@pledge/core';
import { type Clock, systemClock } from '@pledge/jobs';
import { enqueueMessage, type Notifier, type OutboxStatus, renderTemplate } from '@pledge/notify';
import { type Kysely, sql } from 'kysely';
import type { RequestActor } from '../intake/channels.js';
import { getRequest, requestsDb } from '../store/queries.js';
import { type RequestRefusal, refusal } from '../workflow/transition.js';

/**
 * Rights whose completion every recipient of the person's data must hear of (GDPR Art. 19).
 * A deregistration is an erasure of the whole account, so its recipients are told too.
 */
export const NOTICE_RIGHTS = ['erasure', 'rectification', 'restriction', 'deregistration'] as const;

/** Where a recipient takes notices: its webhook (signed by the notifier), else an e-mail address. */
export interface RecipientContact {
  readonly webhookUrl?: string;
  readonly email?: string;
}

/** Options of {@link noticeRecipients}. */
export interface RecipientNoticeOptions {
  readonly manifest: Manifest;
  readonly notifier: Notifier;
  readonly actor: RequestActor;
  /** Keyed hashes of the person's identifiers, as the disclosure log stores them. */
  readonly subjectHashes: readonly string[];
  /** Contacts of recipients, by manifest id; a recipient without one gets a held outbox message. */
  readonly contacts?: Readonly<Record<string, RecipientContact>>;
  readonly clock?: Clock;
}

/** One notice sent (or held) to a recipient. */
export interface RecipientNotice {
  readonly recipient: string;
  readonly channel: 'webhook' | 'email' | 'held';
  readonly outboxId: string;
  readonly status: OutboxStatus;
  /** Why the recipient is told: a logged disclosure of the person's data, the manifest, or both. */
  readonly from: ReadonlyArray<'disclosure-log' | 'manifest'>;
}

/** Recipients the disclosure log shows received data of these subjects (allowed disclosures only). */
async function disclosedTo<T>(db: Kysely<T>, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const table = await sql<{ t: string | null }>`select to_regclass('pledge_disclosures')::text as t`.execute(
    db,
  );
  if (!table.rows[0]?.t) return new Set();
  const rows = await sql<{ recipient: string }>`select distinct recipient from pledge_disclosures
    where allowed and subject_hash in (${sql.join([...hashes])})`.execute(db);
  return new Set(rows.rows.map((r) => r.recipient));
}

/**
 * Tells every recipient that received the person's data that a completed erasure, rectification
 * or restriction request applies to its copy: those of the disclosure log, and those of the
 * manifest the person's categories go to. Each notice goes through the notify outbox: a signed
 * webhook to the recipient's endpoint, else the `erasure-notice` e-mail to its contact, else a
 * held outbox message for an officer to forward. The notices are logged as the request's
 * `notify-recipients` event. A request not completed, or of another right, is refused.
 */
export async function noticeRecipients<T>(
  db: Kysely<T>,
  id: string,
  options: RecipientNoticeOptions,
): Promise<{ ok: true; notices: RecipientNotice[] } | RequestRefusal> {
  const request = await getRequest(db, id);
  if (!request) return refusal('request.not-found', 'id', 'no request has this id');
  if (!(NOTICE_RIGHTS as readonly string[]).includes(request.right))
    return refusal('request.no-recipient-notice', 'right', `${request.right} is not notified to recipients`);
  if (request.state !== 'completed')
    return refusal('request.not-completed', 'state', `a request in ${request.state} is not notified yet`);
  const clock = options.clock ?? systemClock;
  const logged = await disclosedTo(db, options.subjectHashes);
  const { manifest, notifier } = options;
  const controller = manifest.controller.name;
  const controllerName =
    typeof controller === 'string' ? controller : (controller.en ?? Object.values(controller)[0] ?? '');
  const notices: RecipientNotice[] = [];
  for (const recipient of manifest.recipients) {
    const inManifest = !recipient.declaresNoCollection && recipient.categories.length > 0;
    const from = [
      ...(logged.has(recipient.id) ? (['disclosure-log'] as const) : []),
      ...(inManifest ? (['manifest'] as const) : []),
    ];
    if (from.length === 0) continue;
    const vars = {
      requestId: id,
      subjectRef: Object.values(request.identity).flat().join(', '),
      categories: recipient.categories.join(', '),
      controller: controllerName,
    };
    const contact = options.contacts?.[recipient.id];
    if (contact?.webhookUrl) {
      const sent = await notifier.sendWebhook(
        contact.webhookUrl,
        'erasure-notice',
        { ...vars, right: request.right, recipient: recipient.id, categories: recipient.categories },
        id,
      );
      notices.push({
        recipient: recipient.id,
        channel: 'webhook',
        outboxId: sent.id,
        status: sent.status,
        from,
      });
    } else if (contact?.email) {
      const sent = await notifier.sendTemplate({
        channel: 'email',
        to: contact.email,
        template: 'erasure-notice',
        vars,
        ref: id,
      });
      notices.push({
        recipient: recipient.id,
        channel: 'email',
        outboxId: sent.id,
        status: sent.status,
        from,
      });
    } else {
      const rendered = renderTemplate('erasure-notice', undefined, vars);
      const held = await enqueueMessage(
        notifier.db,
        {
          channel: 'email',
          recipient: `recipient:${recipient.id}`,
          subject: rendered.subject,
          template: 'erasure-notice',
          locale: rendered.locale,
          body: { text: rendered.text, html: rendered.html },
          ref: id,
        },
        clock.now(),
        true,
      );
      notices.push({
        recipient: recipient.id,
        channel: 'held',
        outboxId: held.id,
        status: held.status,
        from,
      });
    }
  }
  await requestsDb(db)
    .insertInto('pledge_request_events')
    .values({
      request_id: id,
      at: clock.now(),
      action: 'notify-recipients',
      from_state: request.state,
      to_state: request.state,
      actor_kind: options.actor.kind,
      actor_id: options.actor.id,
      detail: JSON.stringify({
        notices: notices.map((n) => ({ recipient: n.recipient, channel: n.channel, outboxId: n.outboxId })),
      }),
    })
    .execute();
  return { ok: true, notices };
}
