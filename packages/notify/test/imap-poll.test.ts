import { ManualClock, openBoss, openRecurring } from '@pledge/jobs';
import type { Store } from '@pledge/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ImapConfig,
  type ImapProblem,
  imapConfigFromEnv,
  inboundRequestDraft,
  listInbound,
  mailboxKey,
  migrateNotify,
  pollImapOnce,
  readImapCursor,
  startImapPolling,
} from '../src/index.js';
import {
  IMAP_PASSWORD,
  IMAP_USER,
  imapServerAvailable,
  startImapServer,
  type TestImapServer,
} from './imap-server.js';
import { backend, bareStore } from './support.js';

const WRITER = 'canary-imap-4471@example.test';
const CONTACT = 'privacy@antsentry.example';

function letter(n: number, options: { messageId?: boolean } = {}): string {
  return [
    `From: Li Wei <${WRITER}>`,
    `To: ${CONTACT}`,
    `Subject: Erasure request ${n}`,
    ...(options.messageId === false ? [] : [`Message-ID: <letter-${n}@example.test>`]),
    'Date: Tue, 03 Mar 2026 08:00:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Please erase my account (letter ${n}).`,
    '',
  ].join('\r\n');
}

function configOf(url: string): ImapConfig {
  const read = imapConfigFromEnv({ PLEDGE_INBOUND_IMAP_URL: url });
  if (!read.ok || !read.config) throw new Error('test URL not read');
  return read.config;
}

describe.runIf(imapServerAvailable())('the contact address read from an IMAP mailbox', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let imap: TestImapServer;
  const clock = new ManualClock('2026-03-03T09:00:00Z');

  beforeEach(async () => {
    ({ store, cleanup } = await bareStore());
    await migrateNotify(store.db);
    imap = await startImapServer();
  });
  afterEach(async () => {
    await imap.close();
    await cleanup();
  });

  const poll = (url = imap.url()) => pollImapOnce({ db: store.db, config: configOf(url), clock });

  it('P0-60: logs a message delivered to the mailbox once, as a possible request, and flags it \\Seen', async () => {
    const uid = await imap.append(letter(1), new Date('2026-03-03T08:01:00Z'));
    const first = await poll();
    expect(first).toMatchObject({ ok: true, uidValidity: '1', lastUid: uid, reread: false });
    const [message] = await listInbound(store.db);
    expect(message).toMatchObject({
      from: WRITER,
      to: [CONTACT],
      subject: 'Erasure request 1',
      status: 'logged',
      requestRef: null,
    });
    // The legal clock starts when the mailbox received it, not when Pledge read it.
    expect(message?.receivedAt.toISOString()).toBe('2026-03-03T08:01:00.000Z');
    const draft = await inboundRequestDraft(store.db, message?.id ?? '');
    expect(draft).toMatchObject({ replyTo: WRITER, text: 'Please erase my account (letter 1).' });
    expect((await imap.flags()).get(uid)).toContain('\\Seen');

    const second = await poll();
    expect(second).toMatchObject({ ok: true, logged: [], lastUid: uid });
    expect(await listInbound(store.db)).toHaveLength(1);
    // Read, never deleted.
    expect([...(await imap.flags()).keys()]).toEqual([uid]);
  });

  it('reads many messages in batches, in order, including one without a Message-ID, each once', async () => {
    for (let n = 1; n <= 5; n++) {
      await imap.append(letter(n, { messageId: n !== 3 }), new Date(`2026-03-03T08:0${n}:00Z`));
    }
    const result = await pollImapOnce({ db: store.db, config: configOf(imap.url()), clock, batchSize: 2 });
    expect(result.ok && result.logged.map((m) => m.subject)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `Erasure request ${n}`),
    );
    expect(await poll()).toMatchObject({ ok: true, logged: [] });
    expect(await listInbound(store.db)).toHaveLength(5);
    expect([...(await imap.flags()).values()].every((f) => f.includes('\\Seen'))).toBe(true);
  });

  it('logs a message over the size limit with its first bytes and its whole size', async () => {
    const big = letter(7).replace('(letter 7).', `(letter 7).\r\n${'x'.repeat(2000)}`);
    await imap.append(big, new Date('2026-03-03T08:07:00Z'));
    await imap.append(letter(8), new Date('2026-03-03T08:08:00Z'));
    const result = await pollImapOnce({ db: store.db, config: configOf(imap.url()), clock, maxBytes: 1024 });
    expect(result.ok && result.logged.map((m) => [m.subject, m.size])).toEqual([
      ['Erasure request 7', Buffer.byteLength(big)],
      ['Erasure request 8', Buffer.byteLength(letter(8))],
    ]);
    const [, seven] = await listInbound(store.db);
    const draft = await inboundRequestDraft(store.db, seven?.id ?? '');
    expect(draft?.text.startsWith('Please erase my account (letter 7).')).toBe(true);
    expect(draft?.text.length).toBeLessThan(1024);
  });

  it('reads the mailbox again when its UIDVALIDITY changes, without logging a message twice', async () => {
    await imap.append(letter(1), new Date('2026-03-03T08:01:00Z'));
    await imap.append(letter(2), new Date('2026-03-03T08:02:00Z'));
    expect(await poll()).toMatchObject({ ok: true, uidValidity: '1', lastUid: 2 });
    // The mail server is rebuilt: new UIDVALIDITY, UIDs from 1 again, a new letter at UID 1.
    const port = imap.port;
    await imap.close();
    imap = await startImapServer({
      port,
      uidValidity: 42,
      messages: [
        { raw: letter(3), receivedAt: new Date('2026-03-03T08:03:00Z') },
        { raw: letter(1), receivedAt: new Date('2026-03-03T08:01:00Z') },
      ],
    });
    const after = await poll();
    expect(after).toMatchObject({ ok: true, uidValidity: '42', lastUid: 2, reread: true });
    expect(after.logged.map((m) => m.subject)).toEqual(['Erasure request 3']);
    expect((await listInbound(store.db)).map((m) => m.subject).sort()).toEqual(
      [1, 2, 3].map((n) => `Erasure request ${n}`),
    );
    expect(await readImapCursor(store.db, mailboxKey(configOf(imap.url())))).toEqual({
      uidValidity: '42',
      lastUid: 2,
    });
  });

  it('a wrong password is a clear problem naming the setting, and logs nothing', async () => {
    await imap.append(letter(1), new Date('2026-03-03T08:01:00Z'));
    const result = await poll(imap.url('not-the-password'));
    expect(result).toMatchObject({
      ok: false,
      logged: [],
      problem: { code: 'imap-login-failed', path: 'PLEDGE_INBOUND_IMAP_URL' },
    });
    const problem = (result as { problem: ImapProblem }).problem;
    expect(problem.message).toBe(
      `PLEDGE_INBOUND_IMAP_URL: the IMAP server at 127.0.0.1:${imap.port} refused the user name or password; check the credentials in the setting`,
    );
    expect(await listInbound(store.db)).toEqual([]);
    expect(await readImapCursor(store.db, mailboxKey(configOf(imap.url())))).toBeUndefined();
    expect((await imap.flags()).get(1)).not.toContain('\\Seen');
    for (const secret of ['not-the-password', IMAP_PASSWORD, IMAP_USER, WRITER]) {
      expect(JSON.stringify(result)).not.toContain(secret);
    }
  });

  it('names the setting when the server is unreachable, the mailbox missing, or the URL malformed', async () => {
    const missing = await poll(imap.url().replace(/\/INBOX$/, '/Privacy'));
    expect(missing).toMatchObject({ ok: false, problem: { code: 'imap-mailbox-missing' } });
    const port = imap.port;
    await imap.close();
    const down = await poll(
      `imap://${encodeURIComponent(IMAP_USER)}:${IMAP_PASSWORD}@127.0.0.1:${port}/INBOX`,
    );
    expect(down).toMatchObject({
      ok: false,
      problem: {
        code: 'imap-unreachable',
        message: `PLEDGE_INBOUND_IMAP_URL: cannot reach the IMAP server at 127.0.0.1:${port} (ECONNREFUSED)`,
      },
    });
    imap = await startImapServer();
    const bad = imapConfigFromEnv({ PLEDGE_INBOUND_IMAP_URL: `https://user:${IMAP_PASSWORD}@host/INBOX` });
    expect(bad).toMatchObject({
      ok: false,
      problem: { code: 'imap-url-invalid', path: 'PLEDGE_INBOUND_IMAP_URL' },
    });
    expect(JSON.stringify(bad)).not.toContain(IMAP_PASSWORD);
    expect(imapConfigFromEnv({})).toEqual({ ok: true, config: undefined });
    expect(configOf('imaps://a%40b.example:p%3Ass@mail.example')).toEqual({
      host: 'mail.example',
      port: 993,
      secure: true,
      user: 'a@b.example',
      password: 'p:ss',
      mailbox: 'INBOX',
    });
  });
});

