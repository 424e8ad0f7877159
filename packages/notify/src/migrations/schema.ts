import type { ColumnType, Kysely } from 'kysely';

type Time = ColumnType<Date, Date | string, Date | string>;

/** A message in the outbox, as stored. */
export interface OutboxTable {
  id: string;
  channel: string;
  kind: string;
  recipient: string;
  subject: string;
  template: string | null;
  locale: string | null;
  body: ColumnType<OutboxBody, string, string>;
  ref: string | null;
  status: string;
  attempts: number;
  next_attempt_at: Time;
  lease_until: Time | null;
  last_error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  sent_at: Time | null;
}

/** What a message carries: text and HTML for mail, a JSON document for a webhook. */
export interface OutboxBody {
  text?: string;
  html?: string;
  json?: JsonValue;
  headers?: Record<string, string>;
  /** Set once the body of a message carrying a secret was erased after sending. */
  redacted?: true;
}

/** A JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A message received at the contact address. */
export interface InboundTable {
  id: string;
  mail_from: string;
  rcpt_to: ColumnType<string[], string, string>;
  subject: string;
  received_at: Time;
  size: number;
  body_ref: string;
  status: string;
  request_ref: string | null;
  /** Set for mail read from an IMAP mailbox: its Message-ID (else a digest); unique. */
  message_key: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The raw message a row of {@link InboundTable} points at. */
export interface InboundBodyTable {
  ref: string;
  raw: Uint8Array;
}

/** Where the reading of an IMAP mailbox stopped. */
export interface ImapCursorTable {
  /** The mailbox, without credentials: `imap://user@host:port/INBOX`. */
  mailbox: string;
  uid_validity: string;
  last_uid: ColumnType<string, string | number, string | number>;
  updated_at: Time;
}

/** An address that asked to receive no more mail of a list. */
export interface UnsubscribedTable {
  address_hash: string;
  list: string;
  at: Time;
}

/** The notify package's tables. */
export interface NotifyDatabase {
  pledge_notify_outbox: OutboxTable;
  pledge_notify_inbound: InboundTable;
  pledge_notify_inbound_bodies: InboundBodyTable;
  pledge_notify_unsubscribed: UnsubscribedTable;
  pledge_notify_imap_cursor: ImapCursorTable;
}

/** The same connection, typed for the notify tables (they live beside the caller's). */
export function notifyDb<T>(db: Kysely<T>): Kysely<NotifyDatabase> {
  return db as unknown as Kysely<NotifyDatabase>;
}
