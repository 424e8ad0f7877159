import { createHash } from 'node:crypto';
import { type Clock, systemClock } from '@pledge/jobs';
import { type FetchMessageObject, ImapFlow } from 'imapflow';
import type { Kysely } from 'kysely';
import { notifyDb } from '../migrations/schema.js';
import { type ImapConfig, type ImapProblem, mailboxKey } from './imap-config.js';
import { readImapCursor, saveImapCursor } from './imap-cursor.js';
import { describeImapFailure, type ImapStage } from './imap-failure.js';
import { type InboundMessage, insertInbound } from './inbound-store.js';

/** How to read a mailbox once. */
export interface ImapPollOptions<T> {
  /** The database holding the notify tables (run `migrateNotify` first). */
  db: Kysely<T>;
  config: ImapConfig;
  clock?: Clock;
  /** Messages fetched per round trip (default 50); a poll goes on until none is left. */
  batchSize?: number;
  /** Bytes kept of one message (default 10 MiB); a larger one is logged with its first bytes. */
  maxBytes?: number;
  /** Gives up on a silent server after this long (default 30 s). */
  timeoutMs?: number;
  /** Called after each message is logged. */
  onMessage?: (message: InboundMessage) => void;
}

/** What one poll did; `ok: false` names the setting and the failure, never credentials or mail. */
export type ImapPollResult =
  | { ok: true; logged: InboundMessage[]; uidValidity: string; lastUid: number; reread: boolean }
  | { ok: false; problem: ImapProblem; logged: InboundMessage[] };

/**
 * Reads the messages that arrived in the mailbox since the last poll and logs each as a
 * possible request, exactly as the SMTP listener does. Progress (UIDVALIDITY and the last
 * UID) is stored with each message in one transaction, so a restart neither loses nor
 * repeats one; a new UIDVALIDITY reads the mailbox again, and the Message-ID keeps what was
 * logged from being logged twice. Messages read are flagged `\Seen`; none is ever deleted.
 */
export async function pollImapOnce<T>(options: ImapPollOptions<T>): Promise<ImapPollResult> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const batchSize = options.batchSize ?? 50;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const key = mailboxKey(config);
  const logged: InboundMessage[] = [];
  let stage: ImapStage = 'connect';
  // Set while the database works: its errors are not the mailbox's, and are thrown.
  let inDb = false;
  const inDatabase = async <R>(work: () => Promise<R>): Promise<R> => {
    inDb = true;
    const result = await work();
    inDb = false;
    return result;
  };
  const client = new ImapFlow({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: { user: config.user, pass: config.password },
    // Its logger would write server dialogue (addresses, subjects) to our logs.
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    ...(config.allowSelfSigned ? { tls: { rejectUnauthorized: false } } : {}),
  });
  client.on('error', () => {});
  try {
    await client.connect();
    stage = 'open';
    const lock = await client.getMailboxLock(config.mailbox);
    stage = 'read';
    try {
      const uidValidity = String(client.mailbox ? client.mailbox.uidValidity : '');
      const cursor = await inDatabase(() => readImapCursor(options.db, key));
      const reread = cursor !== undefined && cursor.uidValidity !== uidValidity;
      let lastUid = reread || !cursor ? 0 : cursor.lastUid;
      for (;;) {
        const found = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
        // `n:*` always matches the newest message, even when its UID is below n.
        const uids = found
          .filter((uid) => uid > lastUid)
          .sort((a, b) => a - b)
          .slice(0, batchSize);
        if (uids.length === 0) break;
        const messages = await fetchBatch(client, uids, maxBytes);
        for (const message of messages) {
          const mail = receivedMail(message, clock.now());
          const stored = await inDatabase(() =>
            notifyDb(options.db)
              .transaction()
              .execute(async (tx) => {
                const inserted = await insertInbound(tx, mail, messageKey(message, mail.raw));
                await saveImapCursor(tx, key, { uidValidity, lastUid: message.uid }, clock.now());
                return inserted;
              }),
          );
          if (stored) {
            logged.push(stored);
            options.onMessage?.(stored);
          }
        }
        await client.messageFlagsAdd(uids, ['\\Seen'], { uid: true });
        lastUid = Math.max(lastUid, ...uids);
        if (uids.length < batchSize) break;
      }
      if (!cursor || reread) {
        await inDatabase(() =>
          notifyDb(options.db)
            .transaction()
            .execute((tx) => saveImapCursor(tx, key, { uidValidity, lastUid }, clock.now())),
        );
      }
      return { ok: true, logged, uidValidity, lastUid, reread };
    } finally {
      lock.release();
    }
  } catch (error) {
    if (inDb) throw error;
    return { ok: false, problem: describeImapFailure(config, stage, error), logged };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** The batch's messages in UID order; one over `maxBytes` with its first `maxBytes` bytes only. */
async function fetchBatch(client: ImapFlow, uids: number[], maxBytes: number): Promise<FetchMessageObject[]> {
  const heads = await client.fetchAll(
    uids,
    { uid: true, envelope: true, internalDate: true, size: true },
    { uid: true },
  );
  const small = heads.filter((m) => (m.size ?? 0) <= maxBytes).map((m) => m.uid);
  const sources = new Map<number, Buffer | undefined>();
  if (small.length > 0) {
    for (const m of await client.fetchAll(small, { uid: true, source: true }, { uid: true }))
      sources.set(m.uid, m.source);
  }
  for (const m of heads.filter((h) => !small.includes(h.uid))) {
    const part = await client.fetchOne(
      String(m.uid),
      { uid: true, source: { maxLength: maxBytes } },
      { uid: true },
    );
    sources.set(m.uid, part ? part.source : undefined);
  }
  return heads
    .map((m) => ({ ...m, source: sources.get(m.uid) ?? Buffer.alloc(0) }))
    .sort((a, b) => a.uid - b.uid);
}

function receivedMail(message: FetchMessageObject, now: Date) {
  const envelope = message.envelope;
  const from = envelope?.from?.[0]?.address ?? envelope?.sender?.[0]?.address ?? '';
  const to = (envelope?.to ?? []).map((a) => a.address ?? '').filter(Boolean);
  const internal = message.internalDate ? new Date(message.internalDate) : undefined;
  // The mailbox's receipt time starts the legal clock; one in the future is not believed.
  const receivedAt =
    internal && !Number.isNaN(internal.getTime()) && internal.getTime() <= now.getTime() ? internal : now;
  const raw = message.source ?? Buffer.alloc(0);
  return { from, to, raw, receivedAt, size: Math.max(message.size ?? 0, raw.length) };
}

/** The Message-ID, else a digest of the bytes: what makes a message read twice the same one. */
function messageKey(message: FetchMessageObject, raw: Buffer): string {
  const id = message.envelope?.messageId?.trim();
  return id ? `message-id:${id}` : `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}
