import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message the sink received. */
export interface SunkMail {
  from: string;
  to: string[];
  /** The whole message as sent (headers and body). */
  raw: string;
}

/** An SMTP server a test starts to receive the mail the system sends. */
export interface MailSink {
  port: number;
  /** Everything accepted so far, in order. */
  messages: SunkMail[];
  /** How many RCPT commands it refused (see `refuse`). */
  refused: number;
  /** Resolves with the first message (already received or still to come) matching `match`. */
  next(match?: (mail: SunkMail) => boolean, timeoutMs?: number): Promise<SunkMail>;
  close(): Promise<void>;
}

/**
 * Starts an SMTP server on 127.0.0.1 (a free port) accepting any mail. `refuse(n)` decides
 * per delivery attempt (counted from 1) whether to answer 451, to test retries.
 */
export async function startMailSink(
  options: { refuse?: (attempt: number) => boolean } = {},
): Promise<MailSink> {
  const events = new EventEmitter();
  const messages: SunkMail[] = [];
  let attempts = 0;
  const sink = { messages, refused: 0 } as { messages: SunkMail[]; refused: number };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      attempts += 1;
      if (options.refuse?.(attempts)) {
        sink.refused += 1;
        const error = new Error('Mailbox busy, try later') as Error & { responseCode: number };
        error.responseCode = 451;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mail: SunkMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        messages.push(mail);
        events.emit('mail', mail);
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    get refused() {
      return sink.refused;
    },
    next(match = () => true, timeoutMs = 10_000) {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('mail', listener);
          reject(new Error('no matching mail arrived'));
        }, timeoutMs);
        const listener = (mail: SunkMail) => {
          if (!match(mail)) return;
          clearTimeout(timer);
          events.off('mail', listener);
          resolve(mail);
        };
        events.on('mail', listener);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
