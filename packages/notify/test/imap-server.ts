import { createRequire } from 'node:module';
import type { AddressInfo, Socket } from 'node:net';
import { servicesRequired } from '@pledge/testing';
import type hoodiecrowType from 'hoodiecrow-imap';
import { ImapFlow } from 'imapflow';

/** The mailbox user of the test server, and its password. */
export const IMAP_USER = 'privacy@antsentry.example';
export const IMAP_PASSWORD = 'imap-secret-5521';

/** A real IMAP server (hoodiecrow) on 127.0.0.1, for one test. */
export interface TestImapServer {
  port: number;
  /** The PLEDGE_INBOUND_IMAP_URL of its mailbox; `password` to try a wrong one. */
  url(password?: string): string;
  /** Appends a message over IMAP, as a delivery would; returns its UID. */
  append(raw: string, receivedAt: Date): Promise<number>;
  /** The flags of each message, by UID. */
  flags(): Promise<Map<number, string[]>>;
  close(): Promise<void>;
}

const load = createRequire(import.meta.url);

/**
 * Loads hoodiecrow, or says why not: with PLEDGE_REQUIRE_SERVICES=1 that fails the run,
 * otherwise it prints SKIP and the tests that need it are skipped.
 */
export function imapServerAvailable(): boolean {
  try {
    load('hoodiecrow-imap');
    return true;
  } catch {
    const message = 'the IMAP test server (npm hoodiecrow-imap) cannot be loaded';
    if (servicesRequired) throw new Error(`${message} and PLEDGE_REQUIRE_SERVICES=1`);
    console.warn(`SKIP: ${message}: skipping the IMAP polling tests`);
    return false;
  }
}

/**
 * Starts the server on `port` (0: a free one). `uidValidity` and `messages` describe the
 * mailbox as it is at start, as after a mail server's rebuild.
 */
export async function startImapServer(
  options: { port?: number; uidValidity?: number; messages?: { raw: string; receivedAt: Date }[] } = {},
): Promise<TestImapServer> {
  const hoodiecrow = load('hoodiecrow-imap') as typeof hoodiecrowType;
  const server = hoodiecrow({
    plugins: ['ID', 'UIDPLUS', 'UNSELECT', 'ENABLE', 'LITERALPLUS', 'SASL-IR', 'AUTH-PLAIN'],
    users: { [IMAP_USER]: { password: IMAP_PASSWORD } },
    storage: {
      INBOX: {
        uidvalidity: options.uidValidity ?? 1,
        messages: (options.messages ?? []).map((m) => ({ raw: m.raw, internaldate: imapDate(m.receivedAt) })),
      },
      '': {},
    },
  });
  const sockets = new Set<Socket>();
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const client = async <R>(work: (c: ImapFlow) => Promise<R>): Promise<R> => {
    const c = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user: IMAP_USER, pass: IMAP_PASSWORD },
      logger: false,
      disableAutoIdle: true,
    });
    c.on('error', () => {});
    await c.connect();
    try {
      return await work(c);
    } finally {
      await c.logout();
    }
  };
  return {
    port,
    url: (password = IMAP_PASSWORD) =>
      `imap://${encodeURIComponent(IMAP_USER)}:${encodeURIComponent(password)}@127.0.0.1:${port}/INBOX`,
    append: (raw, receivedAt) =>
      client(async (c) => {
        const appended = (await c.append('INBOX', raw, [], receivedAt)) || undefined;
        if (!appended?.uid) throw new Error('the test server did not say the UID it gave');
        return appended.uid;
      }),
    flags: () =>
      client(async (c) => {
        const lock = await c.getMailboxLock('INBOX');
        try {
          const all = await c.fetchAll('1:*', { uid: true, flags: true });
          return new Map(all.map((m) => [m.uid, [...(m.flags ?? [])]]));
        } finally {
          lock.release();
        }
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** INTERNALDATE as IMAP writes it: `14-Sep-2013 21:22:28 +0000`. */
function imapDate(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}-${months[date.getUTCMonth()]}-${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
