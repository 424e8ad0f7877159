import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type NotifyDatabase, notifyDb } from '../migrations/schema.js';
import { parseMail } from './mime.js';

/** A message received at the contact address, as the console lists it. */
export interface InboundMessage {
  id: string;
  from: string;
  to: string[];
  subject: string;
  receivedAt: Date;
  size: number;
  /** Where the raw message is kept (a row of `pledge_notify_inbound_bodies`). */
  bodyRef: string;
  /** `logged` (a possible request), or `request` once one was opened from it. */
  status: 'logged' | 'request';
  requestRef: string | null;
}

/** A received message to log. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
  receivedAt: Date;
  /** The whole message's size when `raw` holds only its first bytes; default `raw.length`. */
  size?: number;
}

/** Logs a received message: envelope, subject, time, size, and the raw bytes by reference. */
export async function logInbound<T>(db: Kysely<T>, mail: ReceivedMail): Promise<InboundMessage> {
  const logged = await notifyDb(db)
    .transaction()
    .execute((tx) => insertInbound(tx, mail));
  return logged as InboundMessage;
}

/**
 * {@link logInbound} inside the caller's transaction. With `messageKey` (mail read from a
 * mailbox: its Message-ID) a message already logged under that key is not logged again, and
 * the result is `undefined`.
 */
export async function insertInbound(
  tx: Kysely<NotifyDatabase>,
  mail: ReceivedMail,
  messageKey?: string,
): Promise<InboundMessage | undefined> {
  const id = randomUUID();
  const bodyRef = randomUUID();
  const subject = (parseMail(mail.raw.toString('utf8')).headers.get('subject') ?? '').slice(0, 998);
  const size = mail.size ?? mail.raw.length;
  const inserted = await tx
    .insertInto('pledge_notify_inbound')
    .values({
      id,
      mail_from: mail.from,
      rcpt_to: JSON.stringify(mail.to),
      subject,
      received_at: mail.receivedAt,
      size,
      body_ref: bodyRef,
      status: 'logged',
      ...(messageKey === undefined ? {} : { message_key: messageKey }),
    })
    .onConflict((oc) => oc.column('message_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return undefined;
  await tx.insertInto('pledge_notify_inbound_bodies').values({ ref: bodyRef, raw: mail.raw }).execute();
  return {
    id,
    from: mail.from,
    to: mail.to,
    subject,
    receivedAt: mail.receivedAt,
    size,
    bodyRef,
    status: 'logged',
    requestRef: null,
  };
}

/** Lists received messages, newest first. */
export async function listInbound<T>(
  db: Kysely<T>,
  query: { status?: InboundMessage['status']; limit?: number } = {},
): Promise<InboundMessage[]> {
  let q = notifyDb(db).selectFrom('pledge_notify_inbound').selectAll();
  if (query.status) q = q.where('status', '=', query.status);
  const rows = await q
    .orderBy('received_at', 'desc')
    .limit(Math.min(query.limit ?? 100, 1000))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    from: r.mail_from,
    to: r.rcpt_to,
    subject: r.subject,
    receivedAt: new Date(r.received_at),
    size: r.size,
    bodyRef: r.body_ref,
    status: r.status as InboundMessage['status'],
    requestRef: r.request_ref,
  }));
}

/** What a request opened from a message needs: who wrote, when, and what they wrote. */
export interface InboundRequestDraft {
  inboundId: string;
  channel: 'email';
  /** The address to answer: `Reply-To`, else `From`, else the envelope sender. */
  replyTo: string;
  from: string;
  subject: string;
  receivedAt: Date;
  /** The first text/plain part, for the officer to read and pick the right asked for. */
  text: string;
  /** Already turned into a request: its reference. */
  requestRef: string | null;
}

/**
 * Reads a logged message as the start of a request (the receipt time is when it arrived,
 * which starts the legal clock). `undefined` when there is no such message.
 */
export async function inboundRequestDraft<T>(
  db: Kysely<T>,
  id: string,
): Promise<InboundRequestDraft | undefined> {
  const nd = notifyDb(db);
  const row = await nd
    .selectFrom('pledge_notify_inbound')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const body = await nd
    .selectFrom('pledge_notify_inbound_bodies')
    .select('raw')
    .where('ref', '=', row.body_ref)
    .executeTakeFirst();
  const parsed = parseMail(Buffer.from(body?.raw ?? new Uint8Array()).toString('utf8'));
  const address = (h: string | undefined) => (h ? (/<([^>]+)>/.exec(h)?.[1] ?? h).trim() : undefined);
  return {
    inboundId: row.id,
    channel: 'email',
    replyTo: address(parsed.headers.get('reply-to')) ?? address(parsed.headers.get('from')) ?? row.mail_from,
    from: row.mail_from,
    subject: row.subject,
    receivedAt: new Date(row.received_at),
    text: parsed.text,
    requestRef: row.request_ref,
  };
}

/**
 * Marks a message as turned into request `requestRef`. Returns false when it is unknown or
 * already belongs to another request (so a letter never opens two cases). `claim`: a reference
 * this caller set first (to hold the message while the request is stored) that may be replaced.
 */
export async function markInboundAsRequest<T>(
  db: Kysely<T>,
  id: string,
  requestRef: string,
  claim?: string,
): Promise<boolean> {
  const result = await notifyDb(db)
    .updateTable('pledge_notify_inbound')
    .set({ status: 'request', request_ref: requestRef })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('request_ref', 'is', null),
        eb('request_ref', '=', requestRef),
        ...(claim ? [eb('request_ref', '=', claim)] : []),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives back a message held by `claim` (the request could not be stored): logged again. */
export async function releaseInboundClaim<T>(db: Kysely<T>, id: string, claim: string): Promise<void> {
  await notifyDb(db)
    .updateTable('pledge_notify_inbound')
    .set({ status: 'logged', request_ref: null })
    .where('id', '=', id)
    .where('request_ref', '=', claim)
    .execute();
}
