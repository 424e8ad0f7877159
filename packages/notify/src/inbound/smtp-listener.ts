import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '@pledge/jobs';
import type { Kysely } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { migrateNotify } from '../migrations/notify-migrations.js';
import { type InboundMessage, logInbound } from './inbound-store.js';

/** How to serve the policy's contact address. */
export interface InboundListenerOptions<T> {
  db: Kysely<T>;
  /** The addresses served (the policy's contact address); mail to others is refused with 550. */
  addresses: readonly string[];
  /** Default 127.0.0.1; `0.0.0.0` to face the internet (put TLS in `tls`). */
  host?: string;
  /** Default 2525; 0 picks a free port. */
  port?: number;
  /** Largest message accepted, in bytes (default 10 MiB). */
  maxBytes?: number;
  /** Certificate and key for STARTTLS; absent: plain SMTP only (behind a relay). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  clock?: Clock;
  /** Called after each message is logged (the console's live view, a request draft). */
  onMessage?: (message: InboundMessage) => void;
}

/** A running listener. */
export interface InboundListener {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the contact address over SMTP: every message accepted is logged as a possible
 * request (sender, subject, time, size; the raw message by reference) before the server
 * answers 250, so a message the sender saw accepted is never lost.
 */
export async function startInboundListener<T>(options: InboundListenerOptions<T>): Promise<InboundListener> {
  await migrateNotify(options.db);
  const served = new Set(options.addresses.map((a) => a.trim().toLowerCase()));
  const clock = options.clock ?? systemClock;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const server = new SMTPServer({
    ...(options.tls ?? {}),
    authOptional: true,
    disabledCommands: options.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    size: maxBytes,
    banner: 'Pledge privacy contact',
    logger: false,
    onRcptTo(address, _session, callback) {
      if (served.has(address.address.toLowerCase())) return callback();
      const error = new Error('No such mailbox here') as Error & { responseCode: number };
      error.responseCode = 550;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          const error = new Error('Message too large') as Error & { responseCode: number };
          error.responseCode = 552;
          return callback(error);
        }
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((r) => r.address);
        logInbound(options.db, { from, to, raw: Buffer.concat(chunks), receivedAt: clock.now() }).then(
          (message) => {
            options.onMessage?.(message);
            callback(null, `Logged as ${message.id}`);
          },
          () => {
            const error = new Error('Try again later') as Error & { responseCode: number };
            error.responseCode = 451;
            callback(error);
          },
        );
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 2525, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