describe.runIf(backend === 'postgres' && imapServerAvailable())('polling as a durable recurring job', () => {
  it('polls on the schedule, and after a restart goes on after the last UID', async () => {
    const { store, cleanup } = await bareStore();
    const imap = await startImapServer();
    const clock = new ManualClock('2026-03-03T10:00:00Z');
    const env = { PLEDGE_INBOUND_IMAP_URL: imap.url() };
    const problems: ImapProblem[] = [];
    const key = mailboxKey(configOf(imap.url()));
    const waitFor = async (check: () => Promise<boolean>) => {
      const deadline = Date.now() + 20_000;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error('the poll did not run in time');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const run = async (work: () => Promise<void>) => {
      const boss = await openBoss(store);
      const recurring = await openRecurring(store.db, boss, { clock });
      const started = await startImapPolling({
        db: store.db,
        boss,
        recurring,
        env,
        clock,
        pollingIntervalSeconds: 0.5,
        onProblem: (p) => problems.push(p),
      });
      if (!started.ok || !started.polling) throw new Error('polling did not start');
      try {
        expect(started.polling.mailbox).toBe(`127.0.0.1:${imap.port}/INBOX`);
        clock.advance(60_000);
        expect(await recurring.tick()).toHaveLength(1);
        await work();
      } finally {
        await started.polling.stop();
        await boss.stop({ graceful: true, wait: true });
      }
    };
    try {
      await imap.append(letter(1), new Date('2026-03-03T09:59:00Z'));
      await run(() => waitFor(async () => (await readImapCursor(store.db, key))?.lastUid === 1));
      // Delivered while Pledge was down: the next process reads it, and only it.
      await imap.append(letter(2), new Date('2026-03-03T10:02:00Z'));
      await run(() => waitFor(async () => (await readImapCursor(store.db, key))?.lastUid === 2));
      expect((await listInbound(store.db)).map((m) => m.subject)).toEqual([
        'Erasure request 2',
        'Erasure request 1',
      ]);
      expect(problems).toEqual([]);
    } finally {
      await imap.close();
      await cleanup();
    }
  });

  it('without the setting nothing is scheduled', async () => {
    const { store, cleanup } = await bareStore();
    const boss = await openBoss(store);
    try {
      const recurring = await openRecurring(store.db, boss);
      expect(await startImapPolling({ db: store.db, boss, recurring, env: {} })).toEqual({
        ok: true,
        polling: undefined,
      });
      expect(await recurring.list()).toEqual([]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
      await cleanup();
    }
  });
});
